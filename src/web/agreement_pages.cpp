// Pages of a request's provision agreement: drawing it up (with a quote preview), and the
// school's and the trust's actions on it from the request's status page.
#include "core/money_input.hpp"
#include "core/text.hpp"
#include "service/outreach_service.hpp"
#include "web/handlers.hpp"
#include "web/outreach_views.hpp"
#include "web/page.hpp"
#include "web/request_actions.hpp"
#include "web/views.hpp"

namespace sendhub::pages {
namespace {

Result<RequestId> request_of_agreement(RequestContext& ctx) {
    auto id = id_param<AgreementId>(ctx);
    if (!id) return std::unexpected(Error::not_found());
    SENDHUB_ASSIGN_OR_RETURN(auto a, get_agreement(ctx.services, ctx.actor(), *id));
    return a.request_id;
}

// The agreement form; `preview`, when given, is the quote its terms would carry today.
Response agreement_form(RequestContext& ctx, const FormView& form, int status,
                        const std::optional<Quote>& preview = std::nullopt) {
    auto id = id_param<RequestId>(ctx);
    auto r = id ? get_request(ctx.services, ctx.actor(), *id) : std::unexpected(Error::not_found());
    if (!r) return error_page(ctx, r.error());
    const auto& f = ctx.form;
    auto value = [&](std::string_view name, const std::string& fallback) {
        return f.has(name) ? f.get(name) : fallback;
    };
    std::string level = r->accepted_level
                            ? std::string(term_of(level_terms(), *r->accepted_level).code)
                            : r->input.expertise_level;
    // Dates a term plan holds suggest the terms; they become the visits when the school accepts.
    auto held =
        held_dates(ctx.services, ctx.actor(), r->id).value_or(std::vector<std::pair<Date, int>>{});
    std::vector<Date> held_dates;
    std::string held_list;
    for (const auto& [date, half_days] : held) {
        held_dates.push_back(date);
        held_list += (held_list.empty() ? "" : ", ") + format_day_month_year(date);
    }
    std::string frequency =
        held.empty() ? "weekly"
                     : std::string(term_of(frequency_terms(), frequency_of(held_dates)).code);
    std::string sessions = held.empty() ? "3" : std::to_string(held.size());
    std::string session_days = held.empty() ? "1" : format_days(held.front().second);
    std::string start = held.empty() ? r->input.preferred_date : format_date(held.front().first);
    nlohmann::json fields{
        {"type",
         form.input("type", "Type of support", value("type", ""),
                    {.hint = "For example: observation and strategies for the class team"})},
        {"level", form.select("level", "Level", level_choices(r->input), value("level", level))},
        {"frequency", form.select("frequency", "Frequency", options_of(frequency_terms()),
                                  value("frequency", frequency))},
        {"sessions",
         form.input("sessions", "Number of sessions", value("sessions", sessions), {.width = "3"})},
        {"session_days", form.radios("session_days", "Session length",
                                     {{"1", "A whole day"}, {"0.5", "Half a day"}},
                                     value("session_days", session_days))},
        {"start_date", form.date_input("start_date", "Start date", value("start_date", start),
                                       date_example(ctx.today()))},
        {"report_writing_days",
         form.input("report_writing_days", "Report writing (days)",
                    value("report_writing_days", "0"),
                    {.hint = "Charged at the agreement's day rate; in half days, like 0.5",
                     .width = "3"})},
        {"outcomes",
         form.textarea("outcomes", "Agreed outcomes", f.get("outcomes"), "One outcome a line", 5)},
    };
    nlohmann::json view{
        {"summary", form.summary()},
        {"r", request_summary_view(*r)},
        {"fields", fields},
        {"held", held_list.empty() ? nlohmann::json(false) : nlohmann::json(held_list)},
        {"preview", preview ? nlohmann::json{{"rows", quote_rows(*preview)},
                                             {"total", money(preview->total_pence)}}
                            : nlohmann::json(false)}};
    return render_page(ctx, "Provision agreement", "agreement_form", std::move(view), status);
}
}  // namespace

Response agreement_new(RequestContext& ctx) {
    return agreement_form(ctx, FormView{}, 200);
}

Response agreement_create(RequestContext& ctx) {
    auto id = id_param<RequestId>(ctx);
    if (!id) return error_page(ctx, Error::not_found());
    AgreementInput in{ctx.form.get("type"),
                      ctx.form.get("level"),
                      ctx.form.get("frequency"),
                      ctx.form.get("sessions"),
                      ctx.form.get("session_days"),
                      ctx.form.get("start_date"),
                      ctx.form.get("report_writing_days"),
                      split(ctx.form.get("outcomes"), '\n')};
    if (ctx.form.get("action") == "preview") {
        // Nothing is saved or sent: the form comes back with the quote beside it.
        auto quote = preview_agreement_quote(ctx.services, ctx.actor(), *id, in);
        if (!quote)
            return form_failure(ctx, quote.error(), [&](const FormView& form, int status) {
                return agreement_form(ctx, form, status);
            });
        return agreement_form(ctx, FormView{}, 200, *quote);
    }
    auto created = draft_agreement(ctx.services, ctx.actor(), *id, in, ctx.acting());
    if (!created) {
        return form_failure(ctx, created.error(), [&](const FormView& form, int status) {
            return agreement_form(ctx, form, status);
        });
    }
    return redirect_with_flash(ctx, "/requests/" + std::to_string(id->value),
                               "The agreement has been sent to the school");
}

Response agreement_accept(RequestContext& ctx) {
    auto request = request_of_agreement(ctx);
    if (!request) return error_page(ctx, request.error());
    return after_action(ctx, *request,
                        accept_agreement(ctx.services, ctx.actor(), *id_param<AgreementId>(ctx),
                                         ctx.form.get("purchase_order"), ctx.acting()),
                        "You have accepted the agreement");
}

Response agreement_change_request(RequestContext& ctx) {
    auto request = request_of_agreement(ctx);
    if (!request) return error_page(ctx, request.error());
    return after_action(
        ctx, *request,
        ask_for_agreement_change(ctx.services, ctx.actor(), *id_param<AgreementId>(ctx),
                                 ctx.form.get("note"), ctx.acting()),
        "You have asked for a change. The trust will draw up a new agreement");
}

Response agreement_complete(RequestContext& ctx) {
    auto request = request_of_agreement(ctx);
    if (!request) return error_page(ctx, request.error());
    return after_action(
        ctx, *request,
        complete_agreement(ctx.services, ctx.actor(), *id_param<AgreementId>(ctx), ctx.acting()),
        "Marked complete; the school has been asked for feedback");
}

Response agreement_plan_visit(RequestContext& ctx) {
    auto request = request_of_agreement(ctx);
    if (!request) return error_page(ctx, request.error());
    return after_action(ctx, *request,
                        plan_visit(ctx.services, ctx.actor(), *id_param<AgreementId>(ctx),
                                   ctx.form.get("date"), ctx.form.get("days"), ctx.acting()),
                        "Visit planned");
}

Response agreement_progress(RequestContext& ctx) {
    auto request = request_of_agreement(ctx);
    if (!request) return error_page(ctx, request.error());
    auto outcome = parse_int(ctx.form.get("outcome"));
    auto recorded = record_progress(ctx.services, ctx.actor(), *id_param<AgreementId>(ctx),
                                    OutcomeId{outcome.value_or(0)}, ctx.form.get("progress_date"),
                                    ctx.form.get("progress_status"), ctx.form.get("progress_note"),
                                    ctx.acting());
    if (!recorded && recorded.error().kind == ErrorKind::not_found) {
        return after_action(
            ctx, *request,
            Result<int>(std::unexpected(Error::invalid("outcome", "invalid", "Choose an outcome"))),
            "");
    }
    return after_action(ctx, *request, recorded, "Progress recorded", "progress_");
}

Response agreement_feedback(RequestContext& ctx) {
    auto request = request_of_agreement(ctx);
    if (!request) return error_page(ctx, request.error());
    return after_action(
        ctx, *request,
        give_feedback(ctx.services, ctx.actor(), *id_param<AgreementId>(ctx),
                      ctx.form.get("rating"), ctx.form.get("comments"), ctx.acting()),
        "Thank you for your feedback");
}

}  // namespace sendhub::pages
