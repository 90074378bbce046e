#pragma once
// A person who signs in to sendhub.
#include <optional>
#include <string>

#include "core/error.hpp"
#include "core/ids.hpp"
#include "core/role.hpp"

namespace sendhub {

struct User {
    UserId id;
    std::string email;  // normalised, unique
    std::string name;
    Role role = Role::senco;
    std::optional<SchoolUrn> school_urn;
    std::optional<PractitionerId> practitioner_id;
    bool active = true;
};

struct UserInput {
    std::string email;
    std::string name;
    std::string role;
    std::string password;
    std::string school_urn;       // required for a SENCO
    std::string practitioner_id;  // optional link for a practitioner
};

//! Minimum password length (contract: at least 12 characters; NIST SP 800-63B allows long
//! passphrases).
inline constexpr std::size_t kMinPasswordLength = 12;
inline constexpr std::size_t kMaxPasswordLength = 256;

//! A common password, one repeated character or chunk, or a straight run like "abcdefghijkl".
[[nodiscard]] bool is_guessable_password(std::string_view password);
//! Length and guessability: the rules every new password meets.
[[nodiscard]] std::optional<FieldError> check_password(std::string_view password,
                                                       std::string_view field = "password");

//! Validates a new user, including the initial password the admin sets.
[[nodiscard]] Result<User> validate_new_user(const UserInput& input);

//! Validates a change of role (and the school or practitioner that role needs).
[[nodiscard]] Result<User> validate_role_change(User user, std::string_view role,
                                                std::string_view school_urn,
                                                std::string_view practitioner_id);

}  // namespace sendhub
