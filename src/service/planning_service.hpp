#pragma once
// Availability, the term planner and calendars (issue 7), with who may do what checked here.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/agreement.hpp"
#include "core/availability.hpp"
#include "core/policy.hpp"
#include "core/practitioner.hpp"
#include "core/term_planner.hpp"
#include "service/services.hpp"
#include "store/planning_store.hpp"

namespace sendhub {

//! Each practitioner's free time between two dates: working days, leave, visits booked or held.
[[nodiscard]] std::map<std::int64_t, Diary> practitioner_diaries(
    Services& s, const std::vector<Practitioner>& people, Date from, Date to);

// ---- Availability: coordinators and admins for anyone, practitioners for themselves ----

//! A visit planned or held by a term plan, from today on, that falls on the practitioner's
//! leave or on a day they no longer work; it stays one until it is moved or cancelled.
struct Clash {
    CalendarEntry visit;
    ClashReason reason;
};

struct Availability {
    Practitioner practitioner;
    std::vector<Leave> leave;    // ending today or later
    std::vector<Clash> clashes;  // their visits that now clash
};

struct LeaveAdded {
    Leave leave;
    std::vector<Clash> clashes;  // the practitioner's visits that now clash
};

//! Every practitioner's clashes, soonest first (coordinators' and admins' home page).
[[nodiscard]] Result<std::vector<Clash>> all_clashes(Services& s, const Actor& actor);
[[nodiscard]] Result<Availability> get_availability(Services& s, const Actor& actor,
                                                    PractitionerId id);
[[nodiscard]] Result<Availability> set_working_days(Services& s, const Actor& actor,
                                                    PractitionerId id,
                                                    const std::vector<std::string>& codes,
                                                    const Acting& who);
//! Everyone's leave overlapping the dates, by practitioner id (calendars: read_calendars).
[[nodiscard]] Result<std::map<std::int64_t, std::vector<Leave>>> leave_between(Services& s,
                                                                               const Actor& actor,
                                                                               Date from, Date to);
//! Whether the actor has a live calendar feed link.
[[nodiscard]] bool has_calendar_feed(Services& s, const Actor& actor);
[[nodiscard]] Result<LeaveAdded> add_leave(Services& s, const Actor& actor, PractitionerId id,
                                           const LeaveInput& input, const Acting& who);
[[nodiscard]] Result<void> remove_leave(Services& s, const Actor& actor, PractitionerId id,
                                        LeaveId leave, const Acting& who);

// ---- The term planner: coordinators ----

struct PlanRequestInput {
    std::string request_id;
    std::string frequency;
    std::string sessions;
    std::string session_days;
    std::string pinned_practitioner_id;  // "" for the planner's choice
};

struct PlanInput {
    std::string term_start;
    std::string term_end;
    std::vector<PlanRequestInput> requests;
};

struct ProposedWork {
    RequestRecord request;
    Frequency frequency = Frequency::fortnightly;
    int sessions = 1;
    int session_half_days = 2;
    bool pinned = false;
    std::optional<Practitioner> practitioner;
    std::vector<Date> dates;
    std::int64_t travel_pence = 0;
    std::string unplanned_reason;
};

struct PersonLoad {
    Practitioner practitioner;
    int planned_half_days = 0;
    int fair_share_half_days = 0;
    int free_half_days = 0;  // in the term, before this plan
};

struct Proposal {
    Date term_start;
    Date term_end;
    std::vector<ProposedWork> work;
    std::vector<PersonLoad> people;
    std::int64_t travel_pence = 0;
    std::int64_t objective_pence = 0;
    double lower_bound_pence = 0;
};

//! Requests accepted and waiting for a practitioner: what the planner plans.
[[nodiscard]] Result<std::vector<RequestRecord>> plannable_requests(Services& s,
                                                                    const Actor& actor);
[[nodiscard]] Result<Proposal> propose_plan(Services& s, const Actor& actor,
                                            const PlanInput& input);
//! Plans again with the same input and applies it in one transaction: each planned request
//! is assigned and its dates are held until the school agrees the provision.
[[nodiscard]] Result<Proposal> accept_plan(Services& s, const Actor& actor, const PlanInput& input,
                                           const Acting& who);

// ---- Calendars ----

//! Visits and held dates: a practitioner sees their own; coordinators and admins anyone's
//! (everyone's when `who` is empty).
[[nodiscard]] Result<std::vector<CalendarEntry>> calendar_entries(Services& s, const Actor& actor,
                                                                  std::optional<PractitionerId> who,
                                                                  Date from, Date to);
//! England and Wales bank holidays from `from` to `to`, with their names (calendars show
//! them as closed).
[[nodiscard]] std::map<Date, std::string> bank_holidays_between(Services& s, Date from, Date to);
//! A new secret feed link for the signed-in practitioner (replaces any old one).
[[nodiscard]] Result<std::string> new_calendar_feed(Services& s, const Actor& actor,
                                                    const Acting& who);
[[nodiscard]] Result<void> revoke_calendar_feed(Services& s, const Actor& actor, const Acting& who);
//! The iCalendar text behind a feed token: from four weeks back to 18 months ahead.
[[nodiscard]] Result<std::string> calendar_feed(Services& s, std::string_view token);

}  // namespace sendhub
