#include "core/school_account.hpp"

#include "core/email.hpp"
#include "core/enquiry.hpp"
#include "core/text.hpp"
#include "core/user.hpp"

namespace sendhub {
namespace {
std::optional<SchoolUrn> urn_field(Validator& v, std::string_view text) {
    auto urn = parse_int(trim(text));
    if (!urn || *urn < 100000 || *urn > 999999) {
        v.fail("school_urn", "unknown_school", "Find your school by its name or six-digit URN");
        return std::nullopt;
    }
    return SchoolUrn{*urn};
}
std::optional<std::string> email_field(Validator& v, std::string_view text) {
    auto email = normalise_email(text);
    if (!email)
        v.fail("email", "invalid",
               "Enter an email address in the correct format, like name@school.org");
    return email;
}
std::optional<Role> role_field(Validator& v, std::string_view text) {
    auto role = parse_school_role(trim(text));
    if (!role)
        v.fail("role", "invalid", "Select the role at the school: SENCO, headteacher or staff");
    return role;
}
Error gone(std::string code, std::string message) {
    return Error{.kind = ErrorKind::gone, .code = std::move(code), .message = std::move(message)};
}
}  // namespace

std::span<const Term<RegistrationStatus>> registration_status_terms() {
    static constexpr Term<RegistrationStatus> kTerms[] = {
        {RegistrationStatus::pending, "pending", "Waiting for approval"},
        {RegistrationStatus::approved, "approved", "Approved"},
        {RegistrationStatus::rejected, "rejected", "Rejected"},
    };
    return kTerms;
}

std::span<const Term<InvitationStatus>> invitation_status_terms() {
    static constexpr Term<InvitationStatus> kTerms[] = {
        {InvitationStatus::pending, "pending", "Sent"},
        {InvitationStatus::accepted, "accepted", "Accepted"},
        {InvitationStatus::revoked, "revoked", "Withdrawn"},
    };
    return kTerms;
}

Date invitation_expires_on(Date sent_on) {
    return Date{std::chrono::sys_days{sent_on} + std::chrono::days{kInvitationDays}};
}

Result<Registration> validate_registration(const RegistrationInput& input) {
    Validator v;
    Registration r;
    if (auto urn = urn_field(v, input.school_urn)) r.school_urn = *urn;
    r.name = one_line_text(v, "name", input.name, "Enter your full name", "Your name", 200);
    if (auto email = email_field(v, input.email)) r.email = *email;
    if (auto role = role_field(v, input.role)) r.role = *role;
    if (auto problem = check_password(input.password))
        v.fail(problem->field, problem->code, problem->message);
    if (!v.ok()) return std::unexpected(std::move(v).error());
    return r;
}

Result<void> check_registration_decision(const Registration& r, bool approving) {
    if (r.status != RegistrationStatus::pending)
        return std::unexpected(
            Error::conflict("not_pending", "This registration has already been decided."));
    if (approving && !r.email_verified)
        return std::unexpected(Error::conflict(
            "email_not_verified",
            "The person has not yet confirmed their email address, so it cannot be approved."));
    return {};
}

Result<Invitation> validate_invitation(const InvitationInput& input) {
    Validator v;
    Invitation i;
    if (auto email = email_field(v, input.email)) i.email = *email;
    if (auto role = role_field(v, input.role)) i.role = *role;
    if (auto urn = urn_field(v, input.school_urn)) i.school_urn = *urn;
    if (!v.ok()) return std::unexpected(std::move(v).error());
    return i;
}

Result<void> check_invitation_usable(const Invitation& invitation, Date today) {
    switch (invitation.status) {
        case InvitationStatus::accepted:
            return std::unexpected(gone("used",
                                        "This invitation has already been accepted. "
                                        "Sign in with the password you chose."));
        case InvitationStatus::revoked:
            return std::unexpected(gone("revoked",
                                        "This invitation has been withdrawn. Ask "
                                        "the trust to send a new one."));
        case InvitationStatus::pending:
            break;
    }
    if (invitation.expires_on < today)
        return std::unexpected(
            gone("expired", "This invitation has expired. Ask the trust to send a new one."));
    return {};
}

Result<void> check_invitation_revocable(const Invitation& invitation) {
    if (invitation.status == InvitationStatus::pending) return {};
    return std::unexpected(Error::conflict(
        "not_pending", "Only an invitation that has not been used can be withdrawn."));
}

}  // namespace sendhub
