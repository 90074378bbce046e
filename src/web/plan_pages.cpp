// The term planner in the browser (issue 7): choose accepted requests and how often each is
// visited, see the proposed practitioners and dates with their travel, pin or change any
// choice and plan again, then accept the plan.
#include <fmt/format.h>

#include "adapter/documents.hpp"
#include "adapter/error_response.hpp"
#include "service/directory_service.hpp"
#include "service/planning_service.hpp"
#include "web/form_view.hpp"
#include "web/handlers.hpp"
#include "web/page.hpp"

namespace sendhub::pages {
namespace {

PlanInput plan_from_form(const RequestContext& ctx) {
    PlanInput in{ctx.form.get("term_start"), ctx.form.get("term_end"), {}};
    for (const auto& id : ctx.form.get_all("request"))
        in.requests.push_back({id, ctx.form.get("frequency_" + id), ctx.form.get("sessions_" + id),
                               ctx.form.get("session_days_" + id), ctx.form.get("pin_" + id)});
    return in;
}

Response render_plan(RequestContext& ctx, const PlanInput& in, const FormView& form,
                     const std::optional<Proposal>& proposal, int status) {
    auto requests = plannable_requests(ctx.services, ctx.actor());
    if (!requests) return error_page(ctx, requests.error());
    auto people = list_practitioners(ctx.services, {.limit = kMaxPageSize}).items;
    std::map<std::string, const PlanRequestInput*> entered;
    for (const auto& r : in.requests) entered[r.request_id] = &r;
    const bool first_visit = in.term_start.empty() && in.requests.empty();

    nlohmann::json rows = nlohmann::json::array();
    for (const auto& r : *requests) {
        std::string id = std::to_string(r.id.value);
        const PlanRequestInput* e = entered.contains(id) ? entered[id] : nullptr;
        Grade level = r.accepted_level.value_or(Grade::teacher);
        Options pins{{"", "Planner's choice"}};
        for (const auto& p : people)
            if (p.active &&
                grade_covers(p.grade, level,
                             higher_grade_cover(ctx.services.config.higher_grade_may_cover)))
                pins.emplace_back(std::to_string(p.id.value), p.name);
        Options sessions_days{{"1", "Whole day"}, {"0.5", "Half day"}};
        rows.push_back({
            {"id", id},
            {"reference", r.reference},
            {"school", r.school_name},
            {"level", std::string(term_of(level_terms(), level).label)},
            {"preferred", r.input.preferred_date},
            {"checked", first_visit || e != nullptr},
            {"frequency",
             form.select("frequency_" + id, "How often for " + r.reference,
                         options_of(frequency_terms()), e ? e->frequency : "fortnightly")},
            {"sessions", form.input("sessions_" + id, "Visits for " + r.reference,
                                    e ? e->sessions : "6", {.width = "2"})},
            {"session_days",
             form.select("session_days_" + id, "Length of each visit for " + r.reference,
                         sessions_days, e ? e->session_days : "1")},
            {"pin", form.select("pin_" + id, "Practitioner for " + r.reference, pins,
                                e ? e->pinned_practitioner_id : "")},
        });
    }
    Date next_monday = add_days(monday_of(ctx.today()), 7);
    nlohmann::json view{
        {"summary", form.summary()},
        {"rows", rows},
        {"has_rows", !rows.empty()},
        {"request_error", form.group("request", "Requests")},
        {"fields",
         {{"term_start",
           form.date_input("term_start", "First day",
                           in.term_start.empty() ? format_date(next_monday) : in.term_start,
                           date_example(next_monday))},
          {"term_end", form.date_input("term_end", "Last day",
                                       in.term_end.empty() ? format_date(add_days(next_monday, 81))
                                                           : in.term_end,
                                       "Up to 16 weeks after the first day")}}},
        {"proposal", false},
    };
    if (proposal) {
        nlohmann::json work = nlohmann::json::array(), hidden = nlohmann::json::array(),
                       load = nlohmann::json::array();
        int planned = 0;
        for (const auto& w : proposal->work) {
            std::string id = std::to_string(w.request.id.value);
            std::vector<std::string> dates;
            dates.reserve(w.dates.size());
            for (auto d : w.dates) dates.push_back(format_date(d));
            std::string joined;
            for (const auto& d : dates) joined += (joined.empty() ? "" : ", ") + d;
            work.push_back({{"reference", w.request.reference},
                            {"school", w.request.school_name},
                            {"practitioner", w.practitioner ? w.practitioner->name : "Not planned"},
                            {"planned", w.practitioner.has_value()},
                            {"pinned", w.pinned},
                            {"visits", fmt::format("{} visits of {} day", w.dates.size(),
                                                   format_days(w.session_half_days))},
                            {"dates", joined},
                            {"travel", money(w.travel_pence)},
                            {"reason", w.unplanned_reason}});
            planned += w.practitioner.has_value();
            // Accepting re-plans with each proposed choice pinned, so it applies what was shown.
            hidden.push_back(
                {{"id", id},
                 {"frequency", std::string(term_of(frequency_terms(), w.frequency).code)},
                 {"sessions", std::to_string(w.sessions)},
                 {"session_days", format_days(w.session_half_days)},
                 {"pin", w.practitioner ? std::to_string(w.practitioner->id.value) : ""},
                 {"include", w.practitioner.has_value()}});
        }
        for (const auto& l : proposal->people)
            if (l.planned_half_days > 0)
                load.push_back({{"name", l.practitioner.name},
                                {"planned", format_days(l.planned_half_days)},
                                {"fair", format_days(l.fair_share_half_days)},
                                {"free", format_days(l.free_half_days)}});
        double gap = proposal->lower_bound_pence > 0
                         ? 100.0 *
                               (static_cast<double>(proposal->objective_pence) -
                                proposal->lower_bound_pence) /
                               proposal->lower_bound_pence
                         : 0.0;
        view["proposal"] = {
            {"work", work},
            {"hidden", hidden},
            {"load", load},
            {"has_load", !load.empty()},
            {"term_start", format_date(proposal->term_start)},
            {"term_end", format_date(proposal->term_end)},
            {"term_start_text", format_day_month_year(proposal->term_start)},
            {"term_end_text", format_day_month_year(proposal->term_end)},
            {"planned", planned},
            // With nothing planned there is no plan to judge: the reasons say why instead.
            {"none_planned", planned == 0},
            {"total", proposal->work.size()},
            {"travel", money(proposal->travel_pence)},
            {"bound",
             gap < 0.05 ? std::string("This is the best possible plan.")
                        : fmt::format("No plan can cost less than {:.1f}% below this one.", gap)}};
    }
    return render_page(ctx, "Plan a term", "plan", std::move(view), status);
}

}  // namespace

Response plan_page(RequestContext& ctx) {
    return render_plan(ctx, PlanInput{}, FormView{}, std::nullopt, 200);
}

Response plan_submit(RequestContext& ctx) {
    auto in = plan_from_form(ctx);
    auto proposal = propose_plan(ctx.services, ctx.actor(), in);
    if (!proposal) {
        return form_failure(ctx, proposal.error(), [&](const FormView& form, int status) {
            return render_plan(ctx, in, form, std::nullopt, status);
        });
    }
    return render_plan(ctx, in, FormView{}, *proposal, 200);
}

Response plan_accept_submit(RequestContext& ctx) {
    auto in = plan_from_form(ctx);
    auto accepted = accept_plan(ctx.services, ctx.actor(), in, ctx.acting());
    if (!accepted) {
        return form_failure(ctx, accepted.error(), [&](const FormView& form, int status) {
            return render_plan(ctx, in, form, std::nullopt, status);
        });
    }
    int planned = 0;
    std::size_t dates = 0;
    Date first_held = accepted->term_end;  // the calendar opens on the week of the first visit
    for (const auto& w : accepted->work) {
        if (!w.practitioner) continue;
        ++planned, dates += w.dates.size();
        for (auto d : w.dates) first_held = std::min(first_held, d);
    }
    return redirect_with_flash(
        ctx, "/calendar?date=" + format_date(planned > 0 ? first_held : accepted->term_start),
        fmt::format(
            "The plan is accepted: {} request{} assigned, {} visits held until the schools agree",
            planned, planned == 1 ? "" : "s", dates));
}

}  // namespace sendhub::pages
