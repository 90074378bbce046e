#include "store/mfa_store.hpp"

#include "core/totp.hpp"
#include "store/audit_store.hpp"

namespace sendhub {
namespace {
constexpr std::string_view kFind =
    "SELECT m.enabled, m.secret, m.last_step,"
    " (SELECT count(*) FROM mfa_recovery_codes r WHERE r.user_id = m.user_id AND r.used_at IS "
    "NULL)"
    " FROM user_mfa m WHERE m.user_id = ?";
constexpr std::string_view kEnabled = "SELECT enabled FROM user_mfa WHERE user_id = ?";
constexpr std::string_view kForgetCodes = "DELETE FROM mfa_recovery_codes WHERE user_id = ?";
constexpr std::string_view kForget = "DELETE FROM user_mfa WHERE user_id = ?";
constexpr std::string_view kBegin =
    "INSERT INTO user_mfa (user_id, secret, enabled, last_step, created_at) VALUES (?, ?, 0, 0, ?)";
constexpr std::string_view kEnable =
    "UPDATE user_mfa SET enabled = 1, last_step = ? WHERE user_id = ? AND enabled = 0";
constexpr std::string_view kAddCode =
    "INSERT INTO mfa_recovery_codes (user_id, code_hash) VALUES (?, ?)";
constexpr std::string_view kAccept =
    "UPDATE user_mfa SET last_step = ? WHERE user_id = ? AND enabled = 1 AND last_step < ?";
constexpr std::string_view kSpend =
    "UPDATE mfa_recovery_codes SET used_at = ? WHERE user_id = ? AND code_hash = ? AND used_at "
    "IS NULL";
constexpr std::string_view kEndSessions = "DELETE FROM sessions WHERE user_id = ?";
constexpr std::string_view kRoles = "SELECT required_roles FROM mfa_settings WHERE id = 1";
constexpr std::string_view kSetRoles = "UPDATE mfa_settings SET required_roles = ? WHERE id = 1";

Error already_on() {
    return Error::conflict("mfa_enabled", "Two-step sign-in is already on for this account.");
}
}  // namespace

std::optional<MfaState> MfaStore::find(UserId user) {
    auto row = db_.read([&](SqlConnection& c) { return c.query_one(kFind, user.value); });
    if (!row) return std::nullopt;
    return MfaState{.enabled = row->integer(0) != 0,
                    .secret = row->text(1),
                    .last_step = row->integer(2),
                    .recovery_codes_left = static_cast<int>(row->integer(3))};
}

Result<void> MfaStore::begin_setup(UserId user, const std::string& secret) {
    return db_.write([&](SqlConnection& c) -> Result<void> {
        if (auto row = c.query_one(kEnabled, user.value)) {
            if (row->integer(0) != 0) return std::unexpected(already_on());
            c.execute_with(kForget, user.value);
        }
        c.execute_with(kBegin, user.value, secret, c.now_seconds());
        return {};
    });
}

Result<void> MfaStore::enable(UserId user, std::int64_t step,
                              const std::vector<std::string>& recovery_code_hashes,
                              const Acting& who) {
    return db_.write([&](SqlConnection& c) -> Result<void> {
        if (c.execute_with(kEnable, step, user.value) != 1) return std::unexpected(already_on());
        c.execute_with(kForgetCodes, user.value);
        for (const auto& hash : recovery_code_hashes) c.execute_with(kAddCode, user.value, hash);
        append_audit(c, who, "mfa_enabled", "user", std::to_string(user.value));
        return {};
    });
}

bool MfaStore::accept_step(UserId user, std::int64_t step) {
    // The condition and the update are one statement, so two requests racing with one code
    // cannot both win.
    return db_.write(
        [&](SqlConnection& c) { return c.execute_with(kAccept, step, user.value, step) == 1; });
}

bool MfaStore::spend_recovery_code(UserId user, const std::string& code_hash) {
    return db_.write([&](SqlConnection& c) {
        return c.execute_with(kSpend, c.now_seconds(), user.value, code_hash) == 1;
    });
}

Result<void> MfaStore::reset(UserId user, const Acting& who) {
    return db_.write([&](SqlConnection& c) -> Result<void> {
        c.execute_with(kForgetCodes, user.value);
        c.execute_with(kForget, user.value);
        // Whoever held the lost phone's sessions is signed out with it.
        c.execute_with(kEndSessions, user.value);
        append_audit(c, who, "mfa_reset", "user", std::to_string(user.value));
        return {};
    });
}

std::vector<Role> MfaStore::required_roles() {
    auto row = db_.read([&](SqlConnection& c) { return c.query_one(kRoles); });
    return row ? split_roles(row->text(0)) : std::vector<Role>{};
}

void MfaStore::set_required_roles(const std::vector<Role>& roles, const Acting& who) {
    db_.write([&](SqlConnection& c) {
        auto before = c.query_one(kRoles);
        std::string joined = join_roles(roles);
        c.execute_with(kSetRoles, joined);
        append_audit(c, who, "update", "mfa_settings", "1",
                     json_changes({{"required_roles", before ? before->text(0) : ""}},
                                  {{"required_roles", joined}}));
    });
}

}  // namespace sendhub
