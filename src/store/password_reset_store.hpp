#pragma once
// One-time password reset tokens, kept as hashes, and the change they allow.
#include <chrono>
#include <functional>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "core/ids.hpp"
#include "store/audit_store.hpp"
#include "store/database.hpp"

namespace sendhub {

class PasswordResetStore {
  public:
    static constexpr std::chrono::seconds kValidFor{std::chrono::hours{1}};

    explicit PasswordResetStore(Database& db) : db_(db) {}

    //! For an active user with this email: records the token's hash and queues the email
    //! `email_body(token)` says, in one transaction. Nothing happens for any other email,
    //! and the caller cannot tell which (the answer is the same either way).
    void issue(std::string_view email, const std::string& token,
               const std::function<std::string(const std::string&)>& email_body);
    //! An administrator sends user `id` a link: as issue(), but 404 for no such user and 409
    //! `inactive` for a deactivated one, and audited as the administrator's action.
    [[nodiscard]] Result<void> issue_for(
        UserId id, const std::string& token,
        const std::function<std::string(const std::string&)>& email_body, const Acting& who);
    //! Uses the token once: sets the password hash, ends every session of the user and
    //! audits it. 410 when the token is unknown, used or older than an hour.
    [[nodiscard]] Result<void> redeem(std::string_view token, const std::string& password_hash,
                                      const Acting& who);

  private:
    Database& db_;
};

}  // namespace sendhub
