#include "store/password_reset_store.hpp"

#include "security/digest.hpp"
#include "store/outbox_store.hpp"

namespace sendhub {
namespace {

constexpr std::string_view kActiveUser =
    "SELECT id, email FROM users WHERE email = ? AND active = 1";
constexpr std::string_view kUserById = "SELECT id, email, active FROM users WHERE id = ?";
constexpr std::string_view kInsert =
    "INSERT INTO password_resets (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)";
constexpr std::string_view kUse =
    "UPDATE password_resets SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND "
    "expires_at > ? RETURNING user_id";
constexpr std::string_view kSetPassword =
    "UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ? AND active = 1";
constexpr std::string_view kEndSessions = "DELETE FROM sessions WHERE user_id = ?";
constexpr std::string_view kForgetOthers =
    "UPDATE password_resets SET used_at = ? WHERE user_id = ? AND used_at IS NULL";

}  // namespace

void PasswordResetStore::issue(std::string_view email, const std::string& token,
                               const std::function<std::string(const std::string&)>& email_body) {
    db_.write([&](SqlConnection& c) {
        auto user = c.query_one(kActiveUser, email);
        if (!user) return;
        auto now = c.now_seconds();
        c.execute_with(kInsert, sha256_hex(token), user->integer(0), now, now + kValidFor.count());
        const std::string body = email_body(token);
        notify_user(c, *user, {"password_reset", "Reset your sendhub password", body, "/login"});
    });
}

Result<void> PasswordResetStore::issue_for(
    UserId id, const std::string& token,
    const std::function<std::string(const std::string&)>& email_body, const Acting& who) {
    return db_.write([&](SqlConnection& c) -> Result<void> {
        auto user = c.query_one(kUserById, id.value);
        if (!user) return std::unexpected(Error::not_found("No such user."));
        if (user->integer(2) != 1)
            return std::unexpected(
                Error::conflict("inactive", "This account is deactivated. Reactivate it first."));
        auto now = c.now_seconds();
        c.execute_with(kInsert, sha256_hex(token), id.value, now, now + kValidFor.count());
        notify_user(c, *user,
                    {"password_reset", "Set a new sendhub password", email_body(token), "/login"});
        append_audit(c, who, "send_password_reset", "user", std::to_string(id.value));
        return {};
    });
}

Result<void> PasswordResetStore::redeem(std::string_view token, const std::string& password_hash,
                                        const Acting& who) {
    return db_.write([&](SqlConnection& c) -> Result<void> {
        auto now = c.now_seconds();
        auto used = c.query_one(kUse, now, sha256_hex(token), now);
        auto gone = Error{.kind = ErrorKind::gone,
                          .code = "link_expired",
                          .message =
                              "This link has expired or has been used. Ask for a new "
                              "one: links work once, for an hour."};
        if (!used) return std::unexpected(gone);
        const std::int64_t user = used->integer(0);
        if (c.execute_with(kSetPassword, password_hash, now, user) == 0)
            return std::unexpected(gone);  // deactivated since the email was sent
        // Whoever had the old password may be signed in somewhere: every session ends.
        c.execute_with(kEndSessions, user);
        c.execute_with(kForgetOthers, now, user);
        Acting as_user = who;
        as_user.user_id = UserId{user};
        append_audit(c, as_user, "reset_password", "user", std::to_string(user));
        return {};
    });
}

}  // namespace sendhub
