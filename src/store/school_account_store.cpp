#include "store/school_account_store.hpp"

#include <limits>

#include "core/partner_json.hpp"
#include "core/text.hpp"
#include "security/digest.hpp"
#include "store/outbox_store.hpp"
#include "store/stored_value.hpp"

namespace sendhub {
namespace {

constexpr std::string_view kRegistrationColumns =
    "SELECT id, school_urn, name, email, role, status, email_verified, reason, user_id,"
    " created_at FROM registrations";
const std::string kFindRegistration = std::string(kRegistrationColumns) + " WHERE id = ?";
const std::string kRegistrationByToken =
    std::string(kRegistrationColumns) + " WHERE verify_token_hash = ?";
const std::string kListRegistrations = std::string(kRegistrationColumns) +
                                       " WHERE id < ? AND (? = '' OR status = ?)"
                                       " ORDER BY id DESC LIMIT ?";
constexpr std::string_view kInsertRegistration =
    "INSERT INTO registrations (school_urn, name, email, role, password_hash, status,"
    " verify_token_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'pending', ?, ?, ?)"
    " RETURNING id";
constexpr std::string_view kVerify =
    "UPDATE registrations SET email_verified = 1, updated_at = ? WHERE id = ?";
constexpr std::string_view kRegistrationHash =
    "SELECT password_hash FROM registrations WHERE id = ?";
constexpr std::string_view kDecide =
    "UPDATE registrations SET status = ?, reason = ?, user_id = ?, decided_by = ?, updated_at = ?"
    " WHERE id = ? AND status = 'pending'";
constexpr std::string_view kPendingHash =
    "SELECT password_hash FROM registrations WHERE email = ? AND status = 'pending'"
    " ORDER BY id DESC LIMIT 1";

constexpr std::string_view kInvitationColumns =
    "SELECT id, email, role, school_urn, status, expires_on, user_id FROM invitations";
const std::string kFindInvitation = std::string(kInvitationColumns) + " WHERE id = ?";
const std::string kInvitationByToken = std::string(kInvitationColumns) + " WHERE token_hash = ?";
const std::string kListInvitations = std::string(kInvitationColumns) +
                                     " WHERE id < ? AND (? = '' OR status = ?)"
                                     " ORDER BY id DESC LIMIT ?";
constexpr std::string_view kInsertInvitation =
    "INSERT INTO invitations (email, role, school_urn, status, expires_on, token_hash,"
    " invited_by, created_at, updated_at) VALUES (?, ?, ?, 'pending', ?, ?, ?, ?, ?)"
    " RETURNING id";
constexpr std::string_view kSetInvitationStatus =
    "UPDATE invitations SET status = ?, user_id = ?, updated_at = ? WHERE id = ?";

constexpr std::string_view kSchoolKnown = "SELECT 1 FROM schools WHERE urn = ?";
// An email is taken by an account, a registration waiting for a decision, or an invitation
// still waiting to be accepted.
constexpr std::string_view kEmailTaken =
    "SELECT 1 FROM users WHERE email = ? UNION ALL"
    " SELECT 1 FROM registrations WHERE email = ? AND status = 'pending' UNION ALL"
    " SELECT 1 FROM invitations WHERE email = ? AND status = 'pending' AND expires_on >= ?";

Registration registration_from(const SqlRow& r) {
    Registration x;
    x.id = RegistrationId{r.integer(0)};
    x.school_urn = SchoolUrn{r.integer(1)};
    x.name = r.text(2);
    x.email = r.text(3);
    x.role = stored_term(role_terms(), r.text(4), "registrations.role");
    x.status = stored_term(registration_status_terms(), r.text(5), "registrations.status");
    x.email_verified = r.integer(6) != 0;
    x.reason = r.text(7);
    if (auto user = r.optional_integer(8)) x.user_id = UserId{*user};
    x.created_at = r.integer(9);
    return x;
}

Invitation invitation_from(const SqlRow& r) {
    Invitation i;
    i.id = InvitationId{r.integer(0)};
    i.email = r.text(1);
    i.role = stored_term(role_terms(), r.text(2), "invitations.role");
    i.school_urn = SchoolUrn{r.integer(3)};
    i.status = stored_term(invitation_status_terms(), r.text(4), "invitations.status");
    i.expires_on = stored_date(r.text(5), "invitations.expires_on");
    if (auto user = r.optional_integer(6)) i.user_id = UserId{*user};
    return i;
}

Result<void> check_school_and_email(SqlConnection& c, SchoolUrn urn, const std::string& email,
                                    Date today) {
    Validator v;
    if (!c.query_one(kSchoolKnown, urn.value))
        v.fail("school_urn", "unknown_school", "Find the school by its name or six-digit URN");
    if (c.query_one(kEmailTaken, email, email, email, format_date(today)))
        v.fail("email", "taken",
               "This email address already has an account or is waiting for one. Sign in, or "
               "reset the password");
    if (!v.ok()) return std::unexpected(std::move(v).error());
    return {};
}

//! One page of a list read newest first: `limit` rows, and the cursor when there are more.
template <class T, class From>
Page<T> page_of(const SqlRows& rows, int limit, From from) {
    std::vector<T> items;
    items.reserve(rows.size());
    for (const auto& r : rows) items.push_back(from(r));
    return make_page(std::move(items), limit,
                     [](const T& x) { return std::to_string(x.id.value); });
}

std::int64_t before(const StatusFilter& f) {
    return f.before_id.value_or(std::numeric_limits<std::int64_t>::max());
}

Error no_registration() {
    return Error::not_found("No such registration.");
}

}  // namespace

Result<Registration> SchoolAccountStore::register_person(Registration r,
                                                         const std::string& password_hash,
                                                         const std::string& token,
                                                         const AccountEmail& email) {
    return db_.write([&](SqlConnection& c) -> Result<Registration> {
        SENDHUB_TRY(check_school_and_email(c, r.school_urn, r.email, db_.clock().today()));
        auto t = c.now_seconds();
        auto row = c.query_one(kInsertRegistration, r.school_urn.value, r.name, r.email,
                               role_code(r.role), password_hash, sha256_hex(token), t, t);
        r.id = RegistrationId{row->integer(0)};
        r.created_at = t;
        notify_address(c, r.email, {"registration_verify", email.subject, email.body(token), ""});
        append_audit(c, Acting{.name = r.name, .email = r.email}, "create", "registration",
                     std::to_string(r.id.value), registration_json(r));
        return r;
    });
}

Result<Registration> SchoolAccountStore::verify(std::string_view token) {
    return db_.write([&](SqlConnection& c) -> Result<Registration> {
        auto row = c.query_one(kRegistrationByToken, sha256_hex(token));
        if (!row)
            return std::unexpected(Error::not_found(
                "This link does not work. Check you copied the whole link from the email."));
        auto r = registration_from(*row);
        if (!r.email_verified) {
            c.execute_with(kVerify, c.now_seconds(), r.id.value);
            r.email_verified = true;
        }
        return r;
    });
}

std::optional<Registration> SchoolAccountStore::find_registration(RegistrationId id) {
    return db_.read([&](SqlConnection& c) -> std::optional<Registration> {
        auto row = c.query_one(kFindRegistration, id.value);
        if (!row) return std::nullopt;
        return registration_from(*row);
    });
}

Page<Registration> SchoolAccountStore::registrations(const StatusFilter& f) {
    auto rows = db_.read([&](SqlConnection& c) {
        return c.query_with(kListRegistrations, before(f), f.status, f.status, f.limit + 1);
    });
    return page_of<Registration>(rows, f.limit, registration_from);
}

Result<Registration> SchoolAccountStore::approve(RegistrationId id, const CreateUser& create_user,
                                                 const AccountEmail& email, const Acting& who) {
    return db_.write([&](SqlConnection& c) -> Result<Registration> {
        auto row = c.query_one(kFindRegistration, id.value);
        if (!row) return std::unexpected(no_registration());
        auto r = registration_from(*row);
        SENDHUB_TRY(check_registration_decision(r, true));
        User user{.email = r.email, .name = r.name, .role = r.role, .school_urn = r.school_urn};
        auto hash = c.query_one(kRegistrationHash, id.value)->text(0);
        SENDHUB_ASSIGN_OR_RETURN(User created, create_user(user, hash));
        c.execute_with(kDecide, "approved", "", created.id.value, who.user_value(), c.now_seconds(),
                       id.value);
        r.status = RegistrationStatus::approved;
        r.user_id = created.id;
        notify_user(c, SqlRow({SqlValue{created.id.value}, SqlValue{created.email}}),
                    {"registration_approved", email.subject, email.body(""), "/"});
        append_audit(c, who, "approve", "registration", std::to_string(id.value),
                     {{"user_id", created.id.value}});
        return r;
    });
}

Result<Registration> SchoolAccountStore::reject(RegistrationId id, std::string_view reason,
                                                const AccountEmail& email, const Acting& who) {
    return db_.write([&](SqlConnection& c) -> Result<Registration> {
        auto row = c.query_one(kFindRegistration, id.value);
        if (!row) return std::unexpected(no_registration());
        auto r = registration_from(*row);
        Validator v;
        std::string why = v.required_text("reason", reason,
                                          "Enter the reason, which is emailed "
                                          "to the person",
                                          "The reason", 2000);
        if (!v.ok()) return std::unexpected(std::move(v).error());
        SENDHUB_TRY(check_registration_decision(r, false));
        c.execute_with(kDecide, "rejected", why, nullptr, who.user_value(), c.now_seconds(),
                       id.value);
        r.status = RegistrationStatus::rejected;
        r.reason = why;
        notify_address(c, r.email, {"registration_rejected", email.subject, email.body(why), ""});
        append_audit(c, who, "reject", "registration", std::to_string(id.value), {{"reason", why}});
        return r;
    });
}

std::optional<std::string> SchoolAccountStore::pending_password_hash(std::string_view email) {
    return db_.read([&](SqlConnection& c) -> std::optional<std::string> {
        auto row = c.query_one(kPendingHash, email);
        if (!row) return std::nullopt;
        return row->text(0);
    });
}

Result<Invitation> SchoolAccountStore::invite(Invitation i, const std::string& token,
                                              const AccountEmail& email, const Acting& who) {
    return db_.write([&](SqlConnection& c) -> Result<Invitation> {
        const Date today = db_.clock().today();
        SENDHUB_TRY(check_school_and_email(c, i.school_urn, i.email, today));
        auto t = c.now_seconds();
        i.expires_on = invitation_expires_on(today);
        i.status = InvitationStatus::pending;
        auto row =
            c.query_one(kInsertInvitation, i.email, role_code(i.role), i.school_urn.value,
                        format_date(i.expires_on), sha256_hex(token), who.user_value(), t, t);
        i.id = InvitationId{row->integer(0)};
        notify_address(c, i.email, {"invitation", email.subject, email.body(token), ""});
        append_audit(c, who, "create", "invitation", std::to_string(i.id.value),
                     invitation_json(i));
        return i;
    });
}

Page<Invitation> SchoolAccountStore::invitations(const StatusFilter& f) {
    auto rows = db_.read([&](SqlConnection& c) {
        return c.query_with(kListInvitations, before(f), f.status, f.status, f.limit + 1);
    });
    return page_of<Invitation>(rows, f.limit, invitation_from);
}

Result<Invitation> SchoolAccountStore::revoke(InvitationId id, const Acting& who) {
    return db_.write([&](SqlConnection& c) -> Result<Invitation> {
        auto row = c.query_one(kFindInvitation, id.value);
        if (!row) return std::unexpected(Error::not_found("No such invitation."));
        auto i = invitation_from(*row);
        SENDHUB_TRY(check_invitation_revocable(i));
        c.execute_with(kSetInvitationStatus, "revoked", nullptr, c.now_seconds(), id.value);
        i.status = InvitationStatus::revoked;
        append_audit(c, who, "revoke", "invitation", std::to_string(id.value));
        return i;
    });
}

Result<Invitation> SchoolAccountStore::usable_invitation(std::string_view token, Date today) {
    return db_.read([&](SqlConnection& c) -> Result<Invitation> {
        auto row = c.query_one(kInvitationByToken, sha256_hex(token));
        if (!row)
            return std::unexpected(Error::not_found(
                "This invitation link does not work. Check you copied the whole link."));
        auto i = invitation_from(*row);
        SENDHUB_TRY(check_invitation_usable(i, today));
        return i;
    });
}

Result<Invitation> SchoolAccountStore::accept(std::string_view token, Date today,
                                              const std::string& name,
                                              const std::string& password_hash,
                                              const CreateUser& create_user, const Acting& who) {
    return db_.write([&](SqlConnection& c) -> Result<Invitation> {
        SENDHUB_ASSIGN_OR_RETURN(Invitation i, usable_invitation(token, today));
        User user{.email = i.email, .name = name, .role = i.role, .school_urn = i.school_urn};
        SENDHUB_ASSIGN_OR_RETURN(User created, create_user(user, password_hash));
        c.execute_with(kSetInvitationStatus, "accepted", created.id.value, c.now_seconds(),
                       i.id.value);
        i.status = InvitationStatus::accepted;
        i.user_id = created.id;
        append_audit(c, who, "accept", "invitation", std::to_string(i.id.value),
                     {{"user_id", created.id.value}});
        return i;
    });
}

}  // namespace sendhub
