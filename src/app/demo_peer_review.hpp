#pragma once
// Demo peer review: a Somerset primary cluster (the demo school and three neighbouring
// primaries, two of whose SENCOs can sign in) with a Partnership Day, Reality & Goals, a
// published review of the demo school with actions in progress and a draft review the demo
// SENCO is reviewing; and a cross-phase cluster of the trust's academies and a secondary.
#include <cstdio>

#include "core/acting.hpp"
#include "core/error.hpp"
#include "core/school.hpp"
#include "service/services.hpp"

namespace sendhub {

[[nodiscard]] Result<void> load_demo_peer_review(Services& s, const Actor& coordinator,
                                                 const Actor& senco, const School& senco_school,
                                                 const std::vector<School>& academies,
                                                 const Acting& who, std::FILE* out);

}  // namespace sendhub
