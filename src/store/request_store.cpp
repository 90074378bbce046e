#include "store/request_store.hpp"

#include <span>
#include <unordered_map>

#include "core/audit_words.hpp"
#include "core/text.hpp"
#include "store/stored_value.hpp"

namespace sendhub {
namespace {

constexpr std::string_view kSchoolExists = "SELECT 1 FROM schools WHERE urn = ?";
constexpr std::string_view kSelect =
    "SELECT r.id, r.school_urn, s.name, r.kind, r.status, r.consent_type, r.consent_obtained_on, "
    "r.consent_obtained_by,"
    " r.expertise_level, r.preferred_date, r.concern, r.tried, r.accepted_level, "
    "r.practitioner_id, p.name,"
    " r.triage_notes, r.cancel_reason, r.submitted_at, r.created_at, a.id, r.anonymised_on,"
    " r.service, coalesce(r.work_type, '')"
    " FROM outreach_requests r JOIN schools s ON s.urn = r.school_urn"
    " LEFT JOIN practitioners p ON p.id = r.practitioner_id LEFT JOIN agreements a ON a.request_id "
    "= r.id";

const std::string kFind = std::string(kSelect) + " WHERE r.id = ?";

// A list's row: the reference's id, names, status, level code, date, and the pupils' count
// and first reference, which the pupils index answers without reading their rows.
constexpr std::string_view kSelectSummary =
    "SELECT r.id, s.name, coalesce(p.name, ''), r.status,"
    " CASE WHEN a.id IS NULL THEN 0 ELSE 1 END,"
    " coalesce(r.accepted_level, r.expertise_level, ''), coalesce(r.preferred_date, ''),"
    " (SELECT count(*) FROM request_pupils rp WHERE rp.request_id = r.id),"
    " coalesce((SELECT rp.ref FROM request_pupils rp WHERE rp.request_id = r.id"
    " ORDER BY rp.position LIMIT 1), '')"
    " FROM outreach_requests r JOIN schools s ON s.urn = r.school_urn"
    " LEFT JOIN practitioners p ON p.id = r.practitioner_id LEFT JOIN agreements a ON a.request_id "
    "= r.id";

//! A list's statement and its values. Only the filters given are written into the WHERE
//! clause: a "? IS NULL OR …" for every filter, so that one statement served every search,
//! was about a tenth of the list's query when nothing is searched for, which is most visits.
//! Each combination of filters is prepared once per connection, like any other statement.
struct ListQuery {
    std::string sql;
    std::vector<SqlValue> params;
    bool filtered = false;

