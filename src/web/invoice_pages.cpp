// Invoices on pages: the list with the invoice run (finance), one invoice with its PDF,
// payment and credit notes, and a school's statement. SENCOs see their own school's only.
#include "adapter/documents.hpp"
#include "adapter/error_response.hpp"
#include "adapter/invoice_documents.hpp"
#include "core/money_input.hpp"
#include "core/text.hpp"
#include "service/finance_service.hpp"
#include "web/finance_views.hpp"
#include "web/form_view.hpp"
#include "web/handlers.hpp"
#include "web/page.hpp"
#include "web/views.hpp"

namespace sendhub::pages {
namespace {

Options status_options() {
    return options_of(invoice_status_terms(), "Any status");
}

Response render_invoices(RequestContext& ctx, const FormView& form, int status) {
    auto query = ctx.query();
    const Actor& actor = ctx.actor();
    bool senco = is_school_role(actor.role);
    InvoiceFilter filter{.before_id = parse_int(query.get("before")), .limit = kDefaultPageSize};
    filter.status = parse_term(invoice_status_terms(), query.get("status"));
    if (auto urn = parse_int(query.get("school_urn"))) filter.school_urn = SchoolUrn{*urn};
    auto page = list_invoices(ctx.services, actor, filter);
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& inv : page.items) rows.push_back(invoice_row(inv, ctx.today()));
    std::string period_end = ctx.form.get("period_end");
    if (period_end.empty()) period_end = format_date(ctx.today());
    auto keep = [&](std::string_view name) {
        return std::pair<std::string, std::string>(name, query.get(name));
    };
    std::string export_query =
        query.get("school_urn").empty() ? "" : query_string({keep("school_urn")});
    nlohmann::json view{
        {"summary", form.summary()},
        {"can_run", allows(actor, Permission::manage_invoices)},
        {"list_heading", senco ? "Your school's invoices" : "All invoices"},
        {"show_school_filter", !senco},
        {"invoices", rows},
        {"count_text", rows.empty() ? "No invoices match"
                                    : std::to_string(rows.size()) +
                                          (rows.size() == 1 ? " invoice" : " invoices")},
        {"export_query", export_query},
        {"statement_href",
         senco && actor.school_urn
             ? nlohmann::json("/schools/" + std::to_string(actor.school_urn->value) + "/statement")
             : nlohmann::json(false)},
        {"fields",
         {{"period_end", form.date_input("period_end", "Invoice work delivered up to and including",
                                         period_end, "Often the last day of last month")},
          {"status", form.select("status", "Status", status_options(), query.get("status"))},
          {"school_urn", form.input("school_urn", "School URN", query.get("school_urn"),
                                    {.width = "10", .inputmode = "numeric"})}}},
        {"next_href",
         page.next_cursor
             ? nlohmann::json("/invoices" + query_string({keep("status"),
                                                          keep("school_urn"),
                                                          {"before", *page.next_cursor}}))
             : nlohmann::json(false)},
    };
    return render_page(ctx, "Invoices", "invoices_list", std::move(view), status);
}

Result<InvoiceRecord> invoice_of(RequestContext& ctx) {
    auto id = id_param<InvoiceId>(ctx);
    if (!id) return std::unexpected(Error::not_found("No such invoice."));
    return get_invoice(ctx.services, ctx.actor(), *id);
}

Response render_invoice(RequestContext& ctx, const InvoiceRecord& inv, const FormView& form,
                        int status) {
    const InvoiceSteps steps = invoice_steps(ctx.actor(), invoice_facts(inv));
    nlohmann::json lines = nlohmann::json::array();
    for (const auto& l : inv.lines)
        lines.push_back({{"description", l.description},
                         {"quantity", line_quantity(l)},
                         {"unit", line_unit_price(l)},
                         {"amount", money(l.amount_pence)}});
    nlohmann::json credits = nlohmann::json::array();
    for (const auto& cn : inv.credit_notes)
        credits.push_back({{"id", std::to_string(cn.id)},
                           {"number", cn.number},
                           {"date", format_long_date(cn.issue_date)},
                           {"reason", cn.reason},
                           {"amount", money(-cn.amount_pence)}});
    nlohmann::json payments = nlohmann::json::array();
    for (const auto& paid : inv.payments)
        payments.push_back(
            {{"date", format_long_date(paid.paid_on)}, {"amount", money(paid.amount_pence)}});
    const std::string paid_on =
        ctx.form.has("paid_on") ? ctx.form.get("paid_on") : format_date(ctx.today());
    nlohmann::json view{
        {"summary", form.summary()},
        {"id", std::to_string(inv.id.value)},
        {"number", inv.number},
        {"school_name", inv.school_name},
        {"school_urn", std::to_string(inv.school_urn.value)},
        {"issue_date", format_long_date(inv.issue_date)},
        {"due_date", format_long_date(inv.due_date)},
        {"period_end", format_long_date(inv.period_end)},
        {"purchase_order",
         inv.purchase_order.empty() ? nlohmann::json(false) : nlohmann::json(inv.purchase_order)},
        {"paid_on",
         inv.paid_on ? nlohmann::json(format_long_date(*inv.paid_on)) : nlohmann::json(false)},
        {"has_payments", !payments.empty()},
        {"payments", payments},
        {"outstanding", money(inv.outstanding_pence())},
        {"tag", invoice_status_tag(inv, ctx.today())},
        {"lines", lines},
        {"total", money(inv.total_pence)},
        {"has_credit_notes", !credits.empty()},
        {"credit_notes", credits},
        {"can_pay", steps.record_payment},
        {"can_credit", steps.credit},
        {"fields",
         {{"paid_on", form.date_input("paid_on", "Date the payment arrived", paid_on)},
          {"payment_amount",
           form.pounds("payment_amount", "Amount received",
                       ctx.form.has("payment_amount") ? ctx.form.get("payment_amount")
                                                      : pounds_for_input(inv.outstanding_pence()),
                       "The balance is " + money(inv.outstanding_pence()) +
                           ". Enter less if the school has paid part of it.")},
          {"credit_amount",
           form.pounds("credit_amount", "Amount to credit", ctx.form.get("credit_amount"),
                       "Leave blank to credit everything not yet credited (" +
                           money(inv.total_pence - inv.credited_pence) + ")")},
          {"reason", form.textarea("reason", "Reason", ctx.form.get("reason"),
                                   "The school sees this on the credit note", 3)}}},
    };
    return render_page(ctx, "Invoice " + inv.number, "invoice_show", std::move(view), status);
}

//! Runs an action on the invoice; on a validation error shows the page again with it.
template <class Action>
Response invoice_action(RequestContext& ctx, Action action, std::string_view done) {
    auto inv = invoice_of(ctx);
    if (!inv) return error_page(ctx, inv.error());
    auto changed = action(*inv);
    if (!changed) {
        return form_failure(ctx, changed.error(), [&](const FormView& form, int status) {
            return render_invoice(ctx, *inv, form, status);
        });
    }
    return redirect_with_flash(ctx, "/invoices/" + std::to_string(inv->id.value), done);
}

}  // namespace

