#pragma once
// The three terms of a school year by name (autumn, spring, summer), for rules that say
// "once a term" whatever a local authority's exact dates: autumn is September to December,
// spring January to Easter Sunday, summer Easter Monday to August. Pure C++, no I/O.
#include <span>
#include <string>

#include "core/dates.hpp"
#include "core/vocabulary.hpp"

namespace sendhub {

enum class TermSeason { autumn, spring, summer };
[[nodiscard]] std::span<const Term<TermSeason>> term_season_terms();

struct TermPeriod {
    std::string academic_year;  // "2026-27"
    TermSeason season = TermSeason::autumn;
    friend bool operator==(const TermPeriod&, const TermPeriod&) = default;
};

//! Easter Sunday of a year (the Gregorian computus).
[[nodiscard]] Date easter_sunday(int year);
[[nodiscard]] TermPeriod term_period_of(Date date);
//! "autumn term 2026-27"
[[nodiscard]] std::string describe(const TermPeriod& period);

}  // namespace sendhub
