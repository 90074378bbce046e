#include "core/geo.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace sendhub {

double straight_line_miles(GeoPoint a, GeoPoint b) {
    constexpr double kEarthRadiusMiles = 3958.8;
    constexpr double kRadians = std::numbers::pi / 180.0;
    double dlat = (b.latitude - a.latitude) * kRadians;
    double dlon = (b.longitude - a.longitude) * kRadians;
    double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
               std::cos(a.latitude * kRadians) * std::cos(b.latitude * kRadians) *
                   std::sin(dlon / 2) * std::sin(dlon / 2);
    return 2 * kEarthRadiusMiles * std::asin(std::min(1.0, std::sqrt(h)));
}

}  // namespace sendhub
