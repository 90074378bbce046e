#pragma once
// The five roles of sendhub (api-contract.md, Users and sign-in).
#include <optional>
#include <span>
#include <string_view>

#include "core/vocabulary.hpp"

namespace sendhub {

enum class Role { admin, coordinator, practitioner, senco, finance };

[[nodiscard]] std::span<const Term<Role>> role_terms();
[[nodiscard]] std::optional<Role> parse_role(std::string_view code);
[[nodiscard]] std::string_view role_code(Role role);
[[nodiscard]] std::string_view role_label(Role role);

}  // namespace sendhub
