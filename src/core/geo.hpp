#pragma once
// Distances on the Earth's surface, for travel estimates.

namespace sendhub {

struct GeoPoint {
    double latitude = 0;
    double longitude = 0;
};

//! Great-circle distance in statute miles (haversine, mean Earth radius 3958.8 mi).
[[nodiscard]] double straight_line_miles(GeoPoint a, GeoPoint b);

}  // namespace sendhub
