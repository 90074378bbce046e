#include "core/role.hpp"

#include <array>

namespace sendhub {
namespace {
constexpr std::array<Term<Role>, 8> kRoles{{
    {Role::admin, "admin", "Trust administrator"},
    {Role::coordinator, "coordinator", "Outreach coordinator"},
    {Role::practitioner, "practitioner", "Practitioner"},
    {Role::partnerships, "partnerships", "Partnerships lead"},
    {Role::finance, "finance", "Finance"},
    {Role::senco, "senco", "School SENCO"},
    {Role::headteacher, "headteacher", "Headteacher"},
    {Role::school_staff, "school_staff", "School staff"},
}};
}  // namespace

std::span<const Term<Role>> role_terms() {
    return kRoles;
}
std::optional<Role> parse_role(std::string_view code) {
    return parse_term(role_terms(), code);
}
std::string_view role_code(Role role) {
    return term_of(role_terms(), role).code;
}
std::string_view role_label(Role role) {
    return term_of(role_terms(), role).label;
}
bool is_school_role(Role role) {
    return role == Role::senco || role == Role::headteacher || role == Role::school_staff;
}
std::optional<Role> parse_school_role(std::string_view code) {
    auto role = parse_role(code);
    if (!role || !is_school_role(*role)) return std::nullopt;
    return role;
}

}  // namespace sendhub
