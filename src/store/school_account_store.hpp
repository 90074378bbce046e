#pragma once
// Self-registrations and invitations: how a school's staff come to have accounts. Only hashes
// of the emailed tokens are kept; the tokens themselves are only ever in the emails.
#include <functional>
#include <optional>
#include <string>

#include "core/error.hpp"
#include "core/page.hpp"
#include "core/school_account.hpp"
#include "core/user.hpp"
#include "store/audit_store.hpp"
#include "store/database.hpp"

namespace sendhub {

//! An email written by the service; `body` may be built from the token it carries.
struct AccountEmail {
    std::string subject;
    std::function<std::string(const std::string& token)> body;
};

//! Makes the account (UserStore::create, joining the caller's transaction).
using CreateUser = std::function<Result<User>(const User& user, const std::string& hash)>;

struct StatusFilter {
    std::string status;  // "" for every status
    std::optional<std::int64_t> before_id;
    int limit = kDefaultPageSize;
};

class SchoolAccountStore {
  public:
    explicit SchoolAccountStore(Database& db) : db_(db) {}

    //! Records a pending registration and emails its verification link. 422 `unknown_school`,
    //! or `taken` when the email has an account, a pending registration or invitation.
    [[nodiscard]] Result<Registration> register_person(Registration r,
                                                       const std::string& password_hash,
                                                       const std::string& token,
                                                       const AccountEmail& email);
    //! Marks the email verified (404 for an unknown token; again is harmless).
    [[nodiscard]] Result<Registration> verify(std::string_view token);
    [[nodiscard]] std::optional<Registration> find_registration(RegistrationId id);
    [[nodiscard]] Page<Registration> registrations(const StatusFilter& filter);
    //! Creates the account with the password the person chose and emails them.
    [[nodiscard]] Result<Registration> approve(RegistrationId id, const CreateUser& create_user,
                                               const AccountEmail& email, const Acting& who);
    [[nodiscard]] Result<Registration> reject(RegistrationId id, std::string_view reason,
                                              const AccountEmail& email, const Acting& who);
    //! The password hash of a pending registration for this email, so signing in with the
    //! right password can say "waiting for approval" instead of "wrong password".
    [[nodiscard]] std::optional<std::string> pending_password_hash(std::string_view email);

    [[nodiscard]] Result<Invitation> invite(Invitation i, const std::string& token,
                                            const AccountEmail& email, const Acting& who);
    [[nodiscard]] Page<Invitation> invitations(const StatusFilter& filter);
    [[nodiscard]] Result<Invitation> revoke(InvitationId id, const Acting& who);
    //! The invitation behind an emailed token, if it still works today (404, 410).
    [[nodiscard]] Result<Invitation> usable_invitation(std::string_view token, Date today);
    //! Uses the token once: the account is made with the invited role and school.
    [[nodiscard]] Result<Invitation> accept(std::string_view token, Date today,
                                            const std::string& name,
                                            const std::string& password_hash,
                                            const CreateUser& create_user, const Acting& who);

  private:
    Database& db_;
};

}  // namespace sendhub
