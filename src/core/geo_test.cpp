#include "core/geo.hpp"

#include <gtest/gtest.h>

namespace sendhub {

TEST(Geo, TauntonToExeterIsAboutTwentyEightMilesAsTheCrowFlies) {
    GeoPoint taunton{51.0153, -3.1062};
    GeoPoint exeter{50.7236, -3.5275};
    EXPECT_NEAR(straight_line_miles(taunton, exeter), 28.0, 1.5);
    EXPECT_DOUBLE_EQ(straight_line_miles(taunton, taunton), 0.0);
}

}  // namespace sendhub
