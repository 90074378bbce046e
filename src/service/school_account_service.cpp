#include "service/school_account_service.hpp"

#include "core/enquiry.hpp"
#include "core/user.hpp"
#include "security/password.hpp"
#include "security/random.hpp"

namespace sendhub {
namespace {

std::string school_name(Services& s, SchoolUrn urn) {
    auto school = s.schools.find(urn);
    return school ? school->name : "your school";
}

CreateUser account_maker(Services& s, const Acting& who) {
    return [&s, who](const User& user, const std::string& hash) {
        return s.users.create(user, hash, who);
    };
}

}  // namespace

Result<Registration> register_school_user(Services& s, const RegistrationInput& input,
                                          const std::string& token) {
    SENDHUB_ASSIGN_OR_RETURN(Registration r, validate_registration(input));
    const std::string link = s.config.public_url + "/register/verify?token=";
    AccountEmail email{"Confirm your email address for sendhub", [link](const std::string& token) {
                           return "You asked for a sendhub account for your school. Open this "
                                  "link to confirm this is your email address:\r\n\r\n" +
                                  link + token +
                                  "\r\n\r\nThe trust then checks your registration and emails "
                                  "you when you can sign in. If you did not ask, you can ignore "
                                  "this email.";
                       }};
    return s.school_accounts.register_person(std::move(r), hash_password(input.password), token,
                                             email);
}

Result<Registration> verify_registration(Services& s, std::string_view token) {
    return s.school_accounts.verify(token);
}

Page<Registration> list_registrations(Services& s, const StatusFilter& filter) {
    return s.school_accounts.registrations(filter);
}

Result<Registration> approve_registration(Services& s, RegistrationId id, const Acting& who) {
    auto found = s.school_accounts.find_registration(id);
    if (!found) return std::unexpected(Error::not_found("No such registration."));
    const std::string school = school_name(s, found->school_urn);
    const std::string sign_in = s.config.public_url + "/login";
    AccountEmail email{"Your sendhub account is ready", [=](const std::string&) {
                           return "The trust has approved your sendhub account for " + school +
                                  ". Sign in with your email address and the password you "
                                  "chose:\r\n\r\n" +
                                  sign_in;
                       }};
    return s.school_accounts.approve(id, account_maker(s, who), email, who);
}

Result<Registration> reject_registration(Services& s, RegistrationId id, std::string_view reason,
                                         const Acting& who) {
    AccountEmail email{"Your sendhub registration", [](const std::string& why) {
                           return "The trust could not approve your registration for sendhub, "
                                  "for this reason:\r\n\r\n" +
                                  why +
                                  "\r\n\r\nIf you think this is a mistake, reply to the trust "
                                  "through the contact page.";
                       }};
    return s.school_accounts.reject(id, reason, email, who);
}

Result<Invitation> invite_school_user(Services& s, const InvitationInput& input,
                                      const Acting& who) {
    SENDHUB_ASSIGN_OR_RETURN(Invitation i, validate_invitation(input));
    const std::string school = school_name(s, i.school_urn);
    const std::string link = s.config.public_url + "/invitations/accept?token=";
    const std::string role(role_label(i.role));
    const std::string inviter = who.name;
    AccountEmail email{"You are invited to sendhub", [=](const std::string& token) {
                           return inviter + " has invited you to sendhub as " + role + " for " +
                                  school +
                                  ". Open this link within 7 days to choose your password:"
                                  "\r\n\r\n" +
                                  link + token + "\r\n\r\nThe link works once.";
                       }};
    return s.school_accounts.invite(std::move(i), random_token(), email, who);
}

Page<Invitation> list_invitations(Services& s, const StatusFilter& filter) {
    return s.school_accounts.invitations(filter);
}

Result<Invitation> revoke_invitation(Services& s, InvitationId id, const Acting& who) {
    return s.school_accounts.revoke(id, who);
}

Result<Invitation> invitation_for(Services& s, std::string_view token) {
    return s.school_accounts.usable_invitation(token, s.clock().today());
}

Result<Invitation> accept_invitation(Services& s, std::string_view token, std::string_view name,
                                     std::string_view password, const Acting& who) {
    // The link is checked first, so a dead link says so rather than asking for a password.
    SENDHUB_TRY(invitation_for(s, token));
    Validator v;
    std::string full_name =
        one_line_text(v, "name", name, "Enter your full name", "Your name", 200);
    if (auto problem = check_password(password))
        v.fail(problem->field, problem->code, problem->message);
    if (!v.ok()) return std::unexpected(std::move(v).error());
    return s.school_accounts.accept(token, s.clock().today(), full_name, hash_password(password),
                                    account_maker(s, who), who);
}

}  // namespace sendhub
