// Charging API (api-contract.md, Charging; issue 6): invoice runs, invoices and their
// documents, payments, credit notes, buy-back packages, statements and the summary.
#include "adapter/download.hpp"
#include "adapter/invoice_documents.hpp"
#include "api/finance_json.hpp"
#include "api/handlers.hpp"
#include "api/json_input.hpp"
#include "api/respond.hpp"
#include "core/text.hpp"

namespace sendhub::api {
namespace {

auto invoice_out(const RequestContext& ctx) {
    return [today = ctx.today()](const InvoiceRecord& inv) { return invoice_json(inv, today); };
}

Result<InvoiceId> invoice_id(RequestContext& ctx) {
    auto id = id_param<InvoiceId>(ctx);
    if (!id) return std::unexpected(Error::not_found("No such invoice."));
    return *id;
}

}  // namespace

Response invoices_run(RequestContext& ctx) {
    auto f = JsonFields::from_body(ctx.request);
    auto period_end = f.text("period_end");
    if (auto checked = f.check(); !checked) return json_error(checked.error());
    auto created = run_invoices(ctx.services, ctx.actor(), period_end, ctx.acting());
    if (!created) return json_error(created.error());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& inv : *created) items.push_back(invoice_json(inv, ctx.today()));
    return json_response(200, {{"items", items}, {"created", created->size()}});
}

Response invoices_list(RequestContext& ctx) {
    auto query = ctx.query();
    auto params = list_params(query);
    if (!params) return json_error(params.error());
    auto school = school_filter(query);
    if (!school) return json_error(school.error());
    InvoiceFilter filter{
        .school_urn = *school, .before_id = parse_int(params->cursor), .limit = params->limit};
    if (auto text = query.get("status"); !text.empty()) {
        filter.status = parse_term(invoice_status_terms(), text);
        if (!filter.status)
            return json_error(
                Error::invalid("status", "invalid", "status is issued, paid or credited"));
    }
    auto page = list_invoices(ctx.services, ctx.actor(), filter);
    nlohmann::json items = nlohmann::json::array();
    for (const auto& inv : page.items) items.push_back(invoice_json(inv, ctx.today()));
    return json_response(200, list_body(items, page.next_cursor));
}

Response invoice_get(RequestContext& ctx) {
    auto id = invoice_id(ctx);
    if (!id) return json_error(id.error());
    return respond(get_invoice(ctx.services, ctx.actor(), *id), 200, invoice_out(ctx));
}

Response invoice_pdf(RequestContext& ctx) {
    auto id = invoice_id(ctx);
    if (!id) return json_error(id.error());
    auto pdf = issued_invoice_pdf(ctx.services, ctx.actor(), *id, sendhub::invoice_pdf);
    if (!pdf) return json_error(pdf.error());
    return download(std::move(*pdf), "application/pdf",
                    "invoice-" + std::to_string(id->value) + ".pdf", true);
}

Response credit_note_pdf(RequestContext& ctx) {
    auto id = parse_int(ctx.param("id"));
    if (!id) return json_error(Error::not_found("No such credit note."));
    auto pdf = issued_credit_note_pdf(ctx.services, ctx.actor(), *id, sendhub::credit_note_pdf);
    if (!pdf) return json_error(pdf.error());
    return download(std::move(*pdf), "application/pdf",
                    "credit-note-" + std::to_string(*id) + ".pdf", true);
}

Response invoice_payment_create(RequestContext& ctx) {
    auto id = invoice_id(ctx);
    if (!id) return json_error(id.error());
    auto f = JsonFields::from_body(ctx.request);
    auto amount = f.text("amount_pence");
    auto paid_on = f.text("paid_on");
    if (auto checked = f.check(); !checked) return json_error(checked.error());
    auto pence = parse_int(amount);
    if (!pence)
        return json_error(Error::invalid("amount_pence", amount.empty() ? "required" : "invalid",
                                         "amount_pence is a whole number of pence, like 8700"));
    return respond(record_payment(ctx.services, ctx.actor(), *id, *pence, paid_on, ctx.acting()),
                   201, invoice_out(ctx));
}

