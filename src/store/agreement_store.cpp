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

}  // namespace

Error AgreementStore::not_agreed() {
    return Error::conflict("not_agreed", "This is possible only while the agreement is in place.");
}

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
}  // namespace sendhub
