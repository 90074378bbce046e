#pragma once
// Where schools and practitioners' homes are, for travel estimates.
#include <optional>

#include "core/geo.hpp"
#include "core/practitioner.hpp"
#include "core/school.hpp"
#include "service/services.hpp"

namespace sendhub {

[[nodiscard]] std::optional<GeoPoint> school_point(Services& s, SchoolUrn urn);
//! Home → school → home in tenths of a mile, estimated; nullopt when either place is unknown.
[[nodiscard]] std::optional<std::int64_t> return_tenths(const Practitioner& p,
                                                        std::optional<GeoPoint> school,
                                                        double circuity);

}  // namespace sendhub