namespace {
nlohmann::json trust_settings_json(const TrustSettings& t) {
    return {{"name", t.name},
            {"address", t.address},
            {"email", t.email},
            {"phone", t.phone},
            {"vat_number", t.vat_number ? nlohmann::json(*t.vat_number) : nlohmann::json()},
            {"bank_account_name", t.bank_account_name},
            {"sort_code", t.sort_code},
            {"account_number", t.account_number}};
}
}  // namespace

Response trust_settings_get(RequestContext& ctx) {
    return json_response(200, trust_settings_json(trust_settings(ctx.services)));
}

Response trust_settings_put(RequestContext& ctx) {
    auto f = JsonFields::from_body(ctx.request);
    TrustSettings in{
        f.text("name"), f.text("address"),           f.text("email"),     f.text("phone"),
        std::nullopt,   f.text("bank_account_name"), f.text("sort_code"), f.text("account_number")};
    if (auto vat = f.text("vat_number"); !vat.empty()) in.vat_number = vat;
    if (auto checked = f.check(); !checked) return json_error(checked.error());
    return respond(save_trust_settings(ctx.services, ctx.actor(), in, ctx.acting()), 200,
                   trust_settings_json);
}

Response invoices_csv(RequestContext& ctx) {
    auto school = school_filter(ctx.query());
    if (!school) return json_error(school.error());
    return download(sendhub::invoices_csv(export_invoices(ctx.services, ctx.actor(), *school)),
                    "text/csv; charset=utf-8", "invoices-" + format_date(ctx.today()) + ".csv",
                    false);
}

Response invoices_xlsx(RequestContext& ctx) {
    auto school = school_filter(ctx.query());
    if (!school) return json_error(school.error());
    return download(sendhub::invoices_xlsx(export_invoices(ctx.services, ctx.actor(), *school)),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    "invoices-" + format_date(ctx.today()) + ".xlsx", false);
}

Response invoice_pay(RequestContext& ctx) {
    auto id = invoice_id(ctx);
    if (!id) return json_error(id.error());
    auto f = JsonFields::from_body(ctx.request);
    auto paid_on = f.text("paid_on");
    if (auto checked = f.check(); !checked) return json_error(checked.error());
    return respond(mark_invoice_paid(ctx.services, ctx.actor(), *id, paid_on, ctx.acting()), 200,
                   invoice_out(ctx));
}

Response invoice_credit(RequestContext& ctx) {
    auto id = invoice_id(ctx);
    if (!id) return json_error(id.error());
    auto f = JsonFields::from_body(ctx.request);
    auto amount = f.text("amount_pence");
    auto reason = f.text("reason");
    if (auto checked = f.check(); !checked) return json_error(checked.error());
    return respond(credit_invoice(ctx.services, ctx.actor(), *id, amount, reason, ctx.acting()),
                   200, invoice_out(ctx));
}

Response school_statement_get(RequestContext& ctx) {
    auto urn = id_param<SchoolUrn>(ctx, "urn");
    if (!urn) return json_error(Error::not_found("No such school."));
    return respond(school_statement(ctx.services, ctx.actor(), *urn), 200, statement_json);
}

Response packages_list(RequestContext& ctx) {
    auto school = school_filter(ctx.query());
    if (!school) return json_error(school.error());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& p : list_packages(ctx.services, ctx.actor(), *school))
        items.push_back(package_json(p));
    return json_response(200, list_body(items, std::nullopt));
}

Response package_create(RequestContext& ctx) {
    auto f = JsonFields::from_body(ctx.request);
    PackageInput in{f.text("school_urn"),  f.text("grade"),     f.text("days"),
                    f.text("price_pence"), f.text("starts_on"), f.text("ends_on"),
                    f.text("description")};
    if (auto checked = f.check(); !checked) return json_error(checked.error());
    return respond(add_package(ctx.services, ctx.actor(), in, ctx.acting()), 201, package_json);
}

Response package_get(RequestContext& ctx) {
    auto id = id_param<PackageId>(ctx);
    if (!id) return json_error(Error::not_found("No such package."));
    return respond(get_package(ctx.services, ctx.actor(), *id), 200, package_json);
}

Response finance_summary_get(RequestContext& ctx) {
    return json_response(200, finance_summary_json(finance_dashboard(ctx.services)));
}

}  // namespace sendhub::api
