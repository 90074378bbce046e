#include "core/postcode.hpp"

#include <gtest/gtest.h>

namespace sendhub {

TEST(Postcode, NormalisesCaseAndSpacing) {
    EXPECT_EQ(normalise_postcode("ta13es"), "TA1 3ES");
    EXPECT_EQ(normalise_postcode("  EC2Y 8bb "), "EC2Y 8BB");
    EXPECT_EQ(normalise_postcode("w1a1aa"), "W1A 1AA");
    EXPECT_EQ(normalise_postcode("M1 1AE"), "M1 1AE");
}

TEST(Postcode, RefusesThingsThatAreNotPostcodes) {
    for (const char* bad : {"", "TA1", "12345", "TA1 3E5", "TAA1 3ES", "'; DROP TABLE", "TA1 3ESX"})
        EXPECT_FALSE(normalise_postcode(bad)) << bad;
}

TEST(Postcode, OutcodeIsTheDistrictBeforeTheSpace) {
    EXPECT_EQ(outcode_of("TA1 3ES"), "TA1");
    EXPECT_EQ(outcode_of("EC2Y 8BB"), "EC2Y");
}

}  // namespace sendhub
