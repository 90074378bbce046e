#pragma once
// A school's staff joining sendhub (api-contract-partners.md, School accounts and
// Invitations): registering themselves, which the trust approves, or accepting the trust's
// invitation. Both lead to an account of a school role at one school.
#include <optional>
#include <span>
#include <string>

#include "core/dates.hpp"
#include "core/error.hpp"
#include "core/ids.hpp"
#include "core/role.hpp"
#include "core/vocabulary.hpp"

namespace sendhub {

using RegistrationId = StrongId<struct RegistrationIdTag>;
using InvitationId = StrongId<struct InvitationIdTag>;

enum class RegistrationStatus { pending, approved, rejected };
enum class InvitationStatus { pending, accepted, revoked };
[[nodiscard]] std::span<const Term<RegistrationStatus>> registration_status_terms();
[[nodiscard]] std::span<const Term<InvitationStatus>> invitation_status_terms();

//! An invitation works for this many days from the day it is sent.
inline constexpr int kInvitationDays = 7;
[[nodiscard]] Date invitation_expires_on(Date sent_on);

struct RegistrationInput {
    std::string school_urn;
    std::string name;
    std::string email;
    std::string role;
    std::string password;
};

struct Registration {
    RegistrationId id;
    SchoolUrn school_urn;
    std::string name;
    std::string email;  // normalised
    Role role = Role::school_staff;
    RegistrationStatus status = RegistrationStatus::pending;
    bool email_verified = false;
    std::string reason;  // why it was rejected
    std::optional<UserId> user_id;
    std::int64_t created_at = 0;
};

//! Checks every field (the password too); whether the school is known and the email free
//! are the store's to say (`unknown_school`, `taken`).
[[nodiscard]] Result<Registration> validate_registration(const RegistrationInput& input);

//! Only a pending registration is approved or rejected (409); approval needs the email
//! verified first (409 `email_not_verified`).
[[nodiscard]] Result<void> check_registration_decision(const Registration& r, bool approving);

struct InvitationInput {
    std::string email;
    std::string role;
    std::string school_urn;
};

struct Invitation {
    InvitationId id;
    std::string email;  // normalised
    Role role = Role::school_staff;
    SchoolUrn school_urn;
    InvitationStatus status = InvitationStatus::pending;
    Date expires_on;
    std::optional<UserId> user_id;
};

[[nodiscard]] Result<Invitation> validate_invitation(const InvitationInput& input);

//! Whether an emailed invitation's link still works today: 410 `used`, `revoked` or `expired`.
[[nodiscard]] Result<void> check_invitation_usable(const Invitation& invitation, Date today);

//! Revoking: only a pending invitation (409).
[[nodiscard]] Result<void> check_invitation_revocable(const Invitation& invitation);

}  // namespace sendhub
