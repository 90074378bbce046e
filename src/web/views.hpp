#pragma once
// Display view models of records (labels instead of codes, blanks for unknowns).
#include <nlohmann/json.hpp>

#include "core/practitioner.hpp"
#include "core/school.hpp"
#include "core/user.hpp"

namespace sendhub {

[[nodiscard]] nlohmann::json school_view(const School& school);
[[nodiscard]] nlohmann::json practitioner_view(const Practitioner& practitioner);
[[nodiscard]] nlohmann::json user_view(const User& user);
//! "?a=1&b=2" from the non-empty pairs, for links that keep the current filters.
[[nodiscard]] std::string query_string(
    const std::vector<std::pair<std::string, std::string>>& pairs);

}  // namespace sendhub
