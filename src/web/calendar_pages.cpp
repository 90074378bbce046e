// Calendars (issue 7): a practitioner's week or month of visits with the secret feed link;
// a coordinator's view of everyone's week, or one person's calendar.
#include <fmt/format.h>

#include "adapter/error_response.hpp"
#include "service/directory_service.hpp"
#include "service/planning_service.hpp"
#include "web/handlers.hpp"
#include "web/page.hpp"

namespace sendhub::pages {
namespace {

std::string day_label(Date d) {
    return fmt::format("{} {}", weekday_names()[weekday_index(d)].label.substr(0, 3),
                       static_cast<unsigned>(d.day()));
}

nlohmann::json entry_view(const CalendarEntry& e) {
    return {
        {"who", false},  // the team's agenda names the practitioner
        {"school", e.school_name},
        {"length", e.half_days == 1 ? "half day" : "1 day"},
        {"held", e.held},
        {"delivered", e.status == "delivered"},
        // Term dates recorded after the visit was booked can close the school that day.
        {"school_closed",
         e.school_closed
             ? nlohmann::json(std::string(term_of(closed_reason_terms(), *e.school_closed).label))
             : nlohmann::json(false)},
        {"href", e.visit_id ? "/visits/" + std::to_string(e.visit_id->value)
                            : "/requests/" + std::to_string(e.request_id.value)}};
}

//! One practitioner's day, for both views: their visits, and whether they are on leave or not
//! working.
nlohmann::json day_cell(const std::vector<CalendarEntry>& entries, const Practitioner& p,
                        std::span<const Leave> leave, const std::map<Date, std::string>& holidays,
                        Date day) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& e : entries)
        if (e.practitioner_id == p.id && e.date == day) items.push_back(entry_view(e));
    auto holiday = holidays.find(day);
    std::string note = holiday != holidays.end()       ? "Bank holiday: " + holiday->second
                       : on_leave(leave, day)          ? "On leave"
                       : !p.working_days.works_on(day) ? "Not working"
                                                       : "";
    return {{"items", items},
            {"has_items", !items.empty()},
            {"note", note.empty() ? nlohmann::json(false) : nlohmann::json(note)}};
}

struct Range {
    Date first;  // a Monday
    Date last;   // a Sunday
    Date previous, next;
    std::string heading;
};

Range range_for(Date date, bool month) {
    if (!month) {
        Date monday = monday_of(date);
        return {monday, add_days(monday, 6), add_days(monday, -7), add_days(monday, 7),
                "Week of " + format_long_date(monday)};
    }
    Date first_of_month{date.year(), date.month(), std::chrono::day{1}};
    Date last_of_month{date.year() / date.month() / std::chrono::last};
    Date next_month = add_days(last_of_month, 1);
    auto previous = std::chrono::year_month{first_of_month.year(), first_of_month.month()} -
                    std::chrono::months{1};
    return {monday_of(first_of_month), add_days(monday_of(last_of_month), 6),
            Date{previous / std::chrono::day{1}}, next_month, format_month_year(date)};
}

