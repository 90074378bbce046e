#pragma once
// A school's termly return (api-contract-insight.md): attendance, persistent absence and
// attainment of its pupils on SEN support and with EHC plans, each a percentage or not known.
// Terms are named "2026-27 autumn". Pure C++, no I/O.
#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "core/role.hpp"
#include "core/term_periods.hpp"

namespace sendhub {

struct ReturnMeasure {
    std::string_view code;   // "ehcp_attendance_pct"
    std::string_view label;  // for a person
};
//! The eight measures, SEN support first, in the order pages and CSV files show them.
[[nodiscard]] const std::array<ReturnMeasure, 8>& return_measures();
[[nodiscard]] bool is_return_measure(std::string_view code);

//! "2026-27": a school year of two consecutive years from 2000-01; nullopt otherwise.
[[nodiscard]] std::optional<std::string> parse_school_year(std::string_view text);
//! "2026-27 autumn": a school year of consecutive years and a term; nullopt otherwise.
[[nodiscard]] std::optional<TermPeriod> parse_term_name(std::string_view text);
[[nodiscard]] std::string term_name(const TermPeriod& term);
//! Sorts terms of one year in school order: "2026-27 autumn" before "2026-27 spring".
[[nodiscard]] std::string term_sort_key(const TermPeriod& term);

//! Who reads and writes schools' returns and self-evaluations.
enum class SchoolDataAccess {
    none,        // finance, school staff, practitioners
    read_all,    // the partnerships lead
    write_all,   // administrators and coordinators: every school, and CSV imports
    own_school,  // a SENCO or headteacher: their own school only, reading and writing
};
[[nodiscard]] SchoolDataAccess school_data_access(Role role);

//! As typed or sent: the term, and each measure's text ("" or absent for not known).
struct SchoolReturnInput {
    std::string school_urn;
    std::string term;
    std::map<std::string, std::string> measures;
};
struct SchoolReturnValues {
    std::int64_t school_urn = 0;
    TermPeriod term;
    std::map<std::string, std::optional<double>> measures;  // every measure, known or not
};
//! Every problem at once: `term` and each measure field `invalid`, `school_urn` required.
[[nodiscard]] Result<SchoolReturnValues> validate_school_return(const SchoolReturnInput& input);

}  // namespace sendhub
