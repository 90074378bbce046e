#include "service/travel.hpp"

#include "core/pricing.hpp"

namespace sendhub {

std::optional<GeoPoint> school_point(Services& s, SchoolUrn urn) {
    auto school = s.schools.find(urn);
    if (!school || !school->latitude || !school->longitude) return std::nullopt;
    return GeoPoint{*school->latitude, *school->longitude};
}

std::optional<std::int64_t> return_tenths(const Practitioner& p, std::optional<GeoPoint> school,
                                          double circuity) {
    if (!school || !p.home_latitude || !p.home_longitude) return std::nullopt;
    return estimated_return_tenths({*p.home_latitude, *p.home_longitude}, *school, circuity);
}

}  // namespace sendhub