Response invoices_page(RequestContext& ctx) {
    return render_invoices(ctx, FormView{}, 200);
}

Response invoices_run_submit(RequestContext& ctx) {
    auto created =
        run_invoices(ctx.services, ctx.actor(), ctx.form.get("period_end"), ctx.acting());
    if (!created) {
        return form_failure(ctx, created.error(), [&](const FormView& form, int status) {
            return render_invoices(ctx, form, status);
        });
    }
    std::string message =
        created->empty()
            ? "Nothing new to invoice: all delivered work up to that date is already invoiced"
        : created->size() == 1 ? "1 invoice issued"
                               : std::to_string(created->size()) + " invoices issued";
    return redirect_with_flash(ctx, "/invoices", message);
}

Response invoice_page(RequestContext& ctx) {
    auto inv = invoice_of(ctx);
    if (!inv) return error_page(ctx, inv.error());
    return render_invoice(ctx, *inv, FormView{}, 200);
}

Response invoice_payment_submit(RequestContext& ctx) {
    return invoice_action(
        ctx,
        [&](const InvoiceRecord& inv) -> Result<InvoiceRecord> {
            auto pence = parse_pounds(ctx.form.get("payment_amount"), "payment_amount");
            if (!pence) return std::unexpected(pence.error());
            return errors_beside_box(record_payment(ctx.services, ctx.actor(), inv.id, *pence,
                                                    ctx.form.get("paid_on"), ctx.acting()),
                                     "amount_pence", "payment_amount");
        },
        "The payment has been recorded");
}

Response invoice_credit_submit(RequestContext& ctx) {
    return invoice_action(
        ctx,
        [&](const InvoiceRecord& inv) -> Result<InvoiceRecord> {
            auto pence = pence_from_pounds_box(ctx.form, "credit_amount");
            if (!pence) return std::unexpected(pence.error());
            return errors_beside_box(credit_invoice(ctx.services, ctx.actor(), inv.id, *pence,
                                                    ctx.form.get("reason"), ctx.acting()),
                                     "amount_pence", "credit_amount");
        },
        "The credit note has been issued");
}

Response statement_page(RequestContext& ctx) {
    auto urn = id_param<SchoolUrn>(ctx, "urn");
    auto st = urn ? school_statement(ctx.services, ctx.actor(), *urn)
                  : std::unexpected(Error::not_found("No such school."));
    if (!st) return error_page(ctx, st.error());
    nlohmann::json entries = nlohmann::json::array();
    for (const auto& e : st->entries) {
        std::string kind = e.kind == "invoice"       ? "Invoice"
                           : e.kind == "credit_note" ? "Credit note"
                                                     : "Payment received";
        entries.push_back({{"date", format_day_month_year(e.date)},
                           {"kind", kind},
                           {"reference", e.kind == "payment" ? e.invoice_number : e.reference},
                           {"invoice_id", std::to_string(e.invoice_id ? e.invoice_id->value : 0)},
                           {"amount", money(e.amount_pence)},
                           {"balance", money(e.balance_pence)}});
    }
    nlohmann::json view{{"school_name", st->school_name},
                        {"balance", money(st->balance_pence)},
                        {"entries", entries}};
    return render_page(ctx, "Statement for " + st->school_name, "statement", std::move(view));
}

}  // namespace sendhub::pages
