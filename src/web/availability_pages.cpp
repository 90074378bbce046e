// A practitioner's working days and leave (issue 7): coordinators and admins for anyone,
// practitioners for themselves.
#include "adapter/error_response.hpp"
#include "service/planning_service.hpp"
#include "web/form_view.hpp"
#include "web/handlers.hpp"
#include "web/outreach_views.hpp"
#include "web/page.hpp"

namespace sendhub::pages {
namespace {

Options weekday_options() {
    Options out;
    for (const auto& d : weekday_names())
        out.emplace_back(std::string(d.code), std::string(d.label));
    return out;
}

Response render_availability(
    RequestContext& ctx, PractitionerId id, const FormView& form, int status,
    const std::optional<std::vector<std::string>>& days_entered = std::nullopt) {
    auto found = get_availability(ctx.services, ctx.actor(), id);
    if (!found) return error_page(ctx, found.error());
    const auto& p = found->practitioner;
    auto days = days_entered.value_or(working_day_codes(p.working_days));
    nlohmann::json leave = nlohmann::json::array();
    for (const auto& l : found->leave)
        leave.push_back({{"id", l.id.value},
                         {"first", format_day_month_year(l.first)},
                         {"last", format_day_month_year(l.last)},
                         {"reason", l.reason.empty() ? "Not given" : l.reason}});
    std::string base = "/practitioners/" + std::to_string(id.value);
    nlohmann::json view{
        {"summary", form.summary()},
        {"name", p.name},
        {"base", base},
        {"pattern", describe(p.working_days)},
        {"max_days", p.max_days_per_week},
        {"leave", leave},
        {"has_leave", !leave.empty()},
        {"clashes", clashes_view(found->clashes)},
        {"has_clashes", !found->clashes.empty()},
        {"back_href", ctx.actor().practitioner_id == id ? "/calendar" : base},
        {"fields",
         {{"working_days", form.checkboxes("working_days", "Days they work", weekday_options(),
                                           std::set<std::string>(days.begin(), days.end()),
                                           "Visits are only planned on these days")},
          {"first", form.date_input("first", "First day of leave", ctx.form.get("first"),
                                    date_example(ctx.today()))},
          {"last", form.date_input("last", "Last day of leave", ctx.form.get("last"))},
          {"reason", form.input("reason", "Reason (optional)", ctx.form.get("reason"),
                                {.hint = "Seen only by the outreach team"})}}},
    };
    return render_page(ctx, "Availability of " + p.name, "availability", std::move(view), status);
}

}  // namespace

Response availability_page(RequestContext& ctx) {
    auto id = id_param<PractitionerId>(ctx);
    if (!id) return error_page(ctx, Error::not_found());
    return render_availability(ctx, *id, FormView{}, 200);
}

Response availability_save(RequestContext& ctx) {
    auto id = id_param<PractitionerId>(ctx);
    if (!id) return error_page(ctx, Error::not_found());
    auto days = ctx.form.get_all("working_days");
    auto saved = set_working_days(ctx.services, ctx.actor(), *id, days, ctx.acting());
    if (!saved) {
        return form_failure(ctx, saved.error(), [&](const FormView& form, int status) {
            return render_availability(ctx, *id, form, status, days);
        });
    }
    return redirect_with_flash(ctx, "/practitioners/" + std::to_string(id->value) + "/availability",
                               "Working days saved");
}

Response leave_add(RequestContext& ctx) {
    auto id = id_param<PractitionerId>(ctx);
    if (!id) return error_page(ctx, Error::not_found());
    auto added = add_leave(ctx.services, ctx.actor(), *id,
                           {ctx.form.get("first"), ctx.form.get("last"), ctx.form.get("reason")},
                           ctx.acting());
    if (!added) {
        return form_failure(ctx, added.error(), [&](const FormView& form, int status) {
            return render_availability(ctx, *id, form, status);
        });
    }
    std::string message = "Leave from " + format_day_month_year(added->leave.first) + " to " +
                          format_day_month_year(added->leave.last) + " added";
    if (auto n = added->clashes.size(); n > 0)
        message += n == 1 ? ". 1 visit now clashes: move or cancel it"
                          : ". " + std::to_string(n) + " visits now clash: move or cancel them";
    return redirect_with_flash(ctx, "/practitioners/" + std::to_string(id->value) + "/availability",
                               message);
}

Response leave_remove(RequestContext& ctx) {
    auto id = id_param<PractitionerId>(ctx);
    auto leave = id_param<LeaveId>(ctx, "leave_id");
    if (!id || !leave) return error_page(ctx, Error::not_found());
    auto removed = remove_leave(ctx.services, ctx.actor(), *id, *leave, ctx.acting());
    if (!removed) return error_page(ctx, removed.error());
    return redirect_with_flash(ctx, "/practitioners/" + std::to_string(id->value) + "/availability",
                               "Leave removed");
}

}  // namespace sendhub::pages
