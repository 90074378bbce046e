// Charging: tariffs, invoices, payments, packages and the finance summary.
#include "api/handlers.hpp"
#include "app/route_table.hpp"
#include "web/handlers.hpp"

namespace sendhub {

void add_charging_routes(RouteTable& r) {
    using P = Permission;
    // Charging (api-contract.md, Charging)
    r.page("GET", "/tariffs", P::read_tariffs, pages::tariffs);
    r.page("POST", "/tariffs", P::manage_tariffs, pages::tariff_add);
    r.page("GET", "/invoices", P::read_invoices, pages::invoices_page);
    r.page("POST", "/invoices/run", P::manage_invoices, pages::invoices_run_submit);
    r.page("GET", "/invoices/{id}", P::read_invoices, pages::invoice_page);
    r.page("POST", "/invoices/{id}/credit", P::manage_invoices, pages::invoice_credit_submit);
    r.page("GET", "/schools/{urn}/statement", P::read_invoices, pages::statement_page);
    r.page("GET", "/packages", P::read_invoices, pages::packages_page);
    r.page("POST", "/packages", P::manage_invoices, pages::package_create_submit);
    r.page("GET", "/finance", P::read_finance_summary, pages::finance_page);
    r.json("GET", "/api/v1/tariffs", P::read_tariffs, api::tariffs_list);
    r.json("POST", "/api/v1/tariffs", P::manage_tariffs, api::tariff_create);
    r.json("POST", "/api/v1/invoices/run", P::manage_invoices, api::invoices_run);
    r.json("GET", "/api/v1/invoices", P::read_invoices, api::invoices_list);
    r.json("GET", "/api/v1/invoices.csv", P::read_invoices, api::invoices_csv);
    r.json("GET", "/api/v1/invoices.xlsx", P::read_invoices, api::invoices_xlsx);
    r.json("GET", "/api/v1/invoices/{id}.pdf", P::read_invoices, api::invoice_pdf);  // before {id}
    r.json("GET", "/api/v1/invoices/{id}", P::read_invoices, api::invoice_get);
    r.json("POST", "/api/v1/invoices/{id}/pay", P::record_payments, api::invoice_pay);
    r.json("POST", "/api/v1/invoices/{id}/payments", P::record_payments,
           api::invoice_payment_create);
    r.json("GET", "/api/v1/credit-notes/{id}.pdf", P::read_invoices, api::credit_note_pdf);
    r.json("GET", "/api/v1/settings/trust", P::signed_in, api::trust_settings_get);
    r.json("PUT", "/api/v1/settings/trust", P::manage_users, api::trust_settings_put);
    r.page("GET", "/settings/trust", P::manage_users, pages::trust_settings_page);
    r.page("POST", "/settings/trust", P::manage_users, pages::trust_settings_save);
    r.page("POST", "/invoices/{id}/payments", P::record_payments, pages::invoice_payment_submit);
    r.json("POST", "/api/v1/invoices/{id}/credit", P::manage_invoices, api::invoice_credit);
    r.json("GET", "/api/v1/schools/{urn}/statement", P::read_invoices, api::school_statement_get);
    r.json("GET", "/api/v1/packages", P::read_invoices, api::packages_list);
    r.json("POST", "/api/v1/packages", P::manage_invoices, api::package_create);
    r.json("GET", "/api/v1/packages/{id}", P::read_invoices, api::package_get);
    r.json("GET", "/api/v1/finance/summary", P::read_finance_summary, api::finance_summary_get);
}

}  // namespace sendhub
