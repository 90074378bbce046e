#pragma once
// JSON shapes of domain records, shared by the API and the audit log.
#include <nlohmann/json.hpp>

#include "core/practitioner.hpp"
#include "core/school.hpp"
#include "core/user.hpp"

namespace sendhub {

enum class HomeAddress { hidden, shown };

[[nodiscard]] nlohmann::json school_json(const School& school);
[[nodiscard]] nlohmann::json practitioner_json(const Practitioner& practitioner, HomeAddress home);
[[nodiscard]] nlohmann::json user_json(const User& user);

}  // namespace sendhub
