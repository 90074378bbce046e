#include "core/user.hpp"

#include "core/email.hpp"
#include "core/text.hpp"

namespace sendhub {
namespace {
// A SENCO belongs to exactly one school; a practitioner may be linked to their record.
void apply_role(Validator& v, User& user, std::string_view role_text, std::string_view school_text,
                std::string_view practitioner_text) {
    auto role = parse_role(trim(role_text));
    if (!role) {
        v.fail("role", "invalid", "Select a role");
        return;
    }
    user.role = *role;
    user.school_urn.reset();
    user.practitioner_id.reset();
    auto school = trim(school_text);
    if (user.role == Role::senco) {
        auto urn = parse_int(school);
        if (!urn || *urn < 100000 || *urn > 999999) v.fail("school_urn", "required", "Enter the URN of the SENCO's school");
        else user.school_urn = SchoolUrn{*urn};
    }
    auto practitioner = trim(practitioner_text);
    if (user.role == Role::practitioner && !practitioner.empty()) {
        auto id = parse_int(practitioner);
        if (!id || *id <= 0) v.fail("practitioner_id", "invalid", "Select the practitioner record");
        else user.practitioner_id = PractitionerId{*id};
    }
}
}  // namespace

std::optional<FieldError> check_password(std::string_view password, std::string_view field) {
    auto length = utf8_length(password);
    if (length < kMinPasswordLength)
        return FieldError{std::string(field), "too_short", "Password must be 12 characters or more"};
    if (length > kMaxPasswordLength)
        return FieldError{std::string(field), "too_long", "Password must be 256 characters or fewer"};
    return std::nullopt;
}

Result<User> validate_new_user(const UserInput& input) {
    Validator v;
    User user;
    auto email = normalise_email(input.email);
    if (!email) v.fail("email", "invalid", "Enter an email address in the correct format, like name@example.org");
    else user.email = *email;
    user.name = v.required_text("name", input.name, "Enter the person's name", "Name", 120);
    apply_role(v, user, input.role, input.school_urn, input.practitioner_id);
    if (auto problem = check_password(input.password)) v.fail(problem->field, problem->code, problem->message);
    if (!v.ok()) return std::unexpected(std::move(v).error());
    return user;
}

Result<User> validate_role_change(User user, std::string_view role, std::string_view school_urn,
                                  std::string_view practitioner_id) {
    Validator v;
    apply_role(v, user, role, school_urn, practitioner_id);
    if (!v.ok()) return std::unexpected(std::move(v).error());
    return user;
}

}  // namespace sendhub
