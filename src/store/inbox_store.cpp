#include "store/inbox_store.hpp"

namespace sendhub {
namespace {

// Both read the same columns, in message_from's order.
constexpr std::string_view kList =
    "SELECT id, created_at, subject, body, link, CASE WHEN read_at IS NULL THEN 0 ELSE 1 END"
    " FROM notifications WHERE user_id = ? AND (? = 0 OR read_at IS NULL) ORDER BY id DESC LIMIT ?";
constexpr std::string_view kFind =
    "SELECT id, created_at, subject, body, link, CASE WHEN read_at IS NULL THEN 0 ELSE 1 END"
    " FROM notifications WHERE user_id = ? AND id = ?";

InboxMessage message_from(const SqlRow& r) {
    return {NotificationId{r.integer(0)},
            Timestamp{std::chrono::seconds{r.integer(1)}},
            r.text(2),
            r.text(3),
            r.text(4),
            r.integer(5) != 0};
}
// Reading again keeps the first time it was read.
constexpr std::string_view kMarkRead =
    "UPDATE notifications SET read_at = coalesce(read_at, ?) WHERE id = ? AND user_id = ?"
    " RETURNING id";
constexpr std::string_view kUnread =
    "SELECT count(*) FROM notifications WHERE user_id = ? AND read_at IS NULL";

}  // namespace

std::vector<InboxMessage> InboxStore::list(UserId user, bool unread_only, int limit) {
    return db_.read([&](SqlConnection& c) {
        std::vector<InboxMessage> out;
        for (const auto& r : c.query_with(kList, user.value, unread_only ? 1 : 0, limit))
            out.push_back(message_from(r));
        return out;
    });
}

std::optional<InboxMessage> InboxStore::find(UserId user, NotificationId id) {
    return db_.read([&](SqlConnection& c) -> std::optional<InboxMessage> {
        auto row = c.query_one(kFind, user.value, id.value);
        return row ? std::optional(message_from(*row)) : std::nullopt;
    });
}

bool InboxStore::mark_read(UserId user, NotificationId id) {
    return db_.write([&](SqlConnection& c) {
        return !c.query_with(kMarkRead, c.now_seconds(), id.value, user.value).empty();
    });
}

std::int64_t InboxStore::unread_count(UserId user) {
    return db_.read(
        [&](SqlConnection& c) { return c.query_with(kUnread, user.value).front().integer(0); });
}

}  // namespace sendhub
