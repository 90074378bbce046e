#pragma once
// Two-step sign-in with an authenticator app: setting it up, checking a code at sign-in,
// recovery codes, an administrator's reset and the roles that must use it.
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/policy.hpp"
#include "core/user.hpp"
#include "service/services.hpp"

namespace sendhub {

struct MfaSetup {
    std::string secret;       // base32, shown to the user until the first code is right
    std::string otpauth_uri;  // what the QR code holds
};

struct MfaStatus {
    bool enabled = false;
    int recovery_codes_left = 0;
};

//! Checks the password (counted like a sign-in) and keeps a new secret waiting for its first
//! code. 422 `password` when wrong; 409 when two-step sign-in is on already.
[[nodiscard]] Result<MfaSetup> start_mfa_setup(Services& s, const Actor& actor,
                                               std::string_view password);
//! The secret waiting for its first code (to show the QR code again after a wrong code).
[[nodiscard]] Result<MfaSetup> pending_mfa_setup(Services& s, const Actor& actor);
//! Turns two-step sign-in on when `code` is right and returns ten single-use recovery codes,
//! shown this once. 422 `code` when wrong.
[[nodiscard]] Result<std::vector<std::string>> confirm_mfa_setup(Services& s, const Actor& actor,
                                                                 std::string_view code,
                                                                 const Acting& who);
[[nodiscard]] MfaStatus mfa_status(Services& s, const Actor& actor);
//! True when `code` is the user's current code (never one already used) or an unused
//! recovery code, which is then spent.
[[nodiscard]] bool check_second_step(Services& s, UserId user, std::string_view code);
[[nodiscard]] bool mfa_enabled(Services& s, UserId user);

//! An administrator turns it off for someone who lost their phone (audited `mfa_reset`).
[[nodiscard]] Result<User> reset_user_mfa(Services& s, const Actor& actor, UserId id,
                                          const Acting& who);
[[nodiscard]] Result<std::vector<Role>> mfa_required_roles(Services& s, const Actor& actor);
[[nodiscard]] Result<std::vector<Role>> set_mfa_required_roles(
    Services& s, const Actor& actor, const std::vector<std::string>& role_codes, const Acting& who);

}  // namespace sendhub
