#include "service/planning_service.hpp"

#include <set>

#include <fmt/format.h>

#include "core/ical.hpp"
#include "core/pricing.hpp"
#include "core/text.hpp"
#include "service/travel.hpp"
#include "store/outbox_store.hpp"
#include "store/school_days_store.hpp"

namespace sendhub {
namespace {

constexpr int kMaxTermWeeks = 16;
constexpr int kMaxCalendarDays = 92;

bool can_manage_availability(const Actor& actor, PractitionerId id) {
    return actor.role == Role::admin || actor.role == Role::coordinator ||
           actor.practitioner_id == id;
}

Result<Practitioner> practitioner_for(Services& s, const Actor& actor, PractitionerId id) {
    if (!can_manage_availability(actor, id))
        return std::unexpected(Error::not_found("No such practitioner."));
    auto p = s.practitioners.find(id);
    if (!p) return std::unexpected(Error::not_found("No such practitioner."));
    return *p;
}

//! How far ahead clashes are looked for: the feed's horizon, about eighteen months.
constexpr int kClashHorizonDays = 548;

std::vector<Clash> clashes_of(Services& s, std::optional<PractitionerId> who) {
    const Date today = s.clock().today(), last = add_days(today, kClashHorizonDays);
    auto entries = s.planning.calendar(who, today, last);
    std::erase_if(entries, [](const CalendarEntry& e) { return e.status == "delivered"; });
    if (entries.empty()) return {};
    auto leave = s.planning.leave_between(today, last);
    std::map<std::int64_t, std::optional<Practitioner>> people;
    std::vector<Clash> out;
    for (auto& e : entries) {
        auto& person = people[e.practitioner_id.value];
        if (!person) person = s.practitioners.find(e.practitioner_id);
        if (!person) continue;
        if (auto reason = clash_on(person->working_days, leave[e.practitioner_id.value], e.date))
            out.push_back({std::move(e), *reason});
    }
    return out;
}

int every_weeks(Frequency f) {
    switch (f) {
        case Frequency::weekly:
            return 1;
        case Frequency::fortnightly:
            return 2;
        case Frequency::monthly:
            return 4;
        case Frequency::one_off:
            return 0;
    }
    return 0;
}

struct CheckedWork {
    RequestRecord request;
    Frequency frequency;
    int sessions;
    int session_half_days;
    std::optional<Practitioner> pinned;
};

struct CheckedPlan {
    Date first;
    Date last;
    std::vector<CheckedWork> work;
};

Result<CheckedPlan> check_plan(Services& s, const PlanInput& input) {
    Validator v;
    CheckedPlan plan;
    auto first = parse_date(trim(input.term_start));
    auto last = parse_date(trim(input.term_end));
    if (!first) v.fail("term_start", "invalid", "Enter the first day of the term, like 2027-01-04");
    if (!last) v.fail("term_end", "invalid", "Enter the last day of the term, like 2027-03-26");
    int weeks = 0;
    if (first && last) {
        auto days = days_between(*first, *last);
        if (days_between(s.clock().today(), *first) < 0)
            v.fail("term_start", "past", "The term must start today or later");
        else if (days < 0)
            v.fail("term_end", "before_start", "The term must end after it starts");
        else if (days >= std::int64_t{kMaxTermWeeks} * 7)
            v.fail("term_end", "too_long", "Plan up to 16 weeks at a time");
        plan.first = *first, plan.last = *last;
        weeks = (weekday_index(*first) + static_cast<int>(days) + 7) / 7;
    }
    if (input.requests.empty())
        v.fail("request", "required", "Select at least one request to plan");
    std::set<std::int64_t> seen;
    for (const auto& r : input.requests) {
        auto id = parse_int(trim(r.request_id));
        auto request = id ? s.requests.find(RequestId{*id}) : std::nullopt;
        if (!request || request->status != RequestStatus::accepted) {
            v.fail("request", "not_plannable",
                   "Request " + trim(r.request_id) +
                       " is not accepted and waiting for a practitioner");
            continue;
        }
        if (!seen.insert(*id).second) {
            v.fail("request", "duplicate", request->reference + " is in the plan twice");
            continue;
        }
        const std::string key = std::to_string(*id);
        CheckedWork w{*request, Frequency::fortnightly, 1, 2, std::nullopt};
        auto frequency = parse_term(frequency_terms(), trim(r.frequency));
        if (!frequency)
            v.fail("frequency_" + key, "invalid",
                   "Select how often " + request->reference + " is visited");
        else
            w.frequency = *frequency;
        auto sessions = parse_int(trim(r.sessions));
        if (!sessions || *sessions < 1 || *sessions > kMaxSessions)
            v.fail("sessions_" + key, "invalid",
                   "Enter the number of visits for " + request->reference + ", from 1 to 60");
        else if (frequency == Frequency::one_off && *sessions != 1)
            v.fail("sessions_" + key, "invalid", "A one-off is a single visit");
        else if (frequency && weeks > 0 && *sessions * every_weeks(*frequency) > weeks)
            v.fail("sessions_" + key, "too_many",
                   fmt::format("{} {} visits need {} weeks; this term has {}", *sessions,
                               term_of(frequency_terms(), *frequency).label,
                               *sessions * every_weeks(*frequency), weeks));
        else
            w.sessions = static_cast<int>(*sessions);
        auto session = parse_half_days(r.session_days);
        if (!session || (*session != 1 && *session != 2))
            v.fail("session_days_" + key, "invalid",
                   "A visit is half a day (0.5) or a whole day (1)");
        else
            w.session_half_days = *session;
        if (auto pin = trim(r.pinned_practitioner_id); !pin.empty()) {
            auto pid = parse_int(pin);
            auto p = pid ? s.practitioners.find(PractitionerId{*pid}) : std::nullopt;
            Grade level = request->accepted_level.value_or(Grade::teacher);
            if (!p || !p->active)
                v.fail("pin_" + key, "unknown", "Choose an active practitioner");
            else if (!grade_covers(p->grade, level,
                                   higher_grade_cover(s.config.higher_grade_may_cover)))
                v.fail("pin_" + key, "wrong_grade",
                       p->name + " is not of the accepted level for " + request->reference);
            else
                w.pinned = *p;
        }
        plan.work.push_back(std::move(w));
    }
    if (!v.ok()) return std::unexpected(std::move(v).error());
    return plan;
}

}  // namespace

std::map<std::int64_t, Diary> practitioner_diaries(Services& s,
                                                   const std::vector<Practitioner>& people,
                                                   Date from, Date to) {
    // Whole weeks are read so days booked just outside the dates still count against that week.
    Date monday = monday_of(from), sunday = add_days(monday_of(to), 6);
    auto booked = s.planning.booked_by_day(monday, sunday);
    auto leave = s.planning.leave_between(from, to);
    std::map<std::int64_t, Diary> out;
    for (const auto& p : people)
        out.emplace(p.id.value, make_diary(from, to, p.working_days, leave[p.id.value],
                                           p.max_days_per_week, booked[p.id.value]));
    return out;
}

Result<Availability> get_availability(Services& s, const Actor& actor, PractitionerId id) {
    SENDHUB_ASSIGN_OR_RETURN(auto p, practitioner_for(s, actor, id));
    return Availability{p, s.planning.leave_of(id, s.clock().today()), clashes_of(s, id)};
}

Result<Availability> set_working_days(Services& s, const Actor& actor, PractitionerId id,
                                      const std::vector<std::string>& codes, const Acting& who) {
    SENDHUB_TRY(practitioner_for(s, actor, id));
    SENDHUB_ASSIGN_OR_RETURN(auto pattern, parse_working_days(codes));
    SENDHUB_TRY(s.planning.set_working_days(id, pattern, who));
    return get_availability(s, actor, id);
}

Result<LeaveAdded> add_leave(Services& s, const Actor& actor, PractitionerId id,
                             const LeaveInput& input, const Acting& who) {
    SENDHUB_TRY(practitioner_for(s, actor, id));
    SENDHUB_ASSIGN_OR_RETURN(auto leave, validate_leave(input));
    SENDHUB_ASSIGN_OR_RETURN(auto added, s.planning.add_leave(id, std::move(leave), who));
    return LeaveAdded{std::move(added), clashes_of(s, id)};
}

Result<std::vector<Clash>> all_clashes(Services& s, const Actor& actor) {
    if (!allows(actor, Permission::triage_requests)) return std::unexpected(Error::forbidden());
    return clashes_of(s, std::nullopt);
}

Result<void> remove_leave(Services& s, const Actor& actor, PractitionerId id, LeaveId leave,
                          const Acting& who) {
    SENDHUB_TRY(practitioner_for(s, actor, id));
    return s.planning.remove_leave(id, leave, who);
}

Result<std::vector<RequestRecord>> plannable_requests(Services& s, const Actor& actor) {
    if (!allows(actor, Permission::triage_requests)) return std::unexpected(Error::forbidden());
    return s.requests.list({.status = RequestStatus::accepted, .limit = kMaxPageSize}).items;
}

Result<Proposal> propose_plan(Services& s, const Actor& actor, const PlanInput& input) {
    if (!allows(actor, Permission::triage_requests)) return std::unexpected(Error::forbidden());
    SENDHUB_ASSIGN_OR_RETURN(auto checked, check_plan(s, input));
    auto people = s.practitioners.list({.limit = kMaxPageSize}).items;
    std::erase_if(people, [](const Practitioner& p) { return !p.active; });
    auto diaries = practitioner_diaries(s, people, checked.first, checked.last);

    TermPlanInput in;
    in.higher_grade_may_cover = s.config.higher_grade_may_cover;
    in.overload_penalty_pence = s.config.plan_overload_penalty_pence;
    for (const auto& p : people)
        in.people.push_back({p.id, p.name, p.grade, diaries.at(p.id.value)});
    std::vector<std::optional<GeoPoint>> schools;
    std::vector<std::int64_t> mileage;
    std::map<Grade, std::int64_t> mileage_of;  // one tariff look-up per level, not per request
    for (const auto& w : checked.work) {
        Grade level = w.request.accepted_level.value_or(Grade::teacher);
        VisitSeries series{.visits = w.sessions,
                           .session_half_days = w.session_half_days,
                           .every_weeks = every_weeks(w.frequency)};
        // Visits start on the date the school asked for, when that falls in the term, and
        // only on days the school is open.
        if (auto preferred = parse_date(w.request.input.preferred_date);
            preferred && days_between(checked.first, *preferred) > 0) {
            series.earliest_day = static_cast<int>(days_between(checked.first, *preferred));
            series.first_week = (weekday_index(checked.first) + series.earliest_day) / 7;
        }
        series.school_closed = closed_days(s.school_days.calendar_of(w.request.school_urn),
                                           checked.first, checked.last);
        in.work.push_back({level, series, w.pinned ? std::optional(w.pinned->id) : std::nullopt});
        schools.push_back(school_point(s, w.request.school_urn));
        if (!mileage_of.contains(level))
            mileage_of[level] =
                s.agreements.rates_on(level, s.clock().today()).mileage_pence_per_mile;
        mileage.push_back(mileage_of[level]);
    }
    const double circuity = s.config.circuity_factor;
    const auto unknown_tenths =
        static_cast<std::int64_t>(s.config.match_weights.unknown_distance_miles * 10);
    in.travel_pence = [&](std::size_t w, std::size_t p) -> std::int64_t {
        auto tenths = return_tenths(people[p], schools[w], circuity).value_or(unknown_tenths);
        return charge_for_miles(tenths, mileage[w]) * in.work[w].series.visits;
    };
    auto plan = plan_term(in);

    Proposal out{checked.first,  checked.last,    {}, {}, plan.travel_pence,
                 plan.objective, plan.lower_bound};
    for (std::size_t w = 0; w < checked.work.size(); ++w) {
        const auto& c = checked.work[w];
        const auto& planned = plan.work[w];
        ProposedWork item{c.request,           c.frequency,          c.sessions,
                          c.session_half_days, c.pinned.has_value(), std::nullopt,
                          planned.dates,       planned.travel_pence, planned.unplanned_reason};
        if (planned.person != kUnassigned) item.practitioner = people[planned.person];
        out.work.push_back(std::move(item));
    }
    for (std::size_t p = 0; p < people.size(); ++p)
        out.people.push_back({people[p], plan.load_half_days[p], plan.fair_share_half_days[p],
                              diary_capacity(in.people[p].diary)});
    return out;
}

Result<Proposal> accept_plan(Services& s, const Actor& actor, const PlanInput& input,
                             const Acting& who) {
    SENDHUB_ASSIGN_OR_RETURN(auto proposal, propose_plan(s, actor, input));
    if (std::ranges::none_of(proposal.work,
                             [](const ProposedWork& w) { return w.practitioner.has_value(); }))
        return std::unexpected(Error::invalid(
            "request", "nothing_planned", "Nothing in this plan can be given to a practitioner"));
    const Acting& by = who;
    SENDHUB_TRY(s.database->write([&](SqlConnection& c) -> Result<void> {
        for (const auto& w : proposal.work) {
            if (!w.practitioner) continue;
            auto current = RequestStore::find(c, w.request.id);
            if (!current) return std::unexpected(Error::not_found("No such request."));
            SENDHUB_TRY(RequestStore::move(c, *current, RequestAction::assign, by,
                                           w.practitioner->name, "assigned by the term plan"));
            RequestStore::set_practitioner(c, w.request.id, w.practitioner->id);
            PlanningStore::hold(c, w.request.id, w.practitioner->id, w.dates, w.session_half_days);
            append_audit(
                c, who, "plan", "request", std::to_string(w.request.id.value),
                {{"practitioner_id", w.practitioner->id.value}, {"held_dates", w.dates.size()}});
            notify_practitioner(
                c, w.practitioner->id,
                {"assigned", "New outreach work: " + w.request.reference,
                 fmt::format(
                     "The term plan gives you request {} for {}: {} visits from {}, held until the "
                     "school agrees the provision. Sign in to sendhub to read it.",
                     w.request.reference, w.request.school_name, w.dates.size(),
                     w.dates.empty() ? "" : format_date(w.dates.front())),
                 request_link(w.request.id)});
        }
        return {};
    }));
    return proposal;
}

Result<std::vector<CalendarEntry>> calendar_entries(Services& s, const Actor& actor,
                                                    std::optional<PractitionerId> who, Date from,
                                                    Date to) {
    if (actor.role == Role::practitioner) {
        if (!actor.practitioner_id || (who && *who != *actor.practitioner_id))
            return std::unexpected(Error::not_found("No such calendar."));
        who = actor.practitioner_id;
    } else if (actor.role != Role::coordinator && actor.role != Role::admin) {
        return std::unexpected(Error::forbidden());
    }
    if (days_between(from, to) < 0)
        return std::unexpected(
            Error::invalid("to", "before_from", "The end date must be after the start"));
    if (days_between(from, to) > kMaxCalendarDays)
        return std::unexpected(
            Error::invalid("to", "too_long", "Show up to three months at a time"));
    auto entries = s.planning.calendar(who, from, to);
    std::map<std::int64_t, SchoolCalendar> calendars;  // one read per school shown
    for (auto& e : entries) {
        auto it = calendars.find(e.school_urn.value);
        if (it == calendars.end())
            it = calendars.emplace(e.school_urn.value, s.school_days.calendar_of(e.school_urn))
                     .first;
        e.school_closed = it->second.closed_on(e.date);
    }
    return entries;
}

std::map<Date, std::string> bank_holidays_between(Services& s, Date from, Date to) {
    std::map<Date, std::string> out;
    for (auto& h : s.school_days.bank_holidays(from, to)) out.emplace(h.date, std::move(h.title));
    return out;
}

Result<std::string> new_calendar_feed(Services& s, const Actor& actor, const Acting& who) {
    if (!actor.practitioner_id)
        return std::unexpected(
            Error::forbidden("Calendar feeds are of a practitioner's own visits."));
    auto token = s.planning.new_feed(actor.user_id);
    s.database->write([&](SqlConnection& c) {
        append_audit(c, who, "create", "calendar_feed", std::to_string(actor.user_id.value));
    });
    return token;
}

Result<void> revoke_calendar_feed(Services& s, const Actor& actor, const Acting& who) {
    if (!actor.practitioner_id)
        return std::unexpected(
            Error::forbidden("Calendar feeds are of a practitioner's own visits."));
    s.planning.revoke_feed(actor.user_id);
    s.database->write([&](SqlConnection& c) {
        append_audit(c, who, "delete", "calendar_feed", std::to_string(actor.user_id.value));
    });
    return {};
}

Result<std::string> calendar_feed(Services& s, std::string_view token) {
    auto owner = s.planning.feed_owner(token);
    auto user = owner ? s.users.find(*owner) : std::nullopt;
    if (!user || !user->practitioner_id)
        return std::unexpected(Error::not_found("No such calendar."));
    Date today = s.clock().today();
    std::vector<IcalEvent> events;
    for (const auto& e :
         s.planning.calendar(user->practitioner_id, add_days(today, -28), add_days(today, 548))) {
        IcalEvent ev;
        ev.uid = e.visit_id
                     ? fmt::format("visit-{}@sendhub", e.visit_id->value)
                     : fmt::format("held-{}-{}@sendhub", e.request_id.value, format_date(e.date));
        ev.date = e.date;
        ev.summary = "Outreach visit: " + e.school_name + (e.half_days == 1 ? " (half day)" : "") +
                     (e.held ? " (held)" : "");
        ev.location = e.school_postcode;
        ev.description =
            "Request " + request_reference(e.request_id) +
            (e.held ? ". Held by the term plan until the school agrees the provision." : ".");
        ev.tentative = e.held;
        events.push_back(std::move(ev));
    }
    return ical_calendar("sendhub visits: " + user->name, events, s.clock().now());
}

Result<std::map<std::int64_t, std::vector<Leave>>> leave_between(Services& s, const Actor& actor,
                                                                 Date from, Date to) {
    if (!allows(actor, Permission::read_calendars)) return std::unexpected(Error::forbidden());
    return s.planning.leave_between(from, to);
}

bool has_calendar_feed(Services& s, const Actor& actor) {
    return s.planning.has_feed(actor.user_id);
}
}  // namespace sendhub
