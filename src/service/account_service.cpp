#include "service/account_service.hpp"

#include "core/email.hpp"
#include "core/text.hpp"
#include "security/password.hpp"
#include "security/random.hpp"
#include "service/mfa_service.hpp"

namespace sendhub {

namespace {
Error too_many_attempts() {
    return Error{.kind = ErrorKind::too_many_requests,
                 .code = "too_many_attempts",
                 .message = "Too many failed sign-in attempts. Wait 15 minutes, then try again.",
                 .retry_after_seconds = static_cast<int>(LoginThrottle::kWindow.count())};
}

constexpr std::string_view kWrongCode =
    "The code is not right. Enter the code your authenticator app shows now, or a recovery code "
    "you have not used";

Error code_error(std::string code, std::string_view message) {
    return Error{.kind = ErrorKind::unauthenticated,
                 .code = std::move(code),
                 .message = std::string(message),
                 .fields = {{"mfa_code", "required", std::string(message)}}};
}

// A failed or refused sign-in, under the address typed (never the password or code).
void audit_sign_in_failure(Services& s, const Acting& who, const std::string& email,
                           std::string_view action, std::optional<UserId> user) {
    Acting attempt = who;
    attempt.email = email;
    s.database->write([&](SqlConnection& c) {
        append_audit(c, attempt, action, "user", user ? std::to_string(user->value) : std::string(),
                     {{"email", email}});
    });
}

Result<SignedIn> open_session(Services& s, const User& user, const Acting& who) {
    s.throttle.succeeded(user.email);
    SignedIn result{user, s.sessions.create(user.id), false};
    Acting as_user = who;
    as_user.user_id = user.id;
    as_user.email = user.email;
    s.database->write([&](SqlConnection& c) {
        append_audit(c, as_user, "sign_in", "user", std::to_string(user.id.value));
    });
    return result;
}
}  // namespace

Result<SignedIn> sign_in(Services& s, std::string_view email_text, std::string_view password,
                         std::string_view client_address, const Acting& who, SecondStep second) {
    if (auto wait = s.sign_in_addresses.take(client_address)) {
        return std::unexpected(
            Error{.kind = ErrorKind::too_many_requests,
                  .code = "too_many_sign_ins",
                  .message = "Too many sign-ins from your network. Wait a minute, then try again.",
                  .retry_after_seconds = *wait});
    }
    auto email = normalise_email(email_text).value_or(std::string(email_text));
    // The attempt is counted before the password is checked, so parallel guesses cannot
    // slip past the limit; a right password forgets it again.
    auto audit_failure = [&](std::string_view action, std::optional<UserId> user) {
        audit_sign_in_failure(s, who, email, action, user);
    };
    if (!s.throttle.begin_attempt(email)) {
        auto known = s.users.find_by_email(email);
        audit_failure("locked_out", known ? std::optional(known->user.id) : std::nullopt);
        return std::unexpected(too_many_attempts());
    }
    auto found = s.users.find_by_email(email);
    bool ok = false;
    if (found) {
        ok = verify_password(password, found->password_hash) && found->user.active;
    } else if (auto pending = s.school_accounts.pending_password_hash(email)) {
        // Someone who registered and is waiting for approval: with the right password, tell
        // them so rather than that the password is wrong.
        if (verify_password(password, *pending)) {
            audit_failure("sign_in_pending", std::nullopt);
            return std::unexpected(Error{
                .kind = ErrorKind::forbidden,
                .code = "account_pending",
                .message = "Your registration is waiting for the trust to approve it. We will "
                           "email you when you can sign in."});
        }
    } else {
        verify_dummy_password(password);  // same time whether or not the email exists
    }
    if (!ok) {
        audit_failure("sign_in_failed", found ? std::optional(found->user.id) : std::nullopt);
        return std::unexpected(
            Error::unauthenticated("Enter a correct email address and password."));
    }
    if (mfa_enabled(s, found->user.id)) {
        if (!second.code || trim(*second.code).empty()) {
            // The right password alone is not a failure, and not yet a sign-in.
            s.throttle.withdraw(email);
            if (second.wait_for_code)
                return SignedIn{found->user, s.sessions.create(found->user.id, true), true};
            return std::unexpected(code_error(
                "mfa_required", "Enter the code from your authenticator app, or a recovery code."));
        }
        if (!check_second_step(s, found->user.id, *second.code)) {
            audit_failure("sign_in_failed", found->user.id);
            return std::unexpected(code_error("mfa_invalid", kWrongCode));
        }
    }
    return open_session(s, found->user, who);
}

Result<SignedIn> complete_sign_in(Services& s, std::string_view pending_token,
                                  std::string_view code, const Acting& who) {
    auto user_id = s.sessions.resolve_pending(pending_token);
    auto user = user_id ? s.users.find(*user_id) : std::nullopt;
    if (!user)
        return std::unexpected(
            Error::unauthenticated("Your sign-in took too long, so we stopped it. Sign in again."));
    if (!s.throttle.begin_attempt(user->email)) {
        s.sessions.destroy(pending_token);
        return std::unexpected(too_many_attempts());
    }
    if (trim(code).empty()) {
        s.throttle.withdraw(user->email);
        return std::unexpected(
            Error::invalid("mfa_code", "required", "Enter the code from your authenticator app"));
    }
    if (!check_second_step(s, user->id, code)) {
        audit_sign_in_failure(s, who, user->email, "sign_in_failed", user->id);
        return std::unexpected(Error::invalid("mfa_code", "mfa_invalid", std::string(kWrongCode)));
    }
    s.sessions.destroy(pending_token);
    return open_session(s, *user, who);
}

void sign_out(Services& s, std::string_view token, const Actor& actor, const Acting& who) {
    s.sessions.destroy(token);
    s.database->write([&](SqlConnection& c) {
        append_audit(c, who, "sign_out", "user", std::to_string(actor.user_id.value));
    });
}

Result<User> create_user(Services& s, const UserInput& input, const Acting& who) {
    SENDHUB_ASSIGN_OR_RETURN(User user, validate_new_user(input));
    // argon2id takes tens of milliseconds: hash before taking the write lock.
    std::string hash = hash_password(input.password);
    return s.users.create(user, hash, who);
}

Result<User> change_user_role(Services& s, const Actor& actor, UserId id, std::string_view role,
                              std::string_view school_urn, std::string_view practitioner_id,
                              const Acting& who) {
    auto user = s.users.find(id);
    if (!user) return std::unexpected(Error::not_found("No such user."));
    if (id == actor.user_id && role != role_code(Role::admin))
        return std::unexpected(
            Error::invalid("role", "own_role", "You cannot remove your own administrator role"));
    SENDHUB_ASSIGN_OR_RETURN(User changed,
                             validate_role_change(*user, role, school_urn, practitioner_id));
    return s.users.change_role(changed, who);
}

Result<User> set_user_active(Services& s, const Actor& actor, UserId id, bool active,
                             const Acting& who) {
    if (id == actor.user_id && !active)
        return std::unexpected(
            Error::conflict("own_account", "You cannot deactivate your own account."));
    return s.users.set_active(id, active, who);
}

Result<void> change_own_password(Services& s, const Actor& actor, std::string_view session_token,
                                 const PasswordChange& change, const Acting& who) {
    auto found = s.users.find_by_email(actor.email);
    if (!found) return std::unexpected(Error::not_found("No such user."));
    // Guessing the current password from a stolen session counts toward the sign-in limit.
    if (!s.throttle.begin_attempt(actor.email)) return std::unexpected(too_many_attempts());
    Validator v;
    bool current_ok = verify_password(change.current, found->password_hash);
    if (current_ok)
        s.throttle.succeeded(actor.email);
    else
        v.fail("current_password", "incorrect", "Your current password is not correct");
    if (auto problem = check_password(change.replacement, "new_password"))
        v.fail(problem->field, problem->code, problem->message);
    else if (change.replacement != change.confirmation)
        v.fail("confirm_password", "mismatch", "The new passwords do not match");
    if (!v.ok()) return std::unexpected(std::move(v).error());
    return s.users.set_password_hash(actor.user_id, hash_password(change.replacement),
                                     session_token, who);
}

Result<Page<User>> list_users(Services& s, const Actor& actor, const UserFilter& filter) {
    if (!allows(actor, Permission::manage_users)) return std::unexpected(Error::forbidden());
    return s.users.list(filter);
}

Result<User> get_user(Services& s, const Actor& actor, UserId id) {
    if (id != actor.user_id && !allows(actor, Permission::manage_users))
        return std::unexpected(Error::not_found("No such user."));
    auto user = s.users.find(id);
    if (!user) return std::unexpected(Error::not_found("No such user."));
    return *user;
}

Result<void> request_password_reset(Services& s, std::string_view email_text,
                                    std::string_view client_address) {
    if (auto wait = s.sign_in_addresses.take(client_address)) {
        return std::unexpected(Error{.kind = ErrorKind::too_many_requests,
                                     .code = "too_many_requests",
                                     .message = "Too many requests from your network. Wait a "
                                                "minute, then try again.",
                                     .retry_after_seconds = *wait});
    }
    auto email = normalise_email(email_text);
    if (!email)
        return std::unexpected(
            Error::invalid("email", "invalid", "Enter an email address, like name@school.sch.uk"));
    // Each request counts like a failed sign-in and is never forgotten early, so one address
    // cannot be flooded with email.
    if (!s.throttle.begin_attempt("reset:" + *email))
        return std::unexpected(Error{
            .kind = ErrorKind::too_many_requests,
            .code = "too_many_attempts",
            .message = "We have sent several links to this address already. Check your email, or "
                       "wait 15 minutes and ask again.",
            .retry_after_seconds = static_cast<int>(LoginThrottle::kWindow.count())});
    const std::string base = s.config.public_url;
    s.password_resets.issue(*email, random_token(), [&](const std::string& token) {
        return "Someone asked to reset the password of your sendhub account. If it was you, "
               "open this link within the next hour and choose a new password:\r\n\r\n" +
               base + "/password-reset/" + token +
               "\r\n\r\nThe link works once. If you did not ask, you can ignore this email: "
               "your password has not changed.";
    });
    return {};
}

Result<void> send_password_reset(Services& s, const Actor& actor, UserId id, const Acting& who) {
    if (!allows(actor, Permission::manage_users)) return std::unexpected(Error::forbidden());
    const std::string base = s.config.public_url;
    return s.password_resets.issue_for(
        id, random_token(),
        [&](const std::string& token) {
            return "Your trust administrator has sent you a link to set a new password for your "
                   "sendhub account. Open it within the next hour:\r\n\r\n" +
                   base + "/password-reset/" + token +
                   "\r\n\r\nThe link works once. Until you use it, your current password still "
                   "works.";
        },
        who);
}

Result<void> reset_password(Services& s, std::string_view token, std::string_view password,
                            const Acting& who) {
    if (auto problem = check_password(password, "password"))
        return std::unexpected(Error::invalid(problem->field, problem->code, problem->message));
    // argon2id takes tens of milliseconds: hash before taking the write lock.
    return s.password_resets.redeem(token, hash_password(password), who);
}

void check_database(Services& s) {
    check_database_answers(*s.database);
}
}  // namespace sendhub
