#pragma once
// People who sign in, their password hashes and their roles.
#include <optional>
#include <string>

#include "core/error.hpp"
#include "core/page.hpp"
#include "core/user.hpp"
#include "store/audit_store.hpp"
#include "store/database.hpp"

namespace sendhub {

struct UserWithHash {
    User user;
    std::string password_hash;
};

struct UserFilter {
    std::optional<Role> role;
    std::optional<std::int64_t> after_id;
    int limit = kDefaultPageSize;
};

class UserStore {
  public:
    explicit UserStore(Database& db) : db_(db) {}

    [[nodiscard]] std::optional<User> find(UserId id);
    [[nodiscard]] std::optional<UserWithHash> find_by_email(std::string_view email);
    [[nodiscard]] Page<User> list(const UserFilter& filter);
    [[nodiscard]] std::int64_t count();
    //! Creates a user with an already computed hash (hashing is slow; keep it out of the write
    //! lock).
    [[nodiscard]] Result<User> create(const User& user, const std::string& password_hash,
                                      const Acting& who);
    //! Changes role, school and practitioner link; ends the person's sessions so the new rights
    //! apply at once.
    [[nodiscard]] Result<User> change_role(const User& changed, const Acting& who);
    //! Deactivates or reactivates; deactivation ends every session of that user.
    [[nodiscard]] Result<User> set_active(UserId id, bool active, const Acting& who);
    //! Sets a new password and ends every session of the user except the one with that token.
    [[nodiscard]] Result<void> set_password_hash(UserId id, const std::string& password_hash,
                                                 std::string_view kept_session_token,
                                                 const Acting& who);

  private:
    Database& db_;
};

}  // namespace sendhub
