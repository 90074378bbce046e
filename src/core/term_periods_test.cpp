#include "core/term_periods.hpp"

#include <gtest/gtest.h>

namespace sendhub {
namespace {

Date d(int y, unsigned m, unsigned day) {
    return std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{day};
}

}  // namespace

TEST(TermPeriods, EasterSundayMatchesTheCalendar) {
    EXPECT_EQ(easter_sunday(2024), d(2024, 3, 31));
    EXPECT_EQ(easter_sunday(2025), d(2025, 4, 20));
    EXPECT_EQ(easter_sunday(2026), d(2026, 4, 5));
    EXPECT_EQ(easter_sunday(2027), d(2027, 3, 28));
    EXPECT_EQ(easter_sunday(2038), d(2038, 4, 25));
}

TEST(TermPeriods, EachDateFallsInOneNamedTerm) {
    struct Case {
        Date date;
        std::string year;
        TermSeason season;
    };
    for (const Case& c : {
             Case{d(2026, 9, 1), "2026-27", TermSeason::autumn},
             Case{d(2026, 12, 31), "2026-27", TermSeason::autumn},
             Case{d(2027, 1, 1), "2026-27", TermSeason::spring},
             Case{d(2027, 3, 28), "2026-27", TermSeason::spring},  // Easter Sunday
             Case{d(2027, 3, 29), "2026-27", TermSeason::summer},  // Easter Monday
             Case{d(2027, 8, 31), "2026-27", TermSeason::summer},
             Case{d(2026, 4, 5), "2025-26", TermSeason::spring},
             Case{d(2026, 4, 6), "2025-26", TermSeason::summer},
         }) {
        auto period = term_period_of(c.date);
        EXPECT_EQ(period.academic_year, c.year) << format_date(c.date);
        EXPECT_EQ(period.season, c.season) << format_date(c.date);
    }
    EXPECT_EQ(describe(term_period_of(d(2026, 11, 30))), "autumn term 2026-27");
}

}  // namespace sendhub
