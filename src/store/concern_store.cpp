#include "store/concern_store.hpp"

#include "core/outreach.hpp"
#include "store/outbox_store.hpp"
#include "store/stored_value.hpp"

namespace sendhub {
namespace {

constexpr std::string_view kDsl = "SELECT name, email FROM school_dsl WHERE school_urn = ?";
constexpr std::string_view kSetDsl =
    "INSERT INTO school_dsl (school_urn, name, email, updated_at) VALUES (?, ?, ?, ?)"
    " ON CONFLICT (school_urn) DO UPDATE SET name = excluded.name, email = excluded.email,"
    " updated_at = excluded.updated_at";
constexpr std::string_view kColumns =
    "SELECT c.id, c.visit_id, a.request_id, r.school_urn, s.name, v.date, c.status,"
    " c.summary, c.dsl_told_in_person, c.dsl_name, c.raised_by, c.raised_by_name, c.raised_at,"
    " c.acknowledged_by, c.acknowledged_by_name, c.acknowledged_at"
    " FROM safeguarding_concerns c JOIN visits v ON v.id = c.visit_id"
    " JOIN agreements a ON a.id = v.agreement_id JOIN outreach_requests r ON r.id = a.request_id"
    " JOIN schools s ON s.urn = r.school_urn";
const std::string kFind = std::string(kColumns) + " WHERE c.id = ?";
const std::string kList = std::string(kColumns) +
                          " WHERE (? IS NULL OR c.status = ?) AND (? IS NULL OR r.school_urn = ?)"
                          " ORDER BY c.id DESC LIMIT 500";
constexpr std::string_view kInsert =
    "INSERT INTO safeguarding_concerns (visit_id, summary, dsl_told_in_person, dsl_name, status,"
    " raised_by, raised_by_name, raised_at) VALUES (?, ?, ?, ?, 'raised', ?, ?, ?) RETURNING id";
constexpr std::string_view kAcknowledge =
    "UPDATE safeguarding_concerns SET status = 'acknowledged', acknowledged_by = ?,"
    " acknowledged_by_name = ?, acknowledged_at = ? WHERE id = ? AND status = 'raised'";
constexpr std::string_view kSchoolOfVisit =
    "SELECT r.school_urn FROM visits v JOIN agreements a ON a.id = v.agreement_id"
    " JOIN outreach_requests r ON r.id = a.request_id WHERE v.id = ?";

ConcernRecord concern_from(const SqlRow& r) {
    ConcernRecord c;
    c.id = ConcernId{r.integer(0)};
    c.visit_id = r.integer(1);
    c.request_id = r.integer(2);
    c.request_reference = request_reference(RequestId{c.request_id});
    c.school_urn = SchoolUrn{r.integer(3)};
    c.school_name = r.text(4);
    c.visit_date = stored_date(r.text(5), "visits.date");
    c.status = stored_term(concern_status_terms(), r.text(6), "safeguarding_concerns.status");
    c.details = {r.text(7), r.integer(8) != 0, r.text(9)};
    c.raised_by = UserId{r.integer(10)};
    c.raised_by_name = r.text(11);
    c.raised_at = Timestamp{std::chrono::seconds{r.integer(12)}};
    if (auto by = r.optional_integer(13)) c.acknowledged_by = UserId{*by};
    c.acknowledged_by_name = r.text(14);
    if (auto at = r.optional_integer(15)) c.acknowledged_at = Timestamp{std::chrono::seconds{*at}};
    return c;
}

std::optional<ConcernRecord> find_in(SqlConnection& c, ConcernId id) {
    auto row = c.query_one(kFind, id.value);
    if (!row) return std::nullopt;
    return concern_from(*row);
}

}  // namespace

std::optional<Dsl> ConcernStore::dsl(SchoolUrn school) {
    return db_.read([&](SqlConnection& c) -> std::optional<Dsl> {
        auto row = c.query_one(kDsl, school.value);
        if (!row) return std::nullopt;
        return Dsl{row->text(0), row->text(1)};
    });
}

void ConcernStore::set_dsl(SchoolUrn school, const Dsl& dsl, const Acting& who) {
    db_.write([&](SqlConnection& c) {
        c.execute_with(kSetDsl, school.value, dsl.name, dsl.email, c.now_seconds());
        append_audit(c, who, "set_dsl", "school", std::to_string(school.value));
    });
}

ConcernRecord ConcernStore::raise(std::int64_t visit_id, const ConcernDetails& details,
                                  const std::function<ConcernEmail(ConcernId)>& email,
                                  const Acting& who) {
    return db_.write([&](SqlConnection& c) {
        auto row =
            c.query_one(kInsert, visit_id, details.summary, details.dsl_told_in_person ? 1 : 0,
                        details.dsl_name, who.user_value(), who.name, c.now_seconds());
        ConcernId id{row->integer(0)};
        const SchoolUrn school{c.query_one(kSchoolOfVisit, visit_id)->integer(0)};
        const ConcernEmail m = email(id);
        const std::string link = "/concerns/" + std::to_string(id.value);
        const Message message{"concern_raised", m.subject, m.body, link};
        if (auto dsl = c.query_one(kDsl, school.value)) {
            notify_address(c, dsl->text(1), message);
        } else {
            notify_role(c, Role::headteacher, school, message);
            notify_role(c, Role::senco, school, message);
        }
        // Which visit, never what was seen.
        append_audit(c, who, "raise", "concern", std::to_string(id.value),
                     {{"visit_id", visit_id}, {"dsl_told_in_person", details.dsl_told_in_person}});
        return *find_in(c, id);
    });
}

std::optional<ConcernRecord> ConcernStore::find(ConcernId id) {
    return db_.read([&](SqlConnection& c) { return find_in(c, id); });
}

std::vector<ConcernRecord> ConcernStore::list(std::optional<ConcernStatus> status,
                                              std::optional<SchoolUrn> school) {
    std::optional<std::string> code;
    if (status) code = std::string(term_of(concern_status_terms(), *status).code);
    std::optional<std::int64_t> urn;
    if (school) urn = school->value;
    auto rows =
        db_.read([&](SqlConnection& c) { return c.query_with(kList, code, code, urn, urn); });
    std::vector<ConcernRecord> out;
    out.reserve(rows.size());
    for (const auto& r : rows) out.push_back(concern_from(r));
    return out;
}

ConcernRecord ConcernStore::acknowledge(ConcernId id, const Acting& who) {
    return db_.write([&](SqlConnection& c) {
        c.execute_with(kAcknowledge, who.user_value(), who.name, c.now_seconds(), id.value);
        append_audit(c, who, "acknowledge", "concern", std::to_string(id.value));
        return *find_in(c, id);
    });
}

}  // namespace sendhub
