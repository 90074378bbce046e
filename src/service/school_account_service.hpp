#pragma once
// A school's staff joining sendhub: registering (verify the email, wait for approval) or
// accepting an invitation from the trust, each choosing their own password.
#include "core/school_account.hpp"
#include "service/services.hpp"

namespace sendhub {

//! Records the registration and emails a link carrying `token` (a fresh random one; the demo
//! loader passes its own so it can confirm the address as the person would).
[[nodiscard]] Result<Registration> register_school_user(Services& s, const RegistrationInput& input,
                                                        const std::string& token);
[[nodiscard]] Result<Registration> verify_registration(Services& s, std::string_view token);
[[nodiscard]] Page<Registration> list_registrations(Services& s, const StatusFilter& filter);
[[nodiscard]] Result<Registration> approve_registration(Services& s, RegistrationId id,
                                                        const Acting& who);
[[nodiscard]] Result<Registration> reject_registration(Services& s, RegistrationId id,
                                                       std::string_view reason, const Acting& who);

[[nodiscard]] Result<Invitation> invite_school_user(Services& s, const InvitationInput& input,
                                                    const Acting& who);
[[nodiscard]] Page<Invitation> list_invitations(Services& s, const StatusFilter& filter);
[[nodiscard]] Result<Invitation> revoke_invitation(Services& s, InvitationId id, const Acting& who);
//! The invitation behind an emailed link, if it still works (404 unknown; 410 used, revoked,
//! expired).
[[nodiscard]] Result<Invitation> invitation_for(Services& s, std::string_view token);
//! Checks the name and password first, so a refused accept uses nothing.
[[nodiscard]] Result<Invitation> accept_invitation(Services& s, std::string_view token,
                                                   std::string_view name, std::string_view password,
                                                   const Acting& who);

}  // namespace sendhub
