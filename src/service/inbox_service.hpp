#pragma once
// Each signed-in person's inbox: every email sendhub sends them, to read on sendhub too.
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/policy.hpp"
#include "service/services.hpp"
#include "store/inbox_store.hpp"

namespace sendhub {

inline constexpr int kInboxPageSize = 100;

//! The actor's own messages, newest first (the latest 100).
[[nodiscard]] std::vector<InboxMessage> inbox(Services& s, const Actor& actor, bool unread_only);
//! Marks one of the actor's messages read; another person's id is 404.
[[nodiscard]] Result<void> mark_read(Services& s, const Actor& actor, NotificationId id);
//! The link of one of the actor's messages, marking it read (404 when not theirs).
[[nodiscard]] Result<std::string> open_message(Services& s, const Actor& actor, NotificationId id);
[[nodiscard]] std::int64_t unread_count(Services& s, const Actor& actor);

}  // namespace sendhub
