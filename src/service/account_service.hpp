#pragma once
// Signing in and out, and people's accounts: the operations behind both the pages and /api/v1.
#include <string>

#include "core/error.hpp"
#include "core/policy.hpp"
#include "core/user.hpp"
#include "service/services.hpp"
#include "store/audit_store.hpp"

namespace sendhub {

struct SignedIn {
    User user;
    NewSession session;
    //! The password was right but the code step is still to come: `session` is a pending one
    //! that signs nobody in (pages only).
    bool waiting_for_code = false;
};

//! How a sign-in with two-step sign-in on gets its code.
struct SecondStep {
    std::optional<std::string_view> code;  // the API sends it with the password
    bool wait_for_code = false;            // pages ask for it on a page of its own
};

//! Checks the password (throttled per client address and per email), then the second step when
//! the user has it on, and opens a fresh session (rotated at sign-in). Without a code: 401
//! `mfa_required` (not a failure), or a pending session when `wait_for_code`. A wrong code:
//! 401 `mfa_invalid`, counted as a failed attempt.
[[nodiscard]] Result<SignedIn> sign_in(Services& s, std::string_view email,
                                       std::string_view password, std::string_view client_address,
                                       const Acting& who, SecondStep second = {});
//! The code step of a page sign-in: the pending session's user and their code; on success
//! the pending session is replaced by a fresh signed-in one.
[[nodiscard]] Result<SignedIn> complete_sign_in(Services& s, std::string_view pending_token,
                                                std::string_view code, const Acting& who);
//! For the health check: throws unless the database answers.
void check_database(Services& s);
void sign_out(Services& s, std::string_view token, const Actor& actor, const Acting& who);

//! People with accounts, a page at a time (administrators).
[[nodiscard]] Result<Page<User>> list_users(Services& s, const Actor& actor,
                                            const UserFilter& filter);
//! One account: an administrator may see anyone's, everyone their own.
[[nodiscard]] Result<User> get_user(Services& s, const Actor& actor, UserId id);
[[nodiscard]] Result<User> create_user(Services& s, const UserInput& input, const Acting& who);
[[nodiscard]] Result<User> change_user_role(Services& s, const Actor& actor, UserId id,
                                            std::string_view role, std::string_view school_urn,
                                            std::string_view practitioner_id, const Acting& who);
[[nodiscard]] Result<User> set_user_active(Services& s, const Actor& actor, UserId id, bool active,
                                           const Acting& who);
struct PasswordChange {
    std::string_view current;
    std::string_view replacement;
    std::string_view confirmation;
};
//! Checks the current password (counted like a sign-in), sets the new one and ends every
//! other session of the user; the session with `session_token` stays signed in.
[[nodiscard]] Result<void> change_own_password(Services& s, const Actor& actor,
                                               std::string_view session_token,
                                               const PasswordChange& change, const Acting& who);

//! Emails a one-time link (valid for an hour) to an active user with this email. Says the
//! same whether or not the email has an account; throttled per email and per address.
[[nodiscard]] Result<void> request_password_reset(Services& s, std::string_view email,
                                                  std::string_view client_address);
//! An administrator emails user `id` a one-time link to set a new password (for someone who
//! cannot use the sign-in page's own link); their current password keeps working until then.
[[nodiscard]] Result<void> send_password_reset(Services& s, const Actor& actor, UserId id,
                                               const Acting& who);
//! Sets a new password with the emailed link's token (410 once used or expired; 422 field
//! `password` when too short) and ends every session of the user.
[[nodiscard]] Result<void> reset_password(Services& s, std::string_view token,
                                          std::string_view password, const Acting& who);

}  // namespace sendhub
