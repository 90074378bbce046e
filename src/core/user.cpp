#include "core/user.hpp"

#include <algorithm>
#include <cctype>

#include "core/email.hpp"
#include "core/text.hpp"

namespace sendhub {
namespace {
// A school's staff belong to exactly one school; a practitioner may be linked to their record.
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
    if (is_school_role(user.role)) {
        auto urn = parse_int(school);
        if (!urn || *urn < 100000 || *urn > 999999)
            v.fail("school_urn", "required", "Enter the URN of the person's school");
        else
            user.school_urn = SchoolUrn{*urn};
    }
    auto practitioner = trim(practitioner_text);
    if (user.role == Role::practitioner && !practitioner.empty()) {
        auto id = parse_int(practitioner);
        if (!id || *id <= 0)
            v.fail("practitioner_id", "invalid", "Select the practitioner record");
        else
            user.practitioner_id = PractitionerId{*id};
    }
}
}  // namespace

bool is_guessable_password(std::string_view password) {
    // OWASP ASVS 5.0 6.2.4: refuse the passwords attackers try first. Only passwords of 12
    // or more characters reach here, so the list holds the common ones of that length.
    static constexpr std::string_view kCommon[] = {
        "password1234",     "password12345",    "password123!",  "password2024",  "password2025",
        "password2026",     "passwordpassword", "123456789012",  "1234567890123", "12345678901234",
        "1234567890ab",     "qwertyuiopas",     "qwerty123456",  "qwertyuiop12",  "qwertyuiop123",
        "1q2w3e4r5t6y",     "zaq12wsxcde3",     "iloveyou1234",  "letmein12345",  "welcome12345",
        "welcome123456",    "changeme1234",     "administrator", "abcdefghijkl",  "abc123abc123",
        "football1234",     "monkey123456",     "princess1234",  "sunshine1234",  "superman1234",
        "trustno1trustno1", "teacher12345",     "school123456",  "sendhub12345",  "sencosenco12",
    };
    auto lower = to_lower(password);
    if (std::ranges::find(kCommon, std::string_view(lower)) != std::end(kCommon)) return true;
    // One character, or a chunk of up to four, over and over ("aaaaaaaaaaaa", "abcabcabcabc",
    // twelve spaces).
    for (std::size_t chunk = 1; chunk <= 4; ++chunk) {
        bool repeats = true;
        for (std::size_t i = chunk; i < lower.size() && repeats; ++i)
            repeats = lower[i] == lower[i - chunk];
        if (repeats) return true;
    }
    // A straight run up or down the keyboard's digits or the alphabet ("abcdefghijklm",
    // "9876543210987").
    auto run = [&](int step) {
        for (std::size_t i = 1; i < lower.size(); ++i) {
            int previous = static_cast<unsigned char>(lower[i - 1]);
            int current = static_cast<unsigned char>(lower[i]);
            bool digit_wrap = std::isdigit(previous) && std::isdigit(current) &&
                              (previous - '0' + 10 + step) % 10 == current - '0';
            if (current - previous != step && !digit_wrap) return false;
        }
        return true;
    };
    return run(1) || run(-1);
}

std::optional<FieldError> check_password(std::string_view password, std::string_view field) {
    auto length = utf8_length(password);
    if (length < kMinPasswordLength)
        return FieldError{std::string(field), "too_short",
                          "Password must be 12 characters or more"};
    if (length > kMaxPasswordLength)
        return FieldError{std::string(field), "too_long",
                          "Password must be 256 characters or fewer"};
    if (is_guessable_password(password))
        return FieldError{
            std::string(field), "too_common",
            "This password is too easy to guess. Choose a few unrelated words instead"};
    return std::nullopt;
}

Result<User> validate_new_user(const UserInput& input) {
    Validator v;
    User user;
    auto email = normalise_email(input.email);
    if (!email)
        v.fail("email", "invalid",
               "Enter an email address in the correct format, like name@example.org");
    else
        user.email = *email;
    user.name = v.required_text("name", input.name, "Enter the person's name", "Name", 120);
    apply_role(v, user, input.role, input.school_urn, input.practitioner_id);
    if (auto problem = check_password(input.password))
        v.fail(problem->field, problem->code, problem->message);
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
