#include "service/inbox_service.hpp"

namespace sendhub {

std::vector<InboxMessage> inbox(Services& s, const Actor& actor, bool unread_only) {
    return s.inbox.list(actor.user_id, unread_only, kInboxPageSize);
}

Result<void> mark_read(Services& s, const Actor& actor, NotificationId id) {
    if (!s.inbox.mark_read(actor.user_id, id))
        return std::unexpected(Error::not_found("No such message."));
    return {};
}

Result<std::string> open_message(Services& s, const Actor& actor, NotificationId id) {
    auto message = s.inbox.find(actor.user_id, id);
    if (!message || !s.inbox.mark_read(actor.user_id, message->id))
        return std::unexpected(Error::not_found("No such message."));
    return local_link_or(message->link, "/inbox");
}

std::int64_t unread_count(Services& s, const Actor& actor) {
    return s.inbox.unread_count(actor.user_id);
}

}  // namespace sendhub
