#include "core/visit_calendar.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

namespace sendhub {
namespace {
Date d(int y, unsigned m, unsigned day) {
    return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{day}};
}

// Spring term 2027 from Monday 4 January, twelve weeks.
const Date kFirst = d(2027, 1, 4), kLast = d(2027, 3, 26);
}  // namespace

TEST(VisitCalendar, DiaryKeepsWorkingDaysLeaveAndBookings) {
    auto pattern = *parse_working_days(std::vector<std::string>{"mon", "tue", "wed"});
    Leave half_term{LeaveId{1}, d(2027, 2, 15), d(2027, 2, 19), ""};
    std::map<Date, int> booked{{d(2027, 1, 5), 2}, {d(2027, 1, 6), 1}};
    auto diary = make_diary(kFirst, kLast, pattern, std::vector<Leave>{half_term}, 2, booked);
    EXPECT_EQ(weeks_in(diary), 12);
    EXPECT_EQ(diary.free_half_days[0], 2);  // Monday 4th
    EXPECT_EQ(diary.free_half_days[1], 0);  // Tuesday 5th, booked
    EXPECT_EQ(diary.free_half_days[2], 1);  // Wednesday 6th, half booked
    EXPECT_EQ(diary.free_half_days[3], 0);  // Thursday: not a working day
    EXPECT_EQ(diary.week_half_days[0], 1);  // two days a week, one and a half booked
    // Week 1: half a day; half term (week 6): nothing; ten other weeks at two days.
    EXPECT_EQ(diary_capacity(diary), 1 + 10 * 4);
}

TEST(VisitCalendar, FortnightlyVisitsKeepTheirRhythm) {
    auto diary = make_diary(kFirst, kLast, WorkingPattern{}, {}, 5, {});
    std::vector<VisitSeries> series{{6, 2, 2, 0}};
    auto placed = place_visits(diary, series);
    ASSERT_TRUE(placed[0].complete);
    ASSERT_EQ(placed[0].dates.size(), 6u);
    for (std::size_t k = 1; k < 6; ++k)
        EXPECT_EQ(days_between(placed[0].dates[k - 1], placed[0].dates[k]), 14);
}

TEST(VisitCalendar, AFullWeekPushesAnotherVisitAside) {
    // One day a week; a one-off could sit anywhere but is placed first in week 0 unless moved.
    auto diary = make_diary(kFirst, d(2027, 1, 15),
                            *parse_working_days(std::vector<std::string>{"mon", "tue"}), {}, 1, {});
    std::vector<VisitSeries> series{{2, 2, 1, 0}, {1, 2, 0, 0}};
    auto placed = place_visits(diary, series);
    EXPECT_TRUE(placed[0].complete);
    EXPECT_FALSE(placed[1].complete);  // two weeks, one day each: the weekly visits take both
    std::vector<VisitSeries> lighter{{1, 2, 1, 1}, {1, 2, 0, 0}};
    auto both = place_visits(diary, lighter);
    EXPECT_TRUE(both[0].complete);
    EXPECT_TRUE(both[1].complete);
}

}  // namespace sendhub
