#pragma once
// Availability (working days, leave), the visits a term plan holds, calendars of visits, and
// the secret calendar feed links (issue 7).
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/agreement.hpp"
#include "core/availability.hpp"
#include "core/outreach.hpp"
#include "core/school_days.hpp"
#include "store/audit_store.hpp"
#include "store/database.hpp"

namespace sendhub {

//! One visit, planned, delivered or held by a plan, as a calendar shows it.
struct CalendarEntry {
    Date date;
    PractitionerId practitioner_id;
    std::string practitioner_name;
    RequestId request_id;
    std::string school_name;
    std::string school_postcode;
    int half_days = 2;
    bool held = false;                // held by a term plan; not yet agreed
    std::optional<VisitId> visit_id;  // planned or delivered visits
    std::string status;               // planned | delivered | held
    SchoolUrn school_urn;
    std::optional<ClosedReason> school_closed;  // the school is closed that day (term dates)
};

class PlanningStore {
  public:
    explicit PlanningStore(Database& db) : db_(db) {}

    [[nodiscard]] Result<void> set_working_days(PractitionerId id, WorkingPattern pattern,
                                                const Acting& who);
    //! Leave ending on or after `from` (all of it when nullopt), soonest first.
    [[nodiscard]] std::vector<Leave> leave_of(PractitionerId id,
                                              std::optional<Date> from = std::nullopt);
    [[nodiscard]] Result<Leave> add_leave(PractitionerId id, Leave leave, const Acting& who);
    [[nodiscard]] Result<void> remove_leave(PractitionerId id, LeaveId leave, const Acting& who);

    //! Half days taken per practitioner and date (visits not cancelled, and held dates).
    [[nodiscard]] std::map<std::int64_t, std::map<Date, int>> booked_by_day(Date from, Date to);
    //! Leave overlapping the dates, per practitioner.
    [[nodiscard]] std::map<std::int64_t, std::vector<Leave>> leave_between(Date from, Date to);

    //! Dates a term plan holds for the request, soonest first, with their half days.
    [[nodiscard]] std::vector<std::pair<Date, int>> held_for(RequestId request);
    static void hold(SqlConnection& c, RequestId request, PractitionerId practitioner,
                     std::span<const Date> dates, int half_days);
    //! Held dates of the request become planned visits of the agreement; returns how many.
    static int convert_holds(SqlConnection& c, RequestId request, AgreementId agreement,
                             PractitionerId practitioner);
    static void release_holds(SqlConnection& c, RequestId request);

    //! Visits and held dates between two dates, by date; one practitioner's or everyone's.
    [[nodiscard]] std::vector<CalendarEntry> calendar(std::optional<PractitionerId> who, Date from,
                                                      Date to);

    //! A new secret link token (returned once, stored as its SHA-256), replacing any old one.
    [[nodiscard]] std::string new_feed(UserId user);
    void revoke_feed(UserId user);
    [[nodiscard]] bool has_feed(UserId user);
    [[nodiscard]] std::optional<UserId> feed_owner(std::string_view token);

  private:
    Database& db_;
};

}  // namespace sendhub