Response render_calendar(RequestContext& ctx, std::optional<std::string> new_feed_url) {
    auto query = ctx.query();
    const Actor& actor = ctx.actor();
    Date date = parse_date(query.get("date")).value_or(ctx.today());
    bool month = query.get("view") == "month";
    std::optional<PractitionerId> who = actor.practitioner_id;
    if (actor.role != Role::practitioner)
        if (auto id = parse_int(query.get("practitioner"))) who = PractitionerId{*id};
    const bool team = actor.role != Role::practitioner && !who;
    if (team) month = false;  // everyone's month would not fit a screen
    Range range = range_for(date, month);
    auto entries = calendar_entries(ctx.services, actor, who, range.first, range.last);
    if (!entries) return error_page(ctx, entries.error());
    const auto holidays = bank_holidays_between(ctx.services, range.first, range.last);

    std::string base = "/calendar?" + (who && actor.role != Role::practitioner
                                           ? "practitioner=" + std::to_string(who->value) + "&"
                                           : std::string());
    std::string view_arg = month ? "&view=month" : "";
    nlohmann::json view{
        {"heading", range.heading},
        {"team", team},
        {"month", month},
        {"previous_href", base + "date=" + format_date(range.previous) + view_arg},
        {"next_href", base + "date=" + format_date(range.next) + view_arg},
        {"week_href", base + "date=" + format_date(date)},
        {"month_href", base + "date=" + format_date(date) + "&view=month"},
        {"previous_label", month ? "Previous month" : "Previous week"},
        {"next_label", month ? "Next month" : "Next week"},
        {"feed", false},
    };

    if (team) {
        auto people = list_practitioners(ctx.services, {.limit = kMaxPageSize}).items;
        std::erase_if(people, [](const Practitioner& p) { return !p.active; });
        auto leave = leave_between(ctx.services, actor, range.first, range.last)
                         .value_or(std::map<std::int64_t, std::vector<Leave>>{});
        nlohmann::json days = nlohmann::json::array(), rows = nlohmann::json::array();
        for (int d = 0; d < 5; ++d) days.push_back(day_label(add_days(range.first, d)));
        for (const auto& p : people) {
            nlohmann::json cells = nlohmann::json::array();
            for (int d = 0; d < 5; ++d)
                cells.push_back(
                    day_cell(*entries, p, leave[p.id.value], holidays, add_days(range.first, d)));
            rows.push_back({{"name", p.name},
                            {"href", "/calendar?practitioner=" + std::to_string(p.id.value) +
                                         "&date=" + format_date(date)},
                            {"cells", cells}});
        }
        // On a phone the week is a list: each weekday with who visits where.
        nlohmann::json agenda = nlohmann::json::array();
        for (int d = 0; d < 5; ++d) {
            const Date day = add_days(range.first, d);
            nlohmann::json items = nlohmann::json::array();
            for (const auto& e : *entries) {
                if (e.date != day) continue;
                auto item = entry_view(e);
                for (const auto& p : people)
                    if (p.id == e.practitioner_id) item["who"] = p.name;
                items.push_back(std::move(item));
            }
            agenda.push_back({{"label", format_long_date(day)},
                              {"today", day == ctx.today()},
                              {"items", items},
                              {"has_items", !items.empty()},
                              {"note", false}});
        }
        view["agenda"] = std::move(agenda);
        view["days"] = std::move(days);
        view["rows"] = std::move(rows);
        return render_page(ctx, "Everyone's week", "calendar", std::move(view));
    }

    auto person = get_practitioner(ctx.services, *who);
    if (!person) return error_page(ctx, Error::not_found("No such calendar."));
    auto leave = leave_between(ctx.services, actor, range.first, range.last)
                     .value_or(std::map<std::int64_t, std::vector<Leave>>{})[who->value];
    nlohmann::json weeks = nlohmann::json::array();
    nlohmann::json agenda = nlohmann::json::array();  // the same days as a list, for phones
    for (Date monday = range.first; days_between(monday, range.last) > 0;
         monday = add_days(monday, 7)) {
        nlohmann::json cells = nlohmann::json::array();
        for (int d = 0; d < 7; ++d) {
            Date day = add_days(monday, d);
            auto cell = day_cell(*entries, *person, leave, holidays, day);
            cell["label"] = day_label(day);
            cell["outside"] = month && day.month() != date.month();
            cell["today"] = day == ctx.today();
            if (!cell["outside"].get<bool>() &&
                (cell["has_items"].get<bool>() || cell["today"].get<bool>())) {
                auto entry = cell;
                entry["label"] = format_long_date(day);
                agenda.push_back(std::move(entry));
            }
            cells.push_back(std::move(cell));
        }
        weeks.push_back({{"cells", cells}});
    }
    view["weeks"] = std::move(weeks);
    view["agenda"] = std::move(agenda);
    view["person"] = person->name;
    view["own"] = actor.practitioner_id == who;
    view["availability_href"] = "/practitioners/" + std::to_string(who->value) + "/availability";
    if (actor.practitioner_id == who)
        view["feed"] = {
            {"new_url", new_feed_url ? nlohmann::json(*new_feed_url) : nlohmann::json(false)},
            {"has_feed", new_feed_url.has_value() || has_calendar_feed(ctx.services, actor)}};
    return render_page(
        ctx, actor.practitioner_id == who ? "Your calendar" : "Calendar of " + person->name,
        "calendar", view);
}

}  // namespace

Response calendar_page(RequestContext& ctx) {
    return render_calendar(ctx, std::nullopt);
}

Response calendar_feed_submit(RequestContext& ctx) {
    auto token = new_calendar_feed(ctx.services, ctx.actor(), ctx.acting());
    if (!token) return error_page(ctx, token.error());
    // Shown once: only a hash is kept, so the link cannot be displayed again later.
    return render_calendar(ctx, calendar_feed_url(ctx, *token));
}

Response calendar_feed_revoke_submit(RequestContext& ctx) {
    auto revoked = revoke_calendar_feed(ctx.services, ctx.actor(), ctx.acting());
    if (!revoked) return error_page(ctx, revoked.error());
    return redirect_with_flash(ctx, "/calendar", "Your calendar link has stopped working");
}

}  // namespace sendhub::pages