    void where(std::string_view clause, std::initializer_list<SqlValue> values = {}) {
        sql += std::exchange(filtered, true) ? " AND " : " WHERE ";
        sql += clause;
        params.insert(params.end(), values);
    }
    void order_by(const std::optional<RequestSort>& sort) {
        if (!sort) {
            sql += " ORDER BY r.id LIMIT ?";
            return;
        }
        std::string_view column = "coalesce(r.submitted_at, r.created_at)";
        if (sort->key == RequestSortKey::preferred_date) column = "r.preferred_date";
        if (sort->key == RequestSortKey::school) column = "lower(s.name)";
        sql += " ORDER BY ";
        sql += column;
        sql += sort->descending ? " DESC, r.id DESC LIMIT ? OFFSET ?" : ", r.id LIMIT ? OFFSET ?";
    }
};

// The pupils of several requests at once ("IN (?, ?, …)" follows), so a page of requests
// costs two queries rather than one per request.
constexpr std::string_view kPupilsOf =
    "SELECT request_id, ref, year_group, need_route, primary_need, primary_need_source,"
    " coalesce(primary_need_recorded_on, '') FROM request_pupils WHERE request_id IN (";
constexpr std::string_view kInsert =
    "INSERT INTO outreach_requests (school_urn, kind, status, created_by, submitted_at, "
    "created_at, updated_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr std::string_view kReplace =
    "UPDATE outreach_requests SET kind = ?, consent_type = ?, consent_obtained_on = ?, "
    "consent_obtained_by = ?,"
    " expertise_level = ?, preferred_date = ?, concern = ?, tried = ?, service = ?, work_type = ?,"
    " updated_at = ? WHERE id = ?";
constexpr std::string_view kClearPupils = "DELETE FROM request_pupils WHERE request_id = ?";
constexpr std::string_view kAddPupil =
    "INSERT INTO request_pupils (request_id, position, ref, year_group, need_route, primary_need,"
    " primary_need_source, primary_need_recorded_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
constexpr std::string_view kSetStatus =
    "UPDATE outreach_requests SET status = ?, updated_at = ?,"
    " submitted_at = CASE WHEN ? = 'submitted' THEN ? ELSE submitted_at END WHERE id = ? AND "
    "status = ?";
constexpr std::string_view kEvent =
    "INSERT INTO request_events (request_id, at, user_id, user_name, action, from_status, "
    "to_status, note)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
constexpr std::string_view kTriage =
    "UPDATE outreach_requests SET accepted_level = coalesce(?, accepted_level), triage_notes = ? "
    "WHERE id = ?";
constexpr std::string_view kSetPractitioner =
    "UPDATE outreach_requests SET practitioner_id = ? WHERE id = ?";
constexpr std::string_view kCancelReason =
    "UPDATE outreach_requests SET cancel_reason = ? WHERE id = ?";
constexpr std::string_view kCancelAgreements =
    "UPDATE agreements SET status = 'cancelled'"
    " WHERE request_id = ? AND status IN ('draft', 'agreed')";
constexpr std::string_view kCancelVisits =
    "UPDATE visits SET status = 'cancelled' WHERE status = 'planned'"
    " AND agreement_id IN (SELECT id FROM agreements WHERE request_id = ?)";
constexpr std::string_view kDeleteDraft =
    "DELETE FROM outreach_requests WHERE id = ? AND status = 'draft'";
constexpr std::string_view kDeleteDraftEvents =
    "DELETE FROM request_events WHERE request_id = ? AND EXISTS"
    " (SELECT 1 FROM outreach_requests WHERE id = ? AND status = 'draft')";
constexpr std::string_view kHistory =
    "SELECT at, user_name, action, from_status, to_status, note FROM request_events WHERE "
    "request_id = ? ORDER BY id";

std::string status_code(RequestStatus s) {
    return std::string(term_of(request_status_terms(), s).code);
}

//! A request without its pupils; attach_pupils() adds them. The row's text is moved out.
RequestRecord record_from(SqlRow& r) {
    RequestRecord rec;
    rec.id = RequestId{r.integer(0)};
    rec.reference = request_reference(rec.id);
    rec.school_urn = SchoolUrn{r.integer(1)};
    rec.school_name = r.take_text(2);
    rec.status = stored_term(request_status_terms(), r.take_text(4), "outreach_requests.status");
    rec.input = {std::to_string(rec.school_urn.value),
                 r.take_text(3),
                 {},
                 r.take_text(5),
                 r.take_text(6),
                 r.take_text(7),
                 r.take_text(8),
                 r.take_text(9),
                 r.take_text(10),
                 r.take_text(11),
                 r.take_text(21),
                 r.take_text(22)};
    if (!r.is_null(12)) rec.accepted_level = parse_term(level_terms(), r.take_text(12));
    if (auto p = r.optional_integer(13)) rec.practitioner_id = PractitionerId{*p};
    rec.practitioner_name = r.take_text(14);
    rec.triage_notes = r.take_text(15);
    rec.cancel_reason = r.take_text(16);
    if (auto t = r.optional_integer(17)) rec.submitted_at = Timestamp{std::chrono::seconds{*t}};
    rec.created_at = Timestamp{std::chrono::seconds{r.integer(18)}};
    rec.agreement_id = r.optional_integer(19);
    if (!r.is_null(20)) rec.anonymised_on = parse_date(r.take_text(20));
    return rec;
}

void attach_pupils(SqlConnection& c, std::span<RequestRecord> records) {
    if (records.empty()) return;
    std::string sql(kPupilsOf);
    std::vector<SqlValue> ids;
    std::unordered_map<std::int64_t, RequestRecord*> by_id;
    for (auto& record : records) {
        sql += ids.empty() ? "?" : ", ?";
        ids.emplace_back(record.id.value);
        by_id.emplace(record.id.value, &record);
    }
    sql += ") ORDER BY request_id, position";
    for (auto& p : c.query(sql, ids))
        by_id.at(p.integer(0))
            ->input.pupils.push_back({p.take_text(1), p.take_text(2), p.take_text(3),
                                      p.take_text(4), p.take_text(5), p.take_text(6)});
}

RequestSummary summary_from(SqlRow& r) {
    RequestSummary row;
    row.id = RequestId{r.integer(0)};
    row.reference = request_reference(row.id);
    row.school_name = r.take_text(1);
    row.practitioner_name = r.take_text(2);
    row.status = stored_term(request_status_terms(), r.take_text(3), "outreach_requests.status");
    row.has_agreement = r.integer(4) != 0;
    row.level = r.take_text(5);
    row.preferred_date = r.take_text(6);
    row.pupil_count = r.integer(7);
    row.first_pupil_ref = r.take_text(8);
    return row;
}

//! Runs a search with `select`'s columns: every filter bound, one row per request from
//! `from_row`, and `then` over the page's rows inside the same read.
template <typename Row, typename FromRow, typename Then>
Page<Row> search(Database& db, const RequestFilter& f, std::string_view select, FromRow from_row,
                 Then then) {
    auto code = [](auto value, auto terms) { return std::string(term_of(terms, value).code); };
    ListQuery q{.sql = std::string(select), .params = {}, .filtered = false};
    q.where("r.id > ?", {f.sort ? 0 : f.after_id.value_or(0)});
    if (f.status) q.where("r.status = ?", {code(*f.status, request_status_terms())});
    if (f.school_urn) q.where("r.school_urn = ?", {f.school_urn->value});
    if (f.practitioner_id) q.where("r.practitioner_id = ?", {f.practitioner_id->value});
    if (f.level)
        q.where("coalesce(r.accepted_level, r.expertise_level) = ?",
                {code(*f.level, level_terms())});
    if (f.service) q.where("r.service = ?", {code(*f.service, service_terms())});
    if (f.need)
        q.where(
            "EXISTS (SELECT 1 FROM request_pupils rp WHERE rp.request_id = r.id AND "
            "rp.primary_need = ?)",
            {code(*f.need, primary_need_terms())});
    if (f.older_than_days)
        q.where("coalesce(r.submitted_at, r.created_at) <= ?",
                {db.now_seconds() - static_cast<std::int64_t>(*f.older_than_days) * 86400});
    if (!f.include_drafts) q.where("r.status <> 'draft'");
    if (!trim(f.search).empty()) {
        std::string pattern = contains_pattern(f.search);
        auto reference = parse_request_reference(f.search);
        q.where(
            "(lower(s.name) LIKE ? ESCAPE '\\' OR lower(coalesce(p.name, '')) LIKE ? ESCAPE "
            "'\\' OR r.id = ?)",
            {pattern, pattern, reference ? SqlValue{reference->value} : SqlValue{nullptr}});
    }
    q.order_by(f.sort);
    q.params.emplace_back(std::int64_t{f.limit} + 1);
    if (f.sort) q.params.emplace_back(std::int64_t{f.offset});
    auto rows = db.read([&](SqlConnection& c) {
        std::vector<Row> out;
        for (auto& r : c.query(q.sql, q.params)) out.push_back(from_row(r));
        then(c, out);
        return out;
    });
    if (f.sort) {
        const std::int64_t next = f.offset + f.limit;
        return make_page(std::move(rows), f.limit,
                         [next](const Row&) { return "o" + std::to_string(next); });
    }
    return make_page(std::move(rows), f.limit,
                     [](const Row& r) { return std::to_string(r.id.value); });
}

// What the audit log keeps of a new request: its shape and which answers were given, never
// what the school wrote about the children.
nlohmann::json audit_detail(const RequestInput& in, RequestStatus status) {
    return {{"status", status_code(status)},
            {"kind", in.kind},
            {"service", in.service.empty() ? "outreach" : in.service},
            {"work_type", in.work_type},
            {"pupils", in.pupils.size()},
            {"fields", fields_given({{"consent_type", in.consent_type},
                                     {"consent_obtained_on", in.consent_obtained_on},
                                     {"consent_obtained_by", in.consent_obtained_by},
                                     {"expertise_level", in.expertise_level},
                                     {"preferred_date", in.preferred_date},
                                     {"concern", in.concern},
                                     {"tried", in.tried}})}};
}

}  // namespace

void RequestStore::replace_input(SqlConnection& c, RequestId id, const RequestDraft& request) {
    const RequestInput& in = request.answers;
    const std::string service = in.service.empty() ? "outreach" : in.service;
    c.execute_with(kReplace, in.kind, in.consent_type, in.consent_obtained_on,
                   in.consent_obtained_by, in.expertise_level, in.preferred_date, in.concern,
                   in.tried, service,
                   in.work_type.empty() ? std::nullopt : std::optional<std::string>(in.work_type),
                   c.now_seconds(), id.value);
    c.execute_with(kClearPupils, id.value);
    int position = 0;
    for (const auto& p : in.pupils)
        c.execute_with(kAddPupil, id.value, position++, p.ref, p.year_group, p.need_route,
                       p.primary_need, p.primary_need_source,
                       p.primary_need_recorded_on.empty()
                           ? std::nullopt
                           : std::optional<std::string>(p.primary_need_recorded_on));
}

void RequestStore::record_event(SqlConnection& c, RequestId id, const Acting& who,
                                std::string_view action, std::string_view from, std::string_view to,
                                std::string_view note) {
    std::optional<std::int64_t> user;
    if (who.user_id) user = who.user_id->value;
    c.execute_with(kEvent, id.value, c.now_seconds(), user, who.name, action, from, to, note);
}

Result<RequestRecord> RequestStore::create(const RequestDraft& request, RequestStatus status,
                                           const Acting& who, const ChangeFn& then) {
    return db_.write([&](SqlConnection& c) -> Result<RequestRecord> {
        const std::int64_t urn = request.school_urn.value;
        if (!c.query_one(kSchoolExists, urn))
            return std::unexpected(
                Error::invalid("school_urn", "unknown", "There is no school with this URN"));
        auto t = c.now_seconds();
        std::optional<std::int64_t> creator;
        if (who.user_id) creator = who.user_id->value;
        std::optional<std::int64_t> submitted;
        if (status == RequestStatus::submitted) submitted = t;
        auto row = c.query_one(kInsert, urn, request.answers.kind, status_code(status), creator,
                               submitted, t, t);
        RequestId id{row->integer(0)};
        replace_input(c, id, request);
        record_event(c, id, who, status == RequestStatus::draft ? "saved as draft" : "submitted",
                     "", status_code(status), "");
        append_audit(c, who, "create", "request", std::to_string(id.value),
                     audit_detail(request.answers, status));
        auto created = *find(c, id);
        if (then) SENDHUB_TRY(then(c, created));
        return created;
    });
}

bool RequestStore::delete_draft(SqlConnection& c, RequestId id) {
    c.execute_with(kDeleteDraftEvents, id.value, id.value);
    c.execute_with(kClearPupils, id.value);
    return c.execute_with(kDeleteDraft, id.value) == 1;
}

std::optional<RequestRecord> RequestStore::find(SqlConnection& c, RequestId id) {
    auto row = c.query_one(kFind, id.value);
    if (!row) return std::nullopt;
    auto record = record_from(*row);
    attach_pupils(c, {&record, 1});
    return record;
}

std::optional<RequestRecord> RequestStore::find(RequestId id) {
    return db_.read([&](SqlConnection& c) { return find(c, id); });
}

Page<RequestRecord> RequestStore::list(const RequestFilter& f) {
    return search<RequestRecord>(
        db_, f, kSelect, record_from,
        [](SqlConnection& c, std::vector<RequestRecord>& records) { attach_pupils(c, records); });
}

Page<RequestSummary> RequestStore::list_summaries(const RequestFilter& f) {
    return search<RequestSummary>(db_, f, kSelectSummary, summary_from,
                                  [](SqlConnection&, std::vector<RequestSummary>&) {});
}

RequestSummary summary_of(const RequestRecord& r) {
    const auto& pupils = r.input.pupils;
    return {.id = r.id,
            .reference = r.reference,
            .school_name = r.school_name,
            .practitioner_name = r.practitioner_name,
            .status = r.status,
            .has_agreement = r.agreement_id.has_value(),
            .level = r.accepted_level ? std::string(term_of(level_terms(), *r.accepted_level).code)
                                      : r.input.expertise_level,
            .preferred_date = r.input.preferred_date,
            .pupil_count = static_cast<std::int64_t>(pupils.size()),
            .first_pupil_ref = pupils.empty() ? std::string() : pupils.front().ref};
}

std::vector<RequestEvent> RequestStore::history(RequestId id) {
    return db_.read([&](SqlConnection& c) {
        std::vector<RequestEvent> events;
        for (const auto& r : c.query_with(kHistory, id.value))
            events.push_back({Timestamp{std::chrono::seconds{r.integer(0)}}, r.text(1), r.text(2),
                              r.text(3), r.text(4), r.text(5)});
        return events;
    });
}

Result<RequestStatus> RequestStore::move(SqlConnection& c, const RequestRecord& current,
                                         RequestAction action, const Acting& who,
                                         std::string_view note, std::string_view event) {
    SENDHUB_ASSIGN_OR_RETURN(RequestStatus next, next_status(current.status, action));
    auto t = c.now_seconds();
    std::string from = status_code(current.status);
    std::string to = status_code(next);
    // The WHERE on the old status makes a concurrent change lose cleanly (409), on any engine.
    if (c.execute_with(kSetStatus, to, t, to, t, current.id.value, from) != 1)
        return std::unexpected(
            Error::conflict("changed", "Someone else changed this request first. Reload it."));
    static constexpr std::string_view kActionNames[] = {
        "submitted",   "accepted", "declined", "asked for more information",
        "resubmitted", "assigned", "agreed",   "completed",
        "cancelled"};
    std::string_view action_name = kActionNames[static_cast<int>(action)];
    record_event(c, current.id, who, event.empty() ? action_name : event, from, to, note);
    append_audit(c, who, std::string(action_name), "request", std::to_string(current.id.value),
                 {{"from", from}, {"to", to}, {"fields", fields_given({{"note", note}})}});
    return next;
}

Result<RequestRecord> RequestStore::transition(RequestId id, RequestAction action,
                                               const Acting& who, std::string_view note,
                                               const ChangeFn& change) {
    return db_.write([&](SqlConnection& c) -> Result<RequestRecord> {
        auto current = find(c, id);
        if (!current) return std::unexpected(Error::not_found("No such request."));
        SENDHUB_TRY(next_status(current->status, action));  // refuse before changing anything
        if (change) SENDHUB_TRY(change(c, *current));
        SENDHUB_TRY(move(c, *current, action, who, note));
        return *find(c, id);
    });
}

void RequestStore::record_triage(SqlConnection& c, RequestId id,
                                 std::optional<Grade> accepted_level, std::string_view notes) {
    std::optional<std::string> level_code;
    if (accepted_level) level_code = std::string(term_of(level_terms(), *accepted_level).code);
    c.execute_with(kTriage, level_code, notes, id.value);
}

void RequestStore::set_practitioner(SqlConnection& c, RequestId id, PractitionerId practitioner) {
    c.execute_with(kSetPractitioner, practitioner.value, id.value);
}

void RequestStore::record_cancellation(SqlConnection& c, RequestId id, std::string_view reason) {
    c.execute_with(kCancelReason, reason, id.value);
    c.execute_with(kCancelAgreements, id.value);
    c.execute_with(kCancelVisits, id.value);
}

}  // namespace sendhub
