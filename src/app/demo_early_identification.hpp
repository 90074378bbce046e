#pragma once
// Demo early identification: two educational psychologists and two speech and language
// therapists (one can sign in), therapists named for the demo school and the trust's
// academies, a year of screening rounds across the three programmes, an audit with its action
// plan, the educational psychology day rate, and an EP request waiting for its agreement.
#include <cstdio>
#include <vector>

#include "core/acting.hpp"
#include "core/error.hpp"
#include "core/school.hpp"
#include "service/services.hpp"

namespace sendhub {

[[nodiscard]] Result<void> load_demo_early_identification(Services& s, const Actor& admin,
                                                          const Actor& coordinator,
                                                          const Actor& senco,
                                                          const School& senco_school,
                                                          const std::vector<School>& academies,
                                                          const Acting& who, std::FILE* out);

}  // namespace sendhub
