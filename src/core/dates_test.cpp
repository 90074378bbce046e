#include "core/dates.hpp"

#include <gtest/gtest.h>

namespace sendhub {
using namespace std::chrono;

TEST(Dates, ParsesOnlyRealCalendarDays) {
    EXPECT_TRUE(parse_date("2026-02-28"));
    EXPECT_TRUE(parse_date("2028-02-29"));
    EXPECT_FALSE(parse_date("2026-02-29"));
    EXPECT_FALSE(parse_date("2026-13-01"));
    EXPECT_FALSE(parse_date("2026-1-01"));
    EXPECT_FALSE(parse_date("26-01-01x"));
    EXPECT_FALSE(parse_date(""));
}

TEST(Dates, FormatsRoundTrip) {
    EXPECT_EQ(format_date(*parse_date("2026-11-03")), "2026-11-03");
    auto t = parse_timestamp("2026-11-23T09:14:03Z");
    ASSERT_TRUE(t);
    EXPECT_EQ(format_timestamp(*t), "2026-11-23T09:14:03Z");
}

TEST(Dates, LondonIsOneHourAheadOfUtcInSummer) {
    // 23:30 UTC on 1 July is 00:30 BST on 2 July.
    EXPECT_EQ(format_date(london_date(*parse_timestamp("2026-07-01T23:30:00Z"))), "2026-07-02");
    // In winter London keeps GMT.
    EXPECT_EQ(format_date(london_date(*parse_timestamp("2026-12-01T23:30:00Z"))), "2026-12-01");
}

TEST(Dates, SummerTimeStartsAndEndsAtOneUtcOnTheLastSundays) {
    // 2026: BST from 29 March 01:00 UTC to 25 October 01:00 UTC.
    EXPECT_EQ(format_date(london_date(*parse_timestamp("2026-03-28T23:30:00Z"))), "2026-03-28");
    EXPECT_EQ(format_date(london_date(*parse_timestamp("2026-10-24T23:30:00Z"))), "2026-10-25");
    EXPECT_EQ(format_date(london_date(*parse_timestamp("2026-10-25T23:30:00Z"))), "2026-10-25");
}

TEST(Dates, ShowsPeopleLondonLocalTime) {
    EXPECT_EQ(format_london_time(*parse_timestamp("2026-07-01T23:30:00Z")),
              "2 July 2026 at 12:30am");
    EXPECT_EQ(format_london_time(*parse_timestamp("2026-12-01T09:05:59Z")),
              "1 December 2026 at 9:05am");
    EXPECT_EQ(format_london_time(*parse_timestamp("2026-12-01T12:00:00Z")),
              "1 December 2026 at 12:00pm");
}

TEST(Dates, FormatsEmailDates) {
    EXPECT_EQ(format_rfc5322(*parse_timestamp("2026-11-23T09:14:03Z")),
              "Mon, 23 Nov 2026 09:14:03 +0000");
}

TEST(Dates, FormatsLongDatesForPeople) {
    EXPECT_EQ(format_long_date(*parse_date("2027-01-04")), "Monday 4 January 2027");
    EXPECT_EQ(format_long_date(*parse_date("2026-12-19")), "Saturday 19 December 2026");
    EXPECT_EQ(format_long_date(*parse_date("2028-02-29")), "Tuesday 29 February 2028");
    EXPECT_EQ(format_month_year(*parse_date("2027-09-30")), "September 2027");
    EXPECT_EQ(format_day_month_year(*parse_date("2026-12-14")), "14 December 2026");
    EXPECT_EQ(format_day_month_year(*parse_date("2027-01-04")), "4 January 2027");
}

TEST(Dates, CountsDaysBetweenDates) {
    EXPECT_EQ(days_between(*parse_date("2026-11-23"), *parse_date("2026-11-30")), 7);
    EXPECT_EQ(days_between(*parse_date("2026-12-31"), *parse_date("2027-01-01")), 1);
}

TEST(Dates, SaysWhatIsWrongWithATypedDateTheGovUkWay) {
    struct Case {
        std::string_view typed;
        std::string_view expected;
    };
    for (const auto& c : std::initializer_list<Case>{
             {"", "Enter the start date"},
             {"  ", "Enter the start date"},
             {"2027-02-30", "The start date must be a real date"},
             {"14/12/2026", "The start date must be a real date"},
             {"2027-13-1", "The start date must be a real date"},
         })
        EXPECT_EQ(date_problem(c.typed, "the start date"), c.expected) << c.typed;
}

}  // namespace sendhub
