#include "store/agreement_store.hpp"

#include "core/audit_words.hpp"

#include "store/outbox_store.hpp"
#include "store/planning_store.hpp"
#include "store/stored_value.hpp"

namespace sendhub {
namespace {

constexpr std::string_view kTariff =
    "SELECT pence FROM tariffs WHERE item = ? AND effective_from <= ? ORDER BY effective_from DESC "
    "LIMIT 1";
constexpr std::string_view kFind =
    "SELECT a.id, a.request_id, r.school_urn, s.name, r.practitioner_id, p.name, a.status, a.type, "
    "a.level, a.frequency,"
    " a.sessions, a.session_half_days, a.start_date, a.report_writing_half_days, "
    "a.travel_tenths_per_visit,"
    " a.day_rate_pence, a.mileage_pence_per_mile, a.accepted_by_name, a.accepted_at, "
    "a.purchase_order FROM agreements a JOIN outreach_requests r ON r.id = a.request_id JOIN "
    "schools s ON s.urn = "
    "r.school_urn"
    " LEFT JOIN practitioners p ON p.id = r.practitioner_id WHERE a.id = ?";
constexpr std::string_view kOutcomes =
    "SELECT id, text FROM agreement_outcomes WHERE agreement_id = ? ORDER BY position";
constexpr std::string_view kExisting = "SELECT id FROM agreements WHERE request_id = ?";
constexpr std::string_view kInsert =
    "INSERT INTO agreements (request_id, status, type, level, frequency, sessions, "
    "session_half_days, start_date,"
    " report_writing_half_days, travel_tenths_per_visit, created_by, created_at, updated_at)"
    " VALUES (?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr std::string_view kDeleteDraftOutcomes =
    "DELETE FROM agreement_outcomes WHERE agreement_id = ? AND EXISTS"
    " (SELECT 1 FROM agreements WHERE id = ? AND status = 'draft')";
constexpr std::string_view kDeleteDraft =
    "DELETE FROM agreements WHERE id = ? AND status = 'draft'";
constexpr std::string_view kInsertOutcome =
    "INSERT INTO agreement_outcomes (agreement_id, position, text) VALUES (?, ?, ?)";
constexpr std::string_view kSetPurchaseOrder =
    "UPDATE agreements SET purchase_order = ?, updated_at = ? WHERE id = ?";
constexpr std::string_view kAccept =
    "UPDATE agreements SET status = 'agreed', day_rate_pence = ?, mileage_pence_per_mile = ?, "
    "accepted_by_user = ?,"
    " accepted_by_name = ?, accepted_at = ?, updated_at = ? WHERE id = ? AND status = 'draft'";
constexpr std::string_view kComplete =
    "UPDATE agreements SET status = 'completed', updated_at = ? WHERE id = ? AND status = 'agreed'";
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

Error not_agreed() {
    return Error::conflict("not_agreed", "This is possible only while the agreement is in place.");
}

}  // namespace

std::optional<std::int64_t> AgreementStore::tariff_on(SqlConnection& c, std::string_view item,
                                                      Date date) {
    auto row = c.query_one(kTariff, item, format_date(date));
    if (!row) return std::nullopt;
    return row->integer(0);
}

std::optional<std::int64_t> AgreementStore::day_rate_on(Grade level, Date date) {
    return db_.read([&](SqlConnection& c) { return tariff_on(c, day_rate_item(level), date); });
}

Rates AgreementStore::rates_on(Grade grade, Date date) {
    return db_.read([&](SqlConnection& c) {
        return Rates{tariff_on(c, day_rate_item(grade), date).value_or(0),
                     tariff_on(c, "mileage", date).value_or(0)};
    });
}

std::optional<AgreementRecord> AgreementStore::find(SqlConnection& c, AgreementId id) {
    auto row = c.query_one(kFind, id.value);
    if (!row) return std::nullopt;
    const SqlRow& r = *row;
    AgreementRecord a;
    a.id = AgreementId{r.integer(0)};
    a.request_id = RequestId{r.integer(1)};
    a.school_urn = SchoolUrn{r.integer(2)};
    a.school_name = r.text(3);
    if (auto p = r.optional_integer(4)) a.practitioner_id = PractitionerId{*p};
    a.practitioner_name = r.text(5);
    a.status = stored_term(agreement_status_terms(), r.text(6), "agreements.status");
    a.terms.type = r.text(7);
    a.terms.level = stored_term(level_terms(), r.text(8), "agreements.level");
    a.terms.frequency = stored_term(frequency_terms(), r.text(9), "agreements.frequency");
    a.terms.sessions = static_cast<int>(r.integer(10));
    a.terms.session_half_days = static_cast<int>(r.integer(11));
    a.terms.start_date = stored_date(r.text(12), "agreements.start_date");
    a.terms.report_writing_half_days = static_cast<int>(r.integer(13));
    a.travel_tenths_per_visit = r.integer(14);
    if (!r.is_null(15)) a.locked_rates = Rates{r.integer(15), r.integer(16)};
    a.accepted_by_name = r.text(17);
    if (auto t = r.optional_integer(18)) a.accepted_at = Timestamp{std::chrono::seconds{*t}};
    a.purchase_order = r.text(19);
    for (const auto& o : c.query_with(kOutcomes, a.id.value)) {
        a.outcomes.push_back({OutcomeId{o.integer(0)}, o.text(1)});
        a.terms.outcomes.push_back(o.text(1));
    }
    return a;
}

std::optional<AgreementRecord> AgreementStore::find(AgreementId id) {
    return db_.read([&](SqlConnection& c) { return find(c, id); });
}

Result<AgreementRecord> AgreementStore::create(RequestId request, const AgreementTerms& t,
                                               std::int64_t travel, const Acting& who) {
    return db_.write([&](SqlConnection& c) -> Result<AgreementRecord> {
        auto req = RequestStore::find(c, request);
        if (!req) return std::unexpected(Error::not_found("No such request."));
        if (req->status != RequestStatus::assigned)
            return std::unexpected(Error::conflict(
                "not_assigned", "An agreement is drawn up once a practitioner is assigned."));
        if (c.query_one(kExisting, request.value))
            return std::unexpected(
                Error::conflict("agreement_exists", "This request already has an agreement."));
        auto ts = c.now_seconds();
        auto row = c.query_one(kInsert, request.value, t.type, term_of(level_terms(), t.level).code,
                               term_of(frequency_terms(), t.frequency).code, t.sessions,
                               t.session_half_days, format_date(t.start_date),
                               t.report_writing_half_days, travel, who.user_value(), ts, ts);
        AgreementId id{row->integer(0)};
        int position = 0;
        for (const auto& outcome : t.outcomes)
            c.execute_with(kInsertOutcome, id.value, position++, outcome);
        RequestStore::record_event(c, request, who, "drew up the provision agreement", "", "",
                                   t.type);
        append_audit(c, who, "create", "agreement", std::to_string(id.value),
                     {{"request_id", request.value},
                      {"type", t.type},
                      {"sessions", t.sessions},
                      {"outcomes", t.outcomes.size()}});
        notify_role(c, Role::senco, req->school_urn,
                    {"agreement_ready", "Provision agreement ready for " + req->reference,
                     "A provision agreement for request " + req->reference +
                         " is ready for you to read and accept. Sign in to sendhub to see it.",
                     request_link(request)});
        return *find(c, id);
    });
}

Result<AgreementRecord> AgreementStore::set_purchase_order(AgreementId id,
                                                           const std::string& purchase_order,
                                                           const Acting& who) {
    return db_.write([&](SqlConnection& c) -> Result<AgreementRecord> {
        if (c.execute_with(kSetPurchaseOrder, purchase_order, c.now_seconds(), id.value) != 1)
            return std::unexpected(Error::not_found("No such agreement."));
        append_audit(c, who, "update", "agreement", std::to_string(id.value),
                     {{"purchase_order", purchase_order}});
        return *find(c, id);
    });
}

Result<AgreementRecord> AgreementStore::accept(AgreementId id, Date today,
                                               const std::string& purchase_order,
                                               const Acting& who) {
    return db_.write([&](SqlConnection& c) -> Result<AgreementRecord> {
        auto a = find(c, id);
        if (!a) return std::unexpected(Error::not_found("No such agreement."));
        if (a->status != AgreementStatus::draft)
            return std::unexpected(
                Error::conflict("not_draft", "This agreement has already been accepted."));
        // Rates in force on the day of acceptance are locked into the agreement (api-contract.md).
        auto day = tariff_on(c, day_rate_item(a->terms.level), today);
        auto mileage = tariff_on(c, "mileage", today);
        if (!day || !mileage)
            return std::unexpected(Error::conflict("no_tariff", "No tariff is in force today."));
        auto ts = c.now_seconds();
        if (c.execute_with(kAccept, *day, *mileage, who.user_value(), who.name, ts, ts, id.value) !=
            1)
            return std::unexpected(
                Error::conflict("changed", "This agreement changed meanwhile. Reload it."));
        auto req = RequestStore::find(c, a->request_id);
        SENDHUB_TRY(RequestStore::move(c, *req, RequestAction::agree, who, "",
                                       "accepted the provision agreement"));
        // Dates a term plan held for this work become its planned visits.
        int planned = a->practitioner_id
                          ? PlanningStore::convert_holds(c, a->request_id, id, *a->practitioner_id)
                          : 0;
        if (planned > 0)
            RequestStore::record_event(c, a->request_id, who, "planned the held visits", "", "",
                                       std::to_string(planned) + " visits");
        if (!purchase_order.empty())
            c.execute_with(kSetPurchaseOrder, purchase_order, ts, id.value);
        append_audit(c, who, "accept", "agreement", std::to_string(id.value),
                     {{"day_rate_pence", *day},
                      {"mileage_pence_per_mile", *mileage},
                      {"accepted_by", who.name},
                      {"visits_planned_from_plan", planned}});
        notify_role(c, Role::coordinator, std::nullopt,
                    {"agreement_accepted", "Agreement accepted for " + req->reference,
                     "The school accepted the provision agreement for " + req->reference + ".",
                     request_link(a->request_id)});
        return *find(c, id);
    });
}

Result<AgreementRecord> AgreementStore::complete(AgreementId id, const Acting& who) {
    return db_.write([&](SqlConnection& c) -> Result<AgreementRecord> {
        auto a = find(c, id);
        if (!a) return std::unexpected(Error::not_found("No such agreement."));
        auto req = RequestStore::find(c, a->request_id);
        if (c.execute_with(kComplete, c.now_seconds(), id.value) != 1)
            return std::unexpected(not_agreed());
        SENDHUB_TRY(RequestStore::move(c, *req, RequestAction::complete, who, ""));
        append_audit(c, who, "complete", "agreement", std::to_string(id.value));
        // Seed 002: feedback "will be requested at the end of each period of service involvement".
        notify_role(c, Role::senco, a->school_urn,
                    {"feedback_wanted", "How did the outreach go? " + req->reference,
                     "The outreach support for " + req->reference +
                         " has finished. Please tell us how it went: sign in to sendhub and give "
                         "your feedback.",
                     request_link(a->request_id)});
        return *find(c, id);
    });
}

Result<void> AgreementStore::withdraw_for_change(AgreementId id, const std::string& note,
                                                 const Acting& who) {
    return db_.write([&](SqlConnection& c) -> Result<void> {
        auto a = find(c, id);
        if (!a) return std::unexpected(Error::not_found("No such agreement."));
        c.execute_with(kDeleteDraftOutcomes, id.value, id.value);
        if (c.execute_with(kDeleteDraft, id.value) != 1)
            return std::unexpected(
                Error::conflict("not_draft", "This agreement has already been accepted."));
        auto req = RequestStore::find(c, a->request_id);
        RequestStore::record_event(c, a->request_id, who, "asked for a change to the agreement", "",
                                   "", note);
        // That a change was asked for, not what the school wrote (it may name a child).
        append_audit(c, who, "ask_for_change", "agreement", std::to_string(id.value),
                     {{"request_id", a->request_id.value}, {"fields", {"note"}}});
        notify_role(
            c, Role::coordinator, std::nullopt,
            {"agreement_change_asked", "Change asked for on the agreement for " + req->reference,
             "The school asked for a change to the provision agreement for " + req->reference +
                 ". Read their note on the request in sendhub and draw up a new agreement.",
             request_link(a->request_id)});
        return {};
    });
}

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
