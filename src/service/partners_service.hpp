#pragma once
// Partnerships and a school's history with the trust: the operations behind the pages and
// /api/v1/partnerships and /api/v1/schools/{urn}/history.
#include "core/partnership.hpp"
#include "core/policy.hpp"
#include "service/services.hpp"

namespace sendhub {

[[nodiscard]] Result<Partnership> create_partnership(Services& s, const PartnershipInput& input,
                                                     const Acting& who);
//! One partnership; a school's staff see only those naming their school (others 404).
[[nodiscard]] Result<Partnership> get_partnership(Services& s, const Actor& actor,
                                                  PartnershipId id);
[[nodiscard]] Page<Partnership> list_partnerships(Services& s, const Actor& actor,
                                                  PartnershipFilter filter);
[[nodiscard]] Result<Partnership> update_partnership(Services& s, PartnershipId id,
                                                     const PartnershipInput& input,
                                                     const Acting& who);
[[nodiscard]] Result<Partnership> end_partnership(Services& s, PartnershipId id,
                                                  std::string_view ends_on, std::string_view reason,
                                                  const Acting& who);
//! The school's whole history with the trust (a school's staff: only their own, else 404).
[[nodiscard]] Result<SchoolHistory> school_history(Services& s, const Actor& actor, SchoolUrn urn);

}  // namespace sendhub
