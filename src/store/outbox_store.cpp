#include "store/outbox_store.hpp"

#include <algorithm>

#include "core/dates.hpp"

namespace sendhub {
namespace {
constexpr std::string_view kInsert =
    "INSERT INTO notifications (kind, recipient, user_id, subject, body, link, created_at, "
    "next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
constexpr std::string_view kRoleEmails =
    "SELECT id, email FROM users WHERE role = ? AND active = 1 AND (? IS NULL OR school_urn = ?) "
    "ORDER BY id";
constexpr std::string_view kPractitionerEmails =
    "SELECT id, email FROM users WHERE role = 'practitioner' AND active = 1 AND practitioner_id = "
    "?";
// A claim is a lease (claimed_until), so a worker that dies mid-send only delays that email.
std::string claim_due_sql(std::string_view row_lock) {
    return "UPDATE notifications SET claimed_until = ? WHERE id IN (SELECT id FROM notifications"
           " WHERE sent_at IS NULL AND next_attempt_at <= ? AND claimed_until <= ? ORDER BY id "
           "LIMIT ?" +
           std::string(row_lock) + ") RETURNING id, kind, recipient, subject, body, attempts";
}
const std::string kClaimDue = claim_due_sql("");
// Workers on several instances skip rows another is claiming instead of queueing behind it.
const std::string kClaimDueSkipLocked = claim_due_sql(" FOR UPDATE SKIP LOCKED");
constexpr std::string_view kSent =
    "UPDATE notifications SET sent_at = ?, claimed_until = 0 WHERE id = ?";
constexpr std::string_view kFailed =
    "UPDATE notifications SET attempts = ?, next_attempt_at = ?, last_error = ?, claimed_until = 0 "
    "WHERE id = ?";
constexpr std::string_view kPending = "SELECT count(*) FROM notifications WHERE sent_at IS NULL";

//! One row per recipient (id, email): their email and their inbox message.
void insert(SqlConnection& c, const SqlRow& recipient, const Message& m) {
    auto t = c.now_seconds();
    c.execute_with(kInsert, m.kind, recipient.text(1), recipient.integer(0), m.subject, m.body,
                   m.link, t, t);
}
}  // namespace

void notify_user(SqlConnection& c, const SqlRow& recipient, const Message& message) {
    insert(c, recipient, message);
}

void notify_address(SqlConnection& c, std::string_view email, const Message& m) {
    auto t = c.now_seconds();
    c.execute_with(kInsert, m.kind, email, nullptr, m.subject, m.body, m.link, t, t);
}

void notify_role(SqlConnection& c, Role role, std::optional<SchoolUrn> school,
                 const Message& message) {
    std::optional<std::int64_t> urn;
    if (school) urn = school->value;
    for (const auto& row : c.query_with(kRoleEmails, role_code(role), urn, urn))
        insert(c, row, message);
}

void notify_practitioner(SqlConnection& c, PractitionerId practitioner, const Message& message) {
    for (const auto& row : c.query_with(kPractitionerEmails, practitioner.value))
        insert(c, row, message);
}

std::vector<Notification> OutboxStore::claim_due(int limit, int lease_seconds) {
    auto t = db_.now_seconds();
    const std::string& sql = db_.engine() == "postgresql" ? kClaimDueSkipLocked : kClaimDue;
    auto claimed = db_.write([&](SqlConnection& c) {
        std::vector<Notification> rows;
        for (const auto& r : c.query_with(sql, t + lease_seconds, t, t, limit))
            rows.push_back({NotificationId{r.integer(0)}, r.text(1), r.text(2), r.text(3),
                            r.text(4), static_cast<int>(r.integer(5))});
        return rows;
    });
    std::ranges::sort(claimed, {},
                      &Notification::id);  // RETURNING promises no order; send oldest first
    return claimed;
}

void OutboxStore::mark_sent(NotificationId id) {
    db_.write([&](SqlConnection& c) { c.execute_with(kSent, c.now_seconds(), id.value); });
}

void OutboxStore::mark_failed(NotificationId id, int attempts, std::string_view error) {
    std::int64_t delay =
        std::min<std::int64_t>(60LL << std::min(attempts, 10), std::int64_t{6} * 3600);
    db_.write([&](SqlConnection& c) {
        c.execute_with(kFailed, attempts, c.now_seconds() + delay, error, id.value);
    });
}

std::int64_t OutboxStore::pending_count() {
    return db_.read([&](SqlConnection& c) { return c.query_with(kPending).front().integer(0); });
}

}  // namespace sendhub
