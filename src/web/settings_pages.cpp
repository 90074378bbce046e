// The trust's details for invoices and credit notes (administrators).
#include "adapter/error_response.hpp"
#include "service/finance_service.hpp"
#include "web/form_view.hpp"
#include "web/handlers.hpp"
#include "web/page.hpp"

namespace sendhub::pages {
namespace {

TrustSettings settings_from_form(const http::FormData& form) {
    TrustSettings in{form.get("name"),      form.get("address"),
                     form.get("email"),     form.get("phone"),
                     std::nullopt,          form.get("bank_account_name"),
                     form.get("sort_code"), form.get("account_number")};
    if (auto vat = form.get("vat_number"); !vat.empty()) in.vat_number = vat;
    return in;
}

Response render_settings(RequestContext& ctx, const TrustSettings& t, const FormView& form,
                         int status) {
    nlohmann::json view{
        {"summary", form.summary()},
        {"fields",
         {{"name", form.input("name", "Trust name", t.name, {.autocomplete = "organization"})},
          {"address", form.textarea("address", "Postal address", t.address,
                                    "Printed on every invoice and credit note", 4)},
          {"email", form.input("email", "Finance email address", t.email,
                               {.hint = "Schools write here about invoices",
                                .type = "email",
                                .autocomplete = "email",
                                .spellcheck = false})},
          {"phone", form.input("phone", "Finance phone number (optional)", t.phone,
                               {.type = "tel", .autocomplete = "tel", .width = "20"})},
          {"vat_number",
           form.input("vat_number", "VAT registration number (optional)", t.vat_number.value_or(""),
                      {.hint = "Leave empty if the trust is not registered for VAT",
                       .width = "20",
                       .spellcheck = false})},
          {"bank_account_name",
           form.input("bank_account_name", "Name on the bank account", t.bank_account_name)},
          {"sort_code", form.input("sort_code", "Sort code", t.sort_code,
                                   {.hint = "6 digits, like 30-99-50",
                                    .width = "5",
                                    .spellcheck = false,
                                    .inputmode = "numeric"})},
          {"account_number",
           form.input(
               "account_number", "Account number", t.account_number,
               {.hint = "8 digits", .width = "10", .spellcheck = false, .inputmode = "numeric"})}}},
    };
    return render_page(ctx, "Trust details for invoices", "settings_trust", std::move(view),
                       status);
}

}  // namespace

Response trust_settings_page(RequestContext& ctx) {
    return render_settings(ctx, trust_settings(ctx.services), FormView{}, 200);
}

Response trust_settings_save(RequestContext& ctx) {
    TrustSettings typed = settings_from_form(ctx.form);
    auto saved = save_trust_settings(ctx.services, ctx.actor(), typed, ctx.acting());
    if (!saved) {
        return form_failure(ctx, saved.error(), [&](const FormView& form, int status) {
            return render_settings(ctx, typed, form, status);
        });
    }
    return redirect_with_flash(ctx, "/settings/trust",
                               "Saved. Invoices and credit notes issued from now on print these "
                               "details.");
}

}  // namespace sendhub::pages
