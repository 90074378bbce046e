#pragma once
// Display view models of records (labels instead of codes, blanks for unknowns).
#include <nlohmann/json.hpp>

#include "core/practitioner.hpp"
#include "core/school.hpp"
#include "core/user.hpp"

namespace sendhub {

//! A stored date ("2026-12-14") as pages show it ("14 December 2026"); text that is not a
//! date (a draft's unfinished answer) as it was typed.
[[nodiscard]] std::string readable_date(std::string_view iso);
[[nodiscard]] nlohmann::json school_view(const School& school);
[[nodiscard]] nlohmann::json practitioner_view(const Practitioner& practitioner);
[[nodiscard]] nlohmann::json user_view(const User& user);
//! "?a=1&b=2" from the non-empty pairs, for links that keep the current filters.
[[nodiscard]] std::string query_string(
    const std::vector<std::pair<std::string, std::string>>& pairs);

}  // namespace sendhub
