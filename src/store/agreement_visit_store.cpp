// The visits, reports and progress of provision agreements, and each practitioner's workload.
// The agreements themselves are agreement_store.cpp.
#include "store/agreement_store.hpp"

#include "core/audit_words.hpp"

#include "store/outbox_store.hpp"
#include "store/planning_store.hpp"
#include "store/stored_value.hpp"

namespace sendhub {
namespace {

constexpr std::string_view kVisitSelect =
    "SELECT v.id, v.agreement_id, a.request_id, r.school_urn, s.name, v.practitioner_id, p.name, "
    "v.date, v.half_days,"
    " v.status, v.work_undertaken, v.actions_agreed, v.next_steps, v.miles_tenths, v.reported_at,"
    " v.cancel_reason"
    " FROM visits v JOIN agreements a ON a.id = v.agreement_id JOIN outreach_requests r ON r.id = "
    "a.request_id"
    " JOIN schools s ON s.urn = r.school_urn JOIN practitioners p ON p.id = v.practitioner_id";
const std::string kFindVisit = std::string(kVisitSelect) + " WHERE v.id = ?";
const std::string kVisitsOfAgreement =
    std::string(kVisitSelect) + " WHERE v.agreement_id = ? ORDER BY v.date, v.id";
const std::string kVisitsOfPractitioner =
    std::string(kVisitSelect) + " WHERE v.practitioner_id = ? ORDER BY v.date, v.id";
// Visits, and dates a term plan holds for other requests, count as booked.
constexpr std::string_view kVisitsCounted =
    "SELECT count(*) FROM visits WHERE agreement_id = ? AND status <> 'cancelled'";
constexpr std::string_view kMoveVisit =
    "UPDATE visits SET date = ?, half_days = ? WHERE id = ? AND status = 'planned'";
constexpr std::string_view kCancelVisit =
    "UPDATE visits SET status = 'cancelled', cancel_reason = ? WHERE id = ? AND status = "
    "'planned'";
constexpr std::string_view kBookedDaysBesides =
    "SELECT coalesce(sum(h), 0) FROM (SELECT half_days AS h FROM visits WHERE practitioner_id = ? "
    "AND date = ? AND status <> 'cancelled' AND id <> ? UNION ALL SELECT half_days FROM "
    "held_visits WHERE practitioner_id = ? AND date = ?) booked";
constexpr std::string_view kBookedDays =
    "SELECT coalesce(sum(h), 0) FROM (SELECT half_days AS h FROM visits WHERE practitioner_id = ? "
    "AND date = ?"
    " AND status <> 'cancelled' UNION ALL SELECT half_days FROM held_visits WHERE practitioner_id "
    "= ? AND date = ?"
    " AND request_id <> ?) booked";
constexpr std::string_view kInsertVisit =
    "INSERT INTO visits (agreement_id, practitioner_id, date, half_days, status, created_at)"
    " VALUES (?, ?, ?, ?, 'planned', ?) RETURNING id";
constexpr std::string_view kReport =
    "UPDATE visits SET status = 'delivered', work_undertaken = ?, actions_agreed = ?, next_steps = "
    "?, miles_tenths = ?,"
    " reported_at = ? WHERE id = ? AND status = 'planned'";
constexpr std::string_view kOutcomeOf =
    "SELECT 1 FROM agreement_outcomes WHERE id = ? AND agreement_id = ?";
constexpr std::string_view kInsertProgress =
    "INSERT INTO outcome_progress (outcome_id, date, status, note, recorded_by, recorded_by_name, "
    "recorded_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?)";
constexpr std::string_view kProgress =
    "SELECT op.outcome_id, op.date, op.status, op.note, op.recorded_by_name FROM outcome_progress "
    "op"
    " JOIN agreement_outcomes o ON o.id = op.outcome_id WHERE o.agreement_id = ? ORDER BY op.date, "
    "op.id";
constexpr std::string_view kWorkload =
    "SELECT p.id,"
    " (SELECT count(*) FROM outreach_requests r WHERE r.practitioner_id = p.id AND r.status IN "
    "('assigned', 'agreed')),"
    " (SELECT count(*) FROM visits v WHERE v.practitioner_id = p.id AND v.status = 'planned')"
    " FROM practitioners p";

VisitRecord visit_from(const SqlRow& r) {
    VisitRecord v;
    v.id = VisitId{r.integer(0)};
    v.agreement_id = AgreementId{r.integer(1)};
    v.request_id = RequestId{r.integer(2)};
    v.school_urn = SchoolUrn{r.integer(3)};
    v.school_name = r.text(4);
    v.practitioner_id = PractitionerId{r.integer(5)};
    v.practitioner_name = r.text(6);
    v.date = stored_date(r.text(7), "visits.date");
    v.half_days = static_cast<int>(r.integer(8));
    v.status = stored_term(visit_status_terms(), r.text(9), "visits.status");
    v.report = {r.text(10), r.text(11), r.text(12), r.optional_integer(13).value_or(0)};
    if (auto t = r.optional_integer(14)) v.reported_at = Timestamp{std::chrono::seconds{*t}};
    v.cancel_reason = r.text(15);
    return v;
}

std::optional<VisitRecord> find_visit_in(SqlConnection& c, VisitId id) {
    auto row = c.query_one(kFindVisit, id.value);
    if (!row) return std::nullopt;
    return visit_from(*row);
}

}  // namespace

std::int64_t AgreementStore::visits_counted(SqlConnection& c, AgreementId id) {
    return c.query_with(kVisitsCounted, id.value).front().integer(0);
}

namespace {
Error no_longer_planned() {
    return Error::conflict("visit_not_planned",
                           "This visit has taken place or been cancelled, so it cannot change.");
}

//! The SENCO and the practitioner hear of a change to a visit.
void tell_about_visit(SqlConnection& c, const VisitRecord& v, std::string_view kind,
                      const std::string& subject, const std::string& body) {
    const std::string link = visit_link(v.id);
    const Message message{kind, subject, body, link};
    notify_role(c, Role::senco, v.school_urn, message);
    notify_practitioner(c, v.practitioner_id, message);
}
}  // namespace

Result<VisitRecord> AgreementStore::move_visit(VisitId id, Date date, int half_days,
                                               const Acting& who) {
    return db_.write([&](SqlConnection& c) -> Result<VisitRecord> {
        auto v = find_visit_in(c, id);
        if (!v) return std::unexpected(Error::not_found("No such visit."));
        auto booked = c.query_with(kBookedDaysBesides, v->practitioner_id.value, format_date(date),
                                   id.value, v->practitioner_id.value, format_date(date))
                          .front()
                          .integer(0);
        if (booked + half_days > 2)
            return std::unexpected(Error::conflict(
                "double_booked", v->practitioner_name + " already has " +
                                     format_days(static_cast<int>(booked)) + " day of visits on " +
                                     format_date(date) + "."));
        if (c.execute_with(kMoveVisit, format_date(date), half_days, id.value) != 1)
            return std::unexpected(no_longer_planned());
        std::string from = format_date(v->date), to = format_date(date);
        RequestStore::record_event(c, v->request_id, who, "moved a visit", "", "",
                                   from + " to " + to);
        append_audit(c, who, "move", "visit", std::to_string(id.value),
                     {{"from", from}, {"to", to}, {"half_days", half_days}});
        tell_about_visit(c, *v, "visit_moved", "Visit moved to " + to,
                         "The visit to " + v->school_name + " on " + from + " is now on " + to +
                             " (" + format_days(half_days) + " day).");
        return *find_visit_in(c, id);
    });
}

Result<VisitRecord> AgreementStore::cancel_visit(VisitId id, const std::string& reason,
                                                 const Acting& who) {
    return db_.write([&](SqlConnection& c) -> Result<VisitRecord> {
        auto v = find_visit_in(c, id);
        if (!v) return std::unexpected(Error::not_found("No such visit."));
        if (c.execute_with(kCancelVisit, reason, id.value) != 1)
            return std::unexpected(no_longer_planned());
        std::string date = format_date(v->date);
        RequestStore::record_event(c, v->request_id, who, "cancelled a visit", "", "",
                                   date + ": " + reason);
        append_audit(c, who, "cancel", "visit", std::to_string(id.value),
                     {{"date", date}, {"fields", fields_given({{"reason", reason}})}});
        tell_about_visit(c, *v, "visit_cancelled", "Visit on " + date + " cancelled",
                         "The visit to " + v->school_name + " on " + date + " is cancelled by " +
                             who.name + ": " + reason);
        return *find_visit_in(c, id);
    });
}

Result<VisitRecord> AgreementStore::plan_visit(AgreementId id, Date date, int half_days,
                                               const Acting& who) {
    return db_.write([&](SqlConnection& c) -> Result<VisitRecord> {
        auto a = find(c, id);
        if (!a) return std::unexpected(Error::not_found("No such agreement."));
        if (a->status != AgreementStatus::agreed) return std::unexpected(not_agreed());
        if (!a->practitioner_id)
            return std::unexpected(Error::conflict("not_assigned", "No practitioner is assigned."));
        auto booked =
            c.query_with(kBookedDays, a->practitioner_id->value, format_date(date),
                         a->practitioner_id->value, format_date(date), a->request_id.value)
                .front()
                .integer(0);
        if (booked + half_days > 2)
            return std::unexpected(Error::conflict(
                "double_booked", a->practitioner_name + " already has " +
                                     format_days(static_cast<int>(booked)) + " day of visits on " +
                                     format_date(date) + "."));
        auto row = c.query_one(kInsertVisit, id.value, a->practitioner_id->value, format_date(date),
                               half_days, c.now_seconds());
        VisitId visit{row->integer(0)};
        RequestStore::record_event(c, a->request_id, who, "planned a visit", "", "",
                                   format_date(date));
        append_audit(c, who, "plan", "visit", std::to_string(visit.value),
                     {{"agreement_id", id.value}, {"date", format_date(date)}});
        notify_practitioner(
            c, *a->practitioner_id,
            {"visit_planned", "Visit planned on " + format_date(date),
             "A visit to " + a->school_name + " is planned for " + format_date(date) + ".",
             visit_link(visit)});
        return *find_visit_in(c, visit);
    });
}

std::optional<VisitRecord> AgreementStore::find_visit(VisitId id) {
    return db_.read([&](SqlConnection& c) { return find_visit_in(c, id); });
}

std::vector<VisitRecord> AgreementStore::visits_of_agreement(AgreementId id) {
    return db_.read([&](SqlConnection& c) {
        std::vector<VisitRecord> out;
        for (const auto& r : c.query_with(kVisitsOfAgreement, id.value))
            out.push_back(visit_from(r));
        return out;
    });
}

std::vector<VisitRecord> AgreementStore::visits_of_practitioner(PractitionerId id) {
    return db_.read([&](SqlConnection& c) {
        std::vector<VisitRecord> out;
        for (const auto& r : c.query_with(kVisitsOfPractitioner, id.value))
            out.push_back(visit_from(r));
        return out;
    });
}

Result<VisitRecord> AgreementStore::record_report(VisitId id, const VisitReport& report,
                                                  const Acting& who) {
    return db_.write([&](SqlConnection& c) -> Result<VisitRecord> {
        auto v = find_visit_in(c, id);
        if (!v) return std::unexpected(Error::not_found("No such visit."));
        if (c.execute_with(kReport, report.work_undertaken, report.actions_agreed,
                           report.next_steps, report.miles_tenths, c.now_seconds(), id.value) != 1)
            return std::unexpected(
                Error::conflict("already_reported", "This visit already has its report."));
        RequestStore::record_event(c, v->request_id, who, "wrote the visit report", "", "",
                                   format_date(v->date));
        append_audit(c, who, "report", "visit", std::to_string(id.value),
                     {{"fields", fields_given({{"work_undertaken", report.work_undertaken},
                                               {"actions_agreed", report.actions_agreed},
                                               {"next_steps", report.next_steps}})},
                      {"miles", format_tenths(report.miles_tenths)}});
        notify_role(c, Role::senco, v->school_urn,
                    {"report_ready", "Visit report ready: " + request_reference(v->request_id),
                     "The report of the outreach visit on " + format_date(v->date) +
                         " is ready. Sign in to sendhub to read it.",
                     visit_link(id)});
        return *find_visit_in(c, id);
    });
}

Result<ProgressRecord> AgreementStore::record_progress(AgreementId id, OutcomeId outcome, Date date,
                                                       ProgressStatus status, std::string note,
                                                       const Acting& who) {
    return db_.write([&](SqlConnection& c) -> Result<ProgressRecord> {
        auto a = find(c, id);
        if (!a || !c.query_one(kOutcomeOf, outcome.value, id.value))
            return std::unexpected(Error::not_found("No such outcome in this agreement."));
        if (a->status != AgreementStatus::agreed) return std::unexpected(not_agreed());
        std::string code(term_of(progress_status_terms(), status).code);
        c.execute_with(kInsertProgress, outcome.value, format_date(date), code, note,
                       who.user_value(), who.name, c.now_seconds());
        append_audit(c, who, "progress", "outcome", std::to_string(outcome.value),
                     {{"agreement_id", id.value},
                      {"date", format_date(date)},
                      {"status", code},
                      {"fields", fields_given({{"note", note}})}});
        return ProgressRecord{outcome, date, status, std::move(note), who.name};
    });
}

std::vector<ProgressRecord> AgreementStore::progress_of(AgreementId id) {
    return db_.read([&](SqlConnection& c) {
        std::vector<ProgressRecord> out;
        for (const auto& r : c.query_with(kProgress, id.value)) {
            out.push_back({OutcomeId{r.integer(0)}, stored_date(r.text(1), "progress.date"),
                           stored_term(progress_status_terms(), r.text(2), "progress.status"),
                           r.text(3), r.text(4)});
        }
        return out;
    });
}

std::set<std::int64_t> AgreementStore::practitioners_at_school(SchoolUrn school) {
    return db_.read([&](SqlConnection& c) {
        std::set<std::int64_t> out;
        for (const auto& r : c.query_with(
                 "SELECT DISTINCT practitioner_id FROM outreach_requests WHERE school_urn = ?"
                 " AND practitioner_id IS NOT NULL AND status IN ('assigned', 'agreed', "
                 "'completed')",
                 school.value))
            out.insert(r.integer(0));
        return out;
    });
}

std::map<std::int64_t, std::pair<int, int>> AgreementStore::workload() {
    return db_.read([&](SqlConnection& c) {
        std::map<std::int64_t, std::pair<int, int>> out;
        for (const auto& r : c.query_with(kWorkload))
            out[r.integer(0)] = {static_cast<int>(r.integer(1)), static_cast<int>(r.integer(2))};
        return out;
    });
}

}  // namespace sendhub
