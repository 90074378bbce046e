#pragma once
// What waits for the signed-in person, counted for their home page and GET /api/v1/me/waiting.
#include <vector>

#include "core/policy.hpp"
#include "core/waiting.hpp"
#include "service/services.hpp"

namespace sendhub {

//! The actor's piles in the order their role sees them (core waiting_for), each counted
//! within what they may see: a school's staff their school, a practitioner their own visits.
[[nodiscard]] std::vector<Waiting> what_waits(Services& s, const Actor& actor);

}  // namespace sendhub
