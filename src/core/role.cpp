#include "core/role.hpp"

#include <array>

namespace sendhub {
namespace {
constexpr std::array<Term<Role>, 5> kRoles{{
    {Role::admin, "admin", "Trust administrator"},
    {Role::coordinator, "coordinator", "Outreach coordinator"},
    {Role::practitioner, "practitioner", "Practitioner"},
    {Role::senco, "senco", "School SENCO"},
    {Role::finance, "finance", "Finance"},
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

}  // namespace sendhub
