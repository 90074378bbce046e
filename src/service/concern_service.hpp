#pragma once
// Safeguarding concerns and each school's DSL: the operations behind /concerns and the API.
#include <utility>
#include <vector>

#include "core/safeguarding.hpp"
#include "service/services.hpp"

namespace sendhub {

[[nodiscard]] Result<Dsl> get_dsl(Services& s, const Actor& actor, SchoolUrn school);
[[nodiscard]] Result<Dsl> set_dsl(Services& s, const Actor& actor, SchoolUrn school,
                                  std::string_view name, std::string_view email, const Acting& who);

//! The visit's own practitioner records a concern; the school's DSL is emailed a link.
[[nodiscard]] Result<ConcernRecord> raise_concern(Services& s, const Actor& actor,
                                                  std::int64_t visit_id, const ConcernInput& input,
                                                  const Acting& who);

struct SeenConcern {
    ConcernRecord record;
    ConcernAccess access = ConcernAccess::none;
};
//! The concerns the actor may know of, newest first, each with how much they may read.
[[nodiscard]] std::vector<SeenConcern> list_concerns(Services& s, const Actor& actor,
                                                     std::optional<ConcernStatus> status);
[[nodiscard]] Result<SeenConcern> get_concern(Services& s, const Actor& actor, ConcernId id);
[[nodiscard]] Result<SeenConcern> acknowledge_concern(Services& s, const Actor& actor, ConcernId id,
                                                      const Acting& who);

}  // namespace sendhub
