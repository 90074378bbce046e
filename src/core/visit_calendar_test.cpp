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

TEST(VisitCalendar, VisitsKeepToSchoolDaysFromThePreferredDate) {
    auto diary = make_diary(kFirst, kLast, WorkingPattern{}, {}, 5, {});
    VisitSeries weekly{.visits = 3, .session_half_days = 2, .every_weeks = 1};
    weekly.earliest_day = 2;  // preferred Wednesday 6 January
    weekly.school_closed.assign(diary.free_half_days.size(), false);
    for (std::size_t day = 0; day < weekly.school_closed.size(); ++day)
        weekly.school_closed[day] = day % 7 >= 5;  // weekends (the term starts on a Monday)
    weekly.school_closed[2] = weekly.school_closed[3] = true;  // INSET Wednesday and Thursday
    for (int day = 7; day < 12; ++day) weekly.school_closed[day] = true;  // a closed week
    EXPECT_EQ(open_weeks(diary, weekly), (std::vector<int>{0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}));

    std::vector<VisitSeries> series{weekly};
    auto placed = place_visits(diary, series);
    // Week 0 has only Friday 8th; the closed week is skipped, not failed; Fridays follow.
    ASSERT_TRUE(placed[0].complete);
    EXPECT_EQ(placed[0].dates, (std::vector<Date>{d(2027, 1, 8), d(2027, 1, 22), d(2027, 1, 29)}));

    // A one-off visit asked for from Thursday never lands on the Monday to Wednesday before it.
    VisitSeries once{.visits = 1, .session_half_days = 2, .every_weeks = 0, .earliest_day = 3};
    std::vector<VisitSeries> one{once};
    EXPECT_EQ(place_visits(diary, one)[0].dates, std::vector<Date>{d(2027, 1, 7)});
    EXPECT_FALSE(series_may_visit(once, 2));
    EXPECT_TRUE(series_may_visit(once, 3));
}

}  // namespace sendhub
