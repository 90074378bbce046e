// A practitioner's visits, a visit's page with its report, and schools' feedback.
#include <map>

#include "adapter/documents.hpp"
#include "adapter/error_response.hpp"
#include "core/text.hpp"
#include "web/handlers.hpp"
#include "web/page.hpp"

#include "service/outreach_service.hpp"
#include "web/form_view.hpp"
#include "web/outreach_views.hpp"

namespace sendhub::pages {
namespace {

Response render_visit(RequestContext& ctx, const VisitRecord& v, const FormView& form, int status) {
    bool delivered = v.status == VisitStatus::delivered;
    const VisitFacts facts = visit_facts(v);
    const bool may_report = may_report_visit(ctx.actor(), facts, ctx.today());
    const VisitSteps steps = visit_steps(ctx.actor(), facts);
    const std::string length = v.half_days == 1 ? "0.5" : "1";
    // The assigned practitioner is told when the report can be written, not shown a form
    // that would be refused.
    const bool report_later = !may_report && v.status == VisitStatus::planned &&
                              is_assigned(ctx.actor(), v.practitioner_id);
    nlohmann::json view{
        {"summary", form.summary()},
        {"v",
         {{"id", std::to_string(v.id.value)},
          {"request_id", std::to_string(v.request_id.value)},
          {"reference", request_reference(v.request_id)},
          {"school_name", v.school_name},
          {"date", format_day_month_year(v.date)},
          {"days", format_days(v.half_days)},
          {"practitioner_name", v.practitioner_name},
          {"status", std::string(term_of(visit_status_terms(), v.status).label)}}},
        {"report",
         delivered
             ? nlohmann::json{{"work_undertaken", v.report.work_undertaken},
                              {"actions_agreed", v.report.actions_agreed},
                              {"next_steps", v.report.next_steps},
                              {"miles", may_see_visit_miles(ctx.actor(), facts)
                                            ? nlohmann::json(format_tenths(v.report.miles_tenths))
                                            : nlohmann::json(false)}}
             : nlohmann::json(false)},
        {"report_form", may_report},
        {"report_later", report_later},
        {"can_raise_concern", allows(ctx.actor(), Permission::raise_concerns) &&
                                  is_assigned(ctx.actor(), v.practitioner_id)},
        {"can_move", steps.move},
        {"can_cancel", steps.cancel},
        {"cancel_reason", v.status == VisitStatus::cancelled && !v.cancel_reason.empty()
                              ? nlohmann::json(v.cancel_reason)
                              : nlohmann::json(false)},
        {"fields",
         {{"work_undertaken",
           form.textarea("work_undertaken", "Work undertaken", ctx.form.get("work_undertaken"))},
          {"actions_agreed",
           form.textarea("actions_agreed", "Actions agreed", ctx.form.get("actions_agreed"))},
          {"next_steps",
           form.textarea("next_steps", "Recommended next steps", ctx.form.get("next_steps"))},
          {"miles",
           form.input("miles", "Miles travelled (return, from home)", ctx.form.get("miles"),
                      {.hint = "To one decimal place, like 14.5", .width = "5"})},
          {"date",
           form.date_input("date", "New date",
                           ctx.form.has("date") ? ctx.form.get("date") : format_date(v.date),
                           "A school day. " + date_example(v.date))},
          {"days", form.radios("days", "Length", visit_length_options(),
                               ctx.form.has("days") ? ctx.form.get("days") : length)},
          {"reason", form.textarea("reason", "Why is the visit cancelled?", ctx.form.get("reason"),
                                   "Everyone involved in the visit is told", 3)}}},
    };
    return render_page(ctx, "Visit on " + format_day_month_year(v.date), "visit_show", view,
                       status);
}

//! Moving and cancelling re-show the visit page with the form's errors, or go back to it.
template <class Change>
Response change_visit(RequestContext& ctx, Change change, std::string_view done) {
    auto id = id_param<VisitId>(ctx);
    if (!id) return error_page(ctx, Error::not_found());
    auto changed = change(*id);
    if (!changed) {
        return form_failure(ctx, changed.error(), [&](const FormView& form, int status) {
            auto v = get_visit(ctx.services, ctx.actor(), *id);
            return v ? render_visit(ctx, *v, form, status) : error_page(ctx, v.error());
        });
    }
    return redirect_with_flash(ctx, "/visits/" + std::to_string(id->value), std::string(done));
}

}  // namespace

Response visits_list(RequestContext& ctx) {
    nlohmann::json rows = nlohmann::json::array();
    if (ctx.actor().practitioner_id) {
        for (const auto& v : my_visits(ctx.services, ctx.actor())) {
            rows.push_back(
                {{"id", std::to_string(v.id.value)},
                 {"date", format_day_month_year(v.date)},
                 {"school_name", v.school_name},
                 {"request_id", std::to_string(v.request_id.value)},
                 {"reference", request_reference(v.request_id)},
                 {"days", format_days(v.half_days)},
                 {"status", std::string(term_of(visit_status_terms(), v.status).label)},
                 {"needs_report", may_report_visit(ctx.actor(), visit_facts(v), ctx.today())}});
        }
    }
    nlohmann::json view{{"visits", rows},
                        {"count_text", rows.empty() ? "No visits yet" : "Visits by date"}};
    return render_page(ctx, "Your visits", "visits_list", std::move(view));
}

Response visit_show(RequestContext& ctx) {
    auto id = id_param<VisitId>(ctx);
    auto v = id ? get_visit(ctx.services, ctx.actor(), *id) : std::unexpected(Error::not_found());
    if (!v) return error_page(ctx, v.error());
    return render_visit(ctx, *v, FormView{}, 200);
}

Response visit_move(RequestContext& ctx) {
    return change_visit(
        ctx,
        [&](VisitId id) {
            return move_visit(ctx.services, ctx.actor(), id, ctx.form.get("date"),
                              ctx.form.get("days"), ctx.acting());
        },
        "Visit moved. The school's SENCO and the practitioner have been told");
}

Response visit_cancel(RequestContext& ctx) {
    return change_visit(
        ctx,
        [&](VisitId id) {
            return cancel_visit(ctx.services, ctx.actor(), id, ctx.form.get("reason"),
                                ctx.acting());
        },
        "Visit cancelled. The school's SENCO and the practitioner have been told");
}

Response visit_report(RequestContext& ctx) {
    auto id = id_param<VisitId>(ctx);
    if (!id) return error_page(ctx, Error::not_found());
    ReportInput in{ctx.form.get("work_undertaken"), ctx.form.get("actions_agreed"),
                   ctx.form.get("next_steps"), ctx.form.get("miles")};
    auto reported = report_visit(ctx.services, ctx.actor(), *id, in, ctx.acting());
    if (!reported) {
        return form_failure(ctx, reported.error(), [&](const FormView& form, int status) {
            auto v = get_visit(ctx.services, ctx.actor(), *id);
            return v ? render_visit(ctx, *v, form, status) : error_page(ctx, v.error());
        });
    }
    return redirect_with_flash(ctx, "/visits/" + std::to_string(id->value),
                               "Report sent to the school's SENCO");
}

Response feedback_overview(RequestContext& ctx) {
    struct Tally {
        int count = 0;
        int total = 0;
    };
    std::map<std::string, Tally> by_practitioner, by_service;
    nlohmann::json items = nlohmann::json::array();
    for (const auto& f :
         all_feedback(ctx.services, ctx.actor()).value_or(std::vector<FeedbackRecord>{})) {
        auto& p =
            by_practitioner[f.practitioner_name.empty() ? "Not assigned" : f.practitioner_name];
        p.count++;
        p.total += f.rating;
        auto& s = by_service[f.agreement_type];
        s.count++;
        s.total += f.rating;
        items.push_back({{"at", format_london_time(f.given_at)},
                         {"school", f.school_name},
                         {"practitioner", f.practitioner_name},
                         {"rating", std::to_string(f.rating)},
                         {"comments", f.comments}});
    }
    auto rows = [](const std::map<std::string, Tally>& tallies) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& [name, t] : tallies) {
            char average[16];
            std::snprintf(average, sizeof average, "%.1f", static_cast<double>(t.total) / t.count);
            out.push_back(
                {{"name", name}, {"count", std::to_string(t.count)}, {"average", average}});
        }
        return out;
    };
    nlohmann::json view{{"items", items},
                        {"by_practitioner", rows(by_practitioner)},
                        {"by_service", rows(by_service)}};
    return render_page(ctx, "Feedback from schools", "feedback_list", std::move(view));
}

}  // namespace sendhub::pages
