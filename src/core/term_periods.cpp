#include "core/term_periods.hpp"

#include <array>

#include "core/school_days.hpp"

namespace sendhub {
namespace {

constexpr std::array<Term<TermSeason>, 3> kSeasons{{
    {TermSeason::autumn, "autumn", "Autumn term"},
    {TermSeason::spring, "spring", "Spring term"},
    {TermSeason::summer, "summer", "Summer term"},
}};

}  // namespace

std::span<const Term<TermSeason>> term_season_terms() {
    return kSeasons;
}

Date easter_sunday(int year) {
    // Meeus/Jones/Butcher: exact for every Gregorian year.
    const int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
    const int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
    const int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
    return std::chrono::year{year} / std::chrono::month{static_cast<unsigned>(month)} /
           std::chrono::day{static_cast<unsigned>(day)};
}

TermPeriod term_period_of(Date date) {
    const unsigned month = static_cast<unsigned>(date.month());
    TermSeason season = TermSeason::autumn;
    if (month < 9)
        season = std::chrono::sys_days{date} <=
                         std::chrono::sys_days{easter_sunday(static_cast<int>(date.year()))}
                     ? TermSeason::spring
                     : TermSeason::summer;
    return {academic_year_of(date), season};
}

std::string describe(const TermPeriod& period) {
    return std::string(term_of(term_season_terms(), period.season).code) + " term " +
           period.academic_year;
}

}  // namespace sendhub
