#pragma once
// What waits for the signed-in person, counted for their home page and GET /api/v1/me/waiting.
#include <vector>

#include "core/policy.hpp"
#include "core/waiting.hpp"
#include "service/planning_service.hpp"
#include "service/services.hpp"

namespace sendhub {

struct WhatWaits {
    //! The actor's piles in the order their role sees them (core waiting_for), each counted
    //! within what they may see: a school's staff their school, a practitioner their own visits.
    std::vector<Waiting> piles;
    //! The visits behind the clashes pile (coordinators and administrators), found once for
    //! both the count and the home page's list.
    std::vector<Clash> clashes;
};
[[nodiscard]] WhatWaits what_waits(Services& s, const Actor& actor);

}  // namespace sendhub
