#include "store/user_store.hpp"

#include "core/json_records.hpp"
#include "security/digest.hpp"
#include "store/stored_value.hpp"

namespace sendhub {
namespace {

constexpr std::string_view kFind =
    "SELECT id, email, name, role, school_urn, practitioner_id, active, password_hash FROM users "
    "WHERE id = ?";
constexpr std::string_view kFindByEmail =
    "SELECT id, email, name, role, school_urn, practitioner_id, active, password_hash FROM users "
    "WHERE email = ?";
constexpr std::string_view kList =
    "SELECT id, email, name, role, school_urn, practitioner_id, active, password_hash FROM users"
    " WHERE id > ? AND (? IS NULL OR role = ?) ORDER BY id LIMIT ?";
constexpr std::string_view kCount = "SELECT count(*) FROM users";
constexpr std::string_view kInsert =
    "INSERT INTO users (email, name, role, school_urn, practitioner_id, password_hash, active, "
    "created_at, updated_at)"
    " VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id";
constexpr std::string_view kUpdateRole =
    "UPDATE users SET role = ?, school_urn = ?, practitioner_id = ?, updated_at = ? WHERE id = ?";
constexpr std::string_view kSetActive = "UPDATE users SET active = ?, updated_at = ? WHERE id = ?";
constexpr std::string_view kSetPassword =
    "UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?";
constexpr std::string_view kEndSessions = "DELETE FROM sessions WHERE user_id = ?";
constexpr std::string_view kEndOtherSessions =
    "DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?";
constexpr std::string_view kSchoolExists = "SELECT 1 FROM schools WHERE urn = ?";
constexpr std::string_view kPractitionerExists = "SELECT 1 FROM practitioners WHERE id = ?";

UserWithHash user_from(const SqlRow& r) {
    User u{
        .id = UserId{r.integer(0)},
        .email = r.text(1),
        .name = r.text(2),
        .role = stored_role(r.text(3), "users.role"),
        .school_urn = std::nullopt,
        .practitioner_id = std::nullopt,
        .active = r.integer(6) != 0,
    };
    if (auto urn = r.optional_integer(4)) u.school_urn = SchoolUrn{*urn};
    if (auto id = r.optional_integer(5)) u.practitioner_id = PractitionerId{*id};
    return {std::move(u), r.text(7)};
}

std::optional<UserWithHash> find_in(SqlConnection& c, UserId id) {
    auto row = c.query_one(kFind, id.value);
    if (!row) return std::nullopt;
    return user_from(*row);
}

std::optional<std::int64_t> optional_id(const auto& id) {
    return id ? std::optional(id->value) : std::nullopt;
}

// The school and practitioner a role points at must exist.
Result<void> check_links(SqlConnection& c, const User& u) {
    if (u.school_urn && !c.query_one(kSchoolExists, u.school_urn->value))
        return std::unexpected(
            Error::invalid("school_urn", "unknown", "There is no school with this URN"));
    if (u.practitioner_id && !c.query_one(kPractitionerExists, u.practitioner_id->value))
        return std::unexpected(
            Error::invalid("practitioner_id", "unknown", "There is no such practitioner"));
    return {};
}

}  // namespace

std::optional<User> UserStore::find(UserId id) {
    auto found = db_.read([&](SqlConnection& c) { return find_in(c, id); });
    if (!found) return std::nullopt;
    return found->user;
}

std::optional<UserWithHash> UserStore::find_by_email(std::string_view email) {
    return db_.read([&](SqlConnection& c) -> std::optional<UserWithHash> {
        auto row = c.query_one(kFindByEmail, email);
        if (!row) return std::nullopt;
        return user_from(*row);
    });
}

Page<User> UserStore::list(const UserFilter& f) {
    std::optional<std::string> role;
    if (f.role) role = std::string(role_code(*f.role));
    auto rows = db_.read([&](SqlConnection& c) {
        return c.query_with(kList, f.after_id.value_or(0), role, role, f.limit + 1);
    });
    std::vector<User> users;
    users.reserve(rows.size());
    for (const auto& r : rows) users.push_back(user_from(r).user);
    return make_page(std::move(users), f.limit,
                     [](const User& u) { return std::to_string(u.id.value); });
}

std::int64_t UserStore::count() {
    return db_.read([&](SqlConnection& c) { return c.query_with(kCount).front().integer(0); });
}

Result<User> UserStore::create(const User& user, const std::string& password_hash,
                               const Acting& who) {
    return db_.write([&](SqlConnection& c) -> Result<User> {
        if (c.query_one(kFindByEmail, user.email))
            return std::unexpected(
                Error::invalid("email", "taken", "A user with this email address already exists"));
        SENDHUB_TRY(check_links(c, user));
        auto t = c.now_seconds();
        auto row = c.query_one(kInsert, user.email, user.name, role_code(user.role),
                               optional_id(user.school_urn), optional_id(user.practitioner_id),
                               password_hash, t, t);
        User created = user;
        created.id = UserId{row->integer(0)};
        created.active = true;
        append_audit(c, who, "create", "user", std::to_string(created.id.value),
                     user_json(created));
        return created;
    });
}

Result<User> UserStore::change_role(const User& changed, const Acting& who) {
    return db_.write([&](SqlConnection& c) -> Result<User> {
        auto before = find_in(c, changed.id);
        if (!before) return std::unexpected(Error::not_found("No such user."));
        SENDHUB_TRY(check_links(c, changed));
        c.execute_with(kUpdateRole, role_code(changed.role), optional_id(changed.school_urn),
                       optional_id(changed.practitioner_id), c.now_seconds(), changed.id.value);
        c.execute_with(kEndSessions, changed.id.value);
        User after = before->user;
        after.role = changed.role;
        after.school_urn = changed.school_urn;
        after.practitioner_id = changed.practitioner_id;
        append_audit(c, who, "change_role", "user", std::to_string(changed.id.value),
                     json_changes(user_json(before->user), user_json(after)));
        return after;
    });
}

Result<User> UserStore::set_active(UserId id, bool active, const Acting& who) {
    return db_.write([&](SqlConnection& c) -> Result<User> {
        auto before = find_in(c, id);
        if (!before) return std::unexpected(Error::not_found("No such user."));
        c.execute_with(kSetActive, active, c.now_seconds(), id.value);
        if (!active) c.execute_with(kEndSessions, id.value);
        User after = before->user;
        after.active = active;
        append_audit(c, who, active ? "reactivate" : "deactivate", "user",
                     std::to_string(id.value));
        return after;
    });
}

Result<void> UserStore::set_password_hash(UserId id, const std::string& password_hash,
                                          std::string_view kept_session_token, const Acting& who) {
    std::string kept_hash = sha256_hex(kept_session_token);
    return db_.write([&](SqlConnection& c) -> Result<void> {
        if (c.execute_with(kSetPassword, password_hash, c.now_seconds(), id.value) == 0)
            return std::unexpected(Error::not_found("No such user."));
        // Whoever knew the old password may be signed in elsewhere: those sessions end
        // (ASVS 7.4.3).
        c.execute_with(kEndOtherSessions, id.value, kept_hash);
        append_audit(c, who, "change_password", "user", std::to_string(id.value));
        return {};
    });
}

}  // namespace sendhub
