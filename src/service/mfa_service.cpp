#include "service/mfa_service.hpp"

#include "core/totp.hpp"
#include "security/digest.hpp"
#include "security/password.hpp"
#include "security/random.hpp"

namespace sendhub {
namespace {

// Ten characters from a 32-letter alphabet without look-alikes: 50 bits, typed as xxxxx-xxxxx.
std::string new_recovery_code() {
    static constexpr char kAlphabet[] = "abcdefghijkmnpqrstuvwxyz23456789";
    auto bytes = random_bytes(10);
    std::string code;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (i == 5) code += '-';
        code += kAlphabet[bytes[i] % 32];
    }
    return code;
}

std::string recovery_code_hash(std::string_view typed) {
    return sha256_hex(normalise_recovery_code(typed));
}

MfaSetup setup_of(const Services& s, const Actor& actor, const std::string& secret) {
    return {secret, otpauth_uri(s.config.trust_name, actor.email, secret)};
}

Error not_started() {
    return Error::conflict("mfa_not_started",
                           "Start setting up two-step sign-in again: enter your password first.");
}

}  // namespace

Result<MfaSetup> start_mfa_setup(Services& s, const Actor& actor, std::string_view password) {
    auto found = s.users.find_by_email(actor.email);
    if (!found) return std::unexpected(Error::not_found("No such user."));
    // Guessing the password from a stolen session counts toward the sign-in limit.
    if (!s.throttle.begin_attempt(actor.email))
        return std::unexpected(
            Error{.kind = ErrorKind::too_many_requests,
                  .code = "too_many_attempts",
                  .message = "Too many failed attempts. Wait 15 minutes, then try again.",
                  .retry_after_seconds = static_cast<int>(LoginThrottle::kWindow.count())});
    if (!verify_password(password, found->password_hash))
        return std::unexpected(
            Error::invalid("password", "invalid", "Your password is not correct"));
    s.throttle.succeeded(actor.email);
    std::string secret = base32_encode(random_bytes(kTotpSecretBytes));
    SENDHUB_TRY(s.mfa.begin_setup(actor.user_id, secret));
    return setup_of(s, actor, secret);
}

Result<MfaSetup> pending_mfa_setup(Services& s, const Actor& actor) {
    auto state = s.mfa.find(actor.user_id);
    if (!state || state->enabled) return std::unexpected(not_started());
    return setup_of(s, actor, state->secret);
}

Result<std::vector<std::string>> confirm_mfa_setup(Services& s, const Actor& actor,
                                                   std::string_view code, const Acting& who) {
    auto state = s.mfa.find(actor.user_id);
    if (!state || state->enabled) return std::unexpected(not_started());
    auto key = base32_decode(state->secret).value_or(std::vector<std::uint8_t>{});
    auto step = match_totp(key, code, s.database->now_seconds(), 0);
    if (!step)
        return std::unexpected(Error::invalid(
            "code", "invalid", "Enter the 6-digit code your authenticator app shows now"));
    std::vector<std::string> codes;
    std::vector<std::string> hashes;
    codes.reserve(kRecoveryCodeCount);
    hashes.reserve(kRecoveryCodeCount);
    for (int i = 0; i < kRecoveryCodeCount; ++i) {
        codes.push_back(new_recovery_code());
        hashes.push_back(recovery_code_hash(codes.back()));
    }
    SENDHUB_TRY(s.mfa.enable(actor.user_id, *step, hashes, who));
    return codes;
}

MfaStatus mfa_status(Services& s, const Actor& actor) {
    auto state = s.mfa.find(actor.user_id);
    if (!state || !state->enabled) return {};
    return {true, state->recovery_codes_left};
}

bool mfa_enabled(Services& s, UserId user) {
    auto state = s.mfa.find(user);
    return state && state->enabled;
}

bool check_second_step(Services& s, UserId user, std::string_view code) {
    auto state = s.mfa.find(user);
    if (!state || !state->enabled) return false;
    auto key = base32_decode(state->secret).value_or(std::vector<std::uint8_t>{});
    if (auto step = match_totp(key, code, s.database->now_seconds(), state->last_step))
        return s.mfa.accept_step(user, *step);
    return s.mfa.spend_recovery_code(user, recovery_code_hash(code));
}

Result<User> reset_user_mfa(Services& s, const Actor& actor, UserId id, const Acting& who) {
    if (!allows(actor, Permission::manage_users)) return std::unexpected(Error::forbidden());
    auto user = s.users.find(id);
    if (!user) return std::unexpected(Error::not_found("No such user."));
    SENDHUB_TRY(s.mfa.reset(id, who));
    return *user;
}

Result<std::vector<Role>> mfa_required_roles(Services& s, const Actor& actor) {
    if (!allows(actor, Permission::manage_users)) return std::unexpected(Error::forbidden());
    return s.mfa.required_roles();
}

Result<std::vector<Role>> set_mfa_required_roles(Services& s, const Actor& actor,
                                                 const std::vector<std::string>& role_codes,
                                                 const Acting& who) {
    if (!allows(actor, Permission::manage_users)) return std::unexpected(Error::forbidden());
    SENDHUB_ASSIGN_OR_RETURN(auto roles, parse_required_roles(role_codes));
    s.mfa.set_required_roles(roles, who);
    return roles;
}

}  // namespace sendhub
