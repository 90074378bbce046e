#pragma once
// A user's inbox: the notifications emailed to them, kept to read on sendhub too.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/dates.hpp"
#include "core/ids.hpp"
#include "store/database.hpp"
#include "store/outbox_store.hpp"

namespace sendhub {

struct InboxMessage {
    NotificationId id;
    Timestamp created_at;
    std::string subject;
    std::string body;
    std::string link;  // the page it is about ("/requests/12"), or empty
    bool read = false;
};

class InboxStore {
  public:
    explicit InboxStore(Database& db) : db_(db) {}

    //! Newest first; only unread ones when asked.
    [[nodiscard]] std::vector<InboxMessage> list(UserId user, bool unread_only, int limit);
    [[nodiscard]] std::optional<InboxMessage> find(UserId user, NotificationId id);
    //! False when the message is not this user's (or does not exist).
    [[nodiscard]] bool mark_read(UserId user, NotificationId id);
    [[nodiscard]] std::int64_t unread_count(UserId user);

  private:
    Database& db_;
};

}  // namespace sendhub
