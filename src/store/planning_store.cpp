#include "store/planning_store.hpp"

#include "security/digest.hpp"
#include "security/random.hpp"
#include "store/request_store.hpp"

namespace sendhub {
namespace {

constexpr std::string_view kSetWorkingDays =
    "UPDATE practitioners SET working_days = ?, updated_at = ? WHERE id = ?";
constexpr std::string_view kWorkingDays = "SELECT working_days FROM practitioners WHERE id = ?";
constexpr std::string_view kLeaveOf =
    "SELECT id, first_day, last_day, reason FROM practitioner_leave WHERE practitioner_id = ? AND "
    "last_day >= ?"
    " ORDER BY first_day, id";
constexpr std::string_view kInsertLeave =
    "INSERT INTO practitioner_leave (practitioner_id, first_day, last_day, reason, created_at) "
    "VALUES (?, ?, ?, ?, ?)"
    " RETURNING id";
constexpr std::string_view kFindLeave =
    "SELECT first_day, last_day FROM practitioner_leave WHERE id = ? AND practitioner_id = ?";
constexpr std::string_view kDeleteLeave =
    "DELETE FROM practitioner_leave WHERE id = ? AND practitioner_id = ?";
constexpr std::string_view kLeaveBetween =
    "SELECT practitioner_id, id, first_day, last_day, reason FROM practitioner_leave WHERE "
    "last_day >= ? AND first_day <= ?";
constexpr std::string_view kBookedByDay =
    "SELECT practitioner_id, date, sum(half_days) FROM ("
    " SELECT practitioner_id, date, half_days FROM visits WHERE status <> 'cancelled' AND date "
    "BETWEEN ? AND ?"
    " UNION ALL SELECT practitioner_id, date, half_days FROM held_visits WHERE date BETWEEN ? AND "
    "?) booked"
    " GROUP BY practitioner_id, date";
constexpr std::string_view kHold =
    "INSERT INTO held_visits (request_id, practitioner_id, date, half_days, created_at) VALUES (?, "
    "?, ?, ?, ?)";
constexpr std::string_view kHeldFor =
    "SELECT date, half_days FROM held_visits WHERE request_id = ? ORDER BY date";
constexpr std::string_view kConvert =
    "INSERT INTO visits (agreement_id, practitioner_id, date, half_days, status, created_at)"
    " SELECT ?, practitioner_id, date, half_days, 'planned', ? FROM held_visits WHERE request_id = "
    "? AND practitioner_id = ?";
constexpr std::string_view kRelease = "DELETE FROM held_visits WHERE request_id = ?";
// Both kinds of entry, with the school, for a date range; ?3 narrows to one practitioner.
constexpr std::string_view kCalendar =
    "SELECT e.date, e.practitioner_id, p.name, e.request_id, s.name, s.postcode, e.half_days, "
    "e.held, e.visit_id, e.status, s.urn"
    " FROM (SELECT v.date, v.practitioner_id, a.request_id, v.half_days, 0 AS held, v.id AS "
    "visit_id, v.status"
    "       FROM visits v JOIN agreements a ON a.id = v.agreement_id WHERE v.status <> 'cancelled'"
    "       UNION ALL SELECT h.date, h.practitioner_id, h.request_id, h.half_days, 1, NULL, 'held' "
    "FROM held_visits h) e"
    " JOIN practitioners p ON p.id = e.practitioner_id"
    " JOIN outreach_requests r ON r.id = e.request_id JOIN schools s ON s.urn = r.school_urn"
    " WHERE e.date BETWEEN ? AND ? AND (? IS NULL OR e.practitioner_id = ?)"
    " ORDER BY e.date, p.name, e.request_id";
constexpr std::string_view kNewFeed =
    "INSERT INTO calendar_feeds (user_id, token_hash, created_at) VALUES (?, ?, ?)"
    " ON CONFLICT (user_id) DO UPDATE SET token_hash = excluded.token_hash, created_at = "
    "excluded.created_at";
constexpr std::string_view kRevokeFeed = "DELETE FROM calendar_feeds WHERE user_id = ?";
constexpr std::string_view kHasFeed = "SELECT 1 FROM calendar_feeds WHERE user_id = ?";
constexpr std::string_view kFeedOwner =
    "SELECT f.user_id FROM calendar_feeds f JOIN users u ON u.id = f.user_id WHERE f.token_hash = "
    "? AND u.active = 1";

Leave leave_from(const SqlRow& r, std::size_t at) {
    return {LeaveId{r.integer(at)}, *parse_date(r.text(at + 1)), *parse_date(r.text(at + 2)),
            r.text(at + 3)};
}

}  // namespace

Result<void> PlanningStore::set_working_days(PractitionerId id, WorkingPattern pattern,
                                             const Acting& who) {
    return db_.write([&](SqlConnection& c) -> Result<void> {
        auto before = c.query_one(kWorkingDays, id.value);
        if (!before) return std::unexpected(Error::not_found("No such practitioner."));
        c.execute_with(kSetWorkingDays, static_cast<int>(pattern.days), c.now_seconds(), id.value);
        append_audit(c, who, "update", "practitioner", std::to_string(id.value),
                     {{"working_days", {{"from", before->integer(0)}, {"to", pattern.days}}}});
        return {};
    });
}

std::vector<Leave> PlanningStore::leave_of(PractitionerId id, std::optional<Date> from) {
    return db_.read([&](SqlConnection& c) {
        std::vector<Leave> out;
        for (const auto& r : c.query_with(kLeaveOf, id.value,
                                          from ? format_date(*from) : std::string("0000-00-00")))
            out.push_back(leave_from(r, 0));
        return out;
    });
}

Result<Leave> PlanningStore::add_leave(PractitionerId id, Leave leave, const Acting& who) {
    return db_.write([&](SqlConnection& c) -> Result<Leave> {
        if (!c.query_one(kWorkingDays, id.value))
            return std::unexpected(Error::not_found("No such practitioner."));
        auto row = c.query_one(kInsertLeave, id.value, format_date(leave.first),
                               format_date(leave.last), leave.reason, c.now_seconds());
        leave.id = LeaveId{row->integer(0)};
        append_audit(c, who, "create", "leave", std::to_string(leave.id.value),
                     {{"practitioner_id", id.value},
                      {"first", format_date(leave.first)},
                      {"last", format_date(leave.last)}});
        return leave;
    });
}

Result<void> PlanningStore::remove_leave(PractitionerId id, LeaveId leave, const Acting& who) {
    return db_.write([&](SqlConnection& c) -> Result<void> {
        auto found = c.query_one(kFindLeave, leave.value, id.value);
        if (!found) return std::unexpected(Error::not_found("No such leave."));
        c.execute_with(kDeleteLeave, leave.value, id.value);
        append_audit(
            c, who, "delete", "leave", std::to_string(leave.value),
            {{"practitioner_id", id.value}, {"first", found->text(0)}, {"last", found->text(1)}});
        return {};
    });
}

std::map<std::int64_t, std::map<Date, int>> PlanningStore::booked_by_day(Date from, Date to) {
    return db_.read([&](SqlConnection& c) {
        std::map<std::int64_t, std::map<Date, int>> out;
        auto f = format_date(from), t = format_date(to);
        for (const auto& r : c.query_with(kBookedByDay, f, t, f, t))
            if (auto date = parse_date(r.text(1)))
                out[r.integer(0)][*date] = static_cast<int>(r.integer(2));
        return out;
    });
}

std::map<std::int64_t, std::vector<Leave>> PlanningStore::leave_between(Date from, Date to) {
    return db_.read([&](SqlConnection& c) {
        std::map<std::int64_t, std::vector<Leave>> out;
        for (const auto& r : c.query_with(kLeaveBetween, format_date(from), format_date(to)))
            out[r.integer(0)].push_back(leave_from(r, 1));
        return out;
    });
}

std::vector<std::pair<Date, int>> PlanningStore::held_for(RequestId request) {
    return db_.read([&](SqlConnection& c) {
        std::vector<std::pair<Date, int>> out;
        for (const auto& r : c.query_with(kHeldFor, request.value))
            if (auto d = parse_date(r.text(0)))
                out.emplace_back(*d, static_cast<int>(r.integer(1)));
        return out;
    });
}

void PlanningStore::hold(SqlConnection& c, RequestId request, PractitionerId practitioner,
                         std::span<const Date> dates, int half_days) {
    auto at = c.now_seconds();
    for (auto date : dates)
        c.execute_with(kHold, request.value, practitioner.value, format_date(date), half_days, at);
}

int PlanningStore::convert_holds(SqlConnection& c, RequestId request, AgreementId agreement,
                                 PractitionerId practitioner) {
    // The insert reports how many rows it copied: no need to count the held dates first.
    auto planned = c.execute_with(kConvert, agreement.value, c.now_seconds(), request.value,
                                  practitioner.value);
    c.execute_with(kRelease, request.value);
    return static_cast<int>(planned);
}

void PlanningStore::release_holds(SqlConnection& c, RequestId request) {
    c.execute_with(kRelease, request.value);
}

std::vector<CalendarEntry> PlanningStore::calendar(std::optional<PractitionerId> who, Date from,
                                                   Date to) {
    return db_.read([&](SqlConnection& c) {
        std::vector<CalendarEntry> out;
        std::optional<std::int64_t> id = who ? std::optional(who->value) : std::nullopt;
        for (const auto& r : c.query_with(kCalendar, format_date(from), format_date(to), id, id)) {
            CalendarEntry e{*parse_date(r.text(0)),
                            PractitionerId{r.integer(1)},
                            r.text(2),
                            RequestId{r.integer(3)},
                            r.text(4),
                            r.text(5),
                            static_cast<int>(r.integer(6)),
                            r.integer(7) != 0,
                            std::nullopt,
                            r.text(9),
                            SchoolUrn{r.integer(10)},
                            std::nullopt};
            if (auto v = r.optional_integer(8)) e.visit_id = VisitId{*v};
            out.push_back(std::move(e));
        }
        return out;
    });
}

std::string PlanningStore::new_feed(UserId user) {
    std::string token = random_token();
    db_.write([&](SqlConnection& c) {
        c.execute_with(kNewFeed, user.value, sha256_hex(token), c.now_seconds());
    });
    return token;
}

void PlanningStore::revoke_feed(UserId user) {
    db_.write([&](SqlConnection& c) { c.execute_with(kRevokeFeed, user.value); });
}

bool PlanningStore::has_feed(UserId user) {
    return db_.read(
        [&](SqlConnection& c) { return c.query_one(kHasFeed, user.value).has_value(); });
}

std::optional<UserId> PlanningStore::feed_owner(std::string_view token) {
    return db_.read([&](SqlConnection& c) -> std::optional<UserId> {
        auto row = c.query_one(kFeedOwner, sha256_hex(token));
        if (!row) return std::nullopt;
        return UserId{row->integer(0)};
    });
}

}  // namespace sendhub
