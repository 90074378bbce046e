#pragma once
// The roles of sendhub: the trust's staff, and each school's staff who see only their school.
#include <optional>
#include <span>
#include <string_view>

#include "core/vocabulary.hpp"

namespace sendhub {

enum class Role {
    admin,
    coordinator,
    practitioner,
    senco,
    finance,
    headteacher,
    school_staff,
    partnerships,
};

[[nodiscard]] std::span<const Term<Role>> role_terms();
[[nodiscard]] std::optional<Role> parse_role(std::string_view code);
[[nodiscard]] std::string_view role_code(Role role);
[[nodiscard]] std::string_view role_label(Role role);
//! A school's own staff (SENCO, headteacher, school staff): each belongs to one school and
//! sees only that school.
[[nodiscard]] bool is_school_role(Role role);
//! The roles a school's staff register or are invited with.
[[nodiscard]] std::optional<Role> parse_school_role(std::string_view code);

}  // namespace sendhub
