#include "core/pricing.hpp"

#include <gtest/gtest.h>

namespace sendhub {

TEST(Pricing, TheContractExampleCostsFiveHundredAndEightyTwoPoundsSixty) {
    // Teacher level, three 1-day visits of 14 miles each: 3 × 19000 + 42 × 30 = 58260.
    std::int64_t total =
        3 * charge_for_days(2, 19000) + charge_for_miles(std::int64_t{3} * 140, 30);
    EXPECT_EQ(total, 58260);
}

TEST(Pricing, ChargesHalfDaysAtHalfTheDayRateRoundingHalfUp) {
    EXPECT_EQ(charge_for_days(1, 19000), 9500);
    EXPECT_EQ(charge_for_days(1, 8701), 4351);  // 4350.5 rounds up
    EXPECT_EQ(charge_for_days(3, 25000), 37500);
    EXPECT_EQ(charge_for_days(0, 25000), 0);
}

TEST(Pricing, ChargesMilesToOneDecimalPlace) {
    EXPECT_EQ(charge_for_miles(145, 30), 435);  // 14.5 miles
    EXPECT_EQ(charge_for_miles(1, 45), 5);      // 0.1 mile at 45p is 4.5p: half up to 5p
    EXPECT_EQ(charge_for_miles(0, 30), 0);
}

TEST(Pricing, TenthsReadAsPeopleWriteThem) {
    EXPECT_EQ(format_tenths(140), "14");
    EXPECT_EQ(format_tenths(145), "14.5");
    EXPECT_EQ(format_tenths(5), "0.5");
}

TEST(Pricing, AQuoteListsSessionsReportWritingAndTravel) {
    AgreementTerms terms{.type = "Observation",
                         .level = Grade::teacher,
                         .frequency = Frequency::weekly,
                         .sessions = 3,
                         .session_half_days = 2,
                         .start_date = {},
                         .report_writing_half_days = 1,
                         .outcomes = {"x"}};
    auto q = quote_agreement(terms, {19000, 30}, 280);
    ASSERT_EQ(q.lines.size(), 3u);
    EXPECT_EQ(q.lines[0].amount_pence, 57000);
    EXPECT_EQ(q.lines[1].amount_pence, 9500);
    EXPECT_EQ(q.travel_miles_estimate_tenths, 840);
    EXPECT_EQ(q.lines[2].amount_pence, 2520);
    EXPECT_EQ(q.total_pence, 57000 + 9500 + 2520);
}

TEST(Pricing, PractitionersSeeOnlyTheTravelPartOfAQuote) {
    AgreementTerms terms{.type = "Observation",
                         .level = Grade::slt,
                         .frequency = Frequency::one_off,
                         .sessions = 1,
                         .session_half_days = 2,
                         .start_date = {},
                         .report_writing_half_days = 1,
                         .outcomes = {"x"}};
    auto q = travel_only(quote_agreement(terms, {25000, 30}, 280));
    ASSERT_EQ(q.lines.size(), 1u);
    EXPECT_TRUE(q.lines[0].travel);
    EXPECT_EQ(q.total_pence, 840);
}

TEST(Pricing, TravelIsAReturnJourneyWithTheCircuityFactor) {
    GeoPoint taunton{51.0153, -3.1062};
    GeoPoint exeter{50.7236, -3.5275};
    auto tenths = estimated_return_tenths(taunton, exeter, 1.4);
    EXPECT_NEAR(static_cast<double>(tenths) / 10.0, 2 * 1.4 * straight_line_miles(taunton, exeter),
                0.06);
    EXPECT_EQ(estimated_return_tenths(taunton, taunton, 1.4), 0);
}

}  // namespace sendhub
