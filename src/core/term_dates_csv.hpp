#pragma once
// Term dates for many local authorities at once, from a spreadsheet saved as CSV: one row
// per term, with the authority's DfE code and the academic year. Closure (INSET) days go in
// the `closures` column of any of that year's rows, separated by spaces or semicolons.
//   la_code,academic_year,starts_on,ends_on,half_term_starts_on,half_term_ends_on,closures
//   933,2026-27,2026-09-03,2026-12-18,2026-10-26,2026-10-30,2026-09-03
// Pure C++, no I/O.
#include <string_view>
#include <vector>

#include "core/school_days.hpp"

namespace sendhub {

struct AuthorityTermDates {
    int la_code = 0;
    TermDates dates;
};

inline constexpr std::size_t kMaxTermDateRows = 2000;

//! Every authority-year in the file, each checked as validate_term_dates checks one; any
//! problem refuses the whole file, on field `csv`, naming the row ("Row 4: ...").
[[nodiscard]] Result<std::vector<AuthorityTermDates>> parse_term_dates_csv(std::string_view text);

}  // namespace sendhub
