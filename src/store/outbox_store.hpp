#pragma once
// The notification outbox: rows written with the change they report, sent later.
#include <optional>
#include <string>
#include <vector>

#include "core/ids.hpp"
#include "core/page_links.hpp"
#include "core/role.hpp"
#include "store/database.hpp"

namespace sendhub {

using NotificationId = StrongId<struct NotificationIdTag>;

struct Notification {
    NotificationId id;
    std::string kind;
    std::string recipient;
    std::string subject;
    std::string body;
    int attempts = 0;
};

//! What a notification says and the page it is about ("/requests/12"): emailed, and kept in
//! the recipient's inbox on sendhub.
struct Message {
    std::string_view kind;
    std::string_view subject;
    std::string_view body;
    std::string_view link;
};
//! Queues one email per active user of the role (and of the school, for SENCOs).
void notify_role(SqlConnection& c, Role role, std::optional<SchoolUrn> school,
                 const Message& message);
void notify_practitioner(SqlConnection& c, PractitionerId practitioner, const Message& message);
//! Queues one email to the user of `recipient`, a row of (id, email).
void notify_user(SqlConnection& c, const SqlRow& recipient, const Message& message);
//! Queues one email to someone without an account (an enquirer, a person registering).
void notify_address(SqlConnection& c, std::string_view email, const Message& message);

class OutboxStore {
  public:
    explicit OutboxStore(Database& db) : db_(db) {}

    //! Claims up to `limit` due notifications for `lease_seconds` (another worker skips them).
    [[nodiscard]] std::vector<Notification> claim_due(int limit, int lease_seconds);
    void mark_sent(NotificationId id);
    //! Records a failure and schedules the next try with exponential backoff (1 min … 6 h).
    void mark_failed(NotificationId id, int attempts, std::string_view error);
    [[nodiscard]] std::int64_t pending_count();

  private:
    Database& db_;
};

}  // namespace sendhub
