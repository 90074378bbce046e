#pragma once
// The January school census and the EHC plans by primary need (api-contract-insight.md): how
// the DfE files are read, how a school's figures and an aggregate's are worked out, and how
// the trust's schools are sorted. Pure rules with table tests; import and pages build on them.
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/csv.hpp"
#include "core/error.hpp"
#include "core/role.hpp"

namespace sendhub {

//! One school's counts; a count the census leaves blank or "NA" is missing.
struct CensusCounts {
    std::optional<std::int64_t> pupils;       // NOR
    std::optional<std::int64_t> ehcp;         // TSENELSE
    std::optional<std::int64_t> sen_support;  // TSENELK
    [[nodiscard]] bool complete() const { return pupils && ehcp && sen_support; }
};

//! The sum of the schools whose three counts are all present; `schools` counts them.
struct CensusTotals {
    std::int64_t schools = 0;
    std::int64_t pupils = 0;
    std::int64_t ehcp = 0;
    std::int64_t sen_support = 0;
    void add(const CensusCounts& counts);
};

//! What is shown: counts and percentages of pupils in tenths of a percent (12.3 % is 123).
struct CensusFigures {
    std::optional<std::int64_t> pupils;
    std::optional<std::int64_t> ehcp;
    std::optional<std::int64_t> sen_support;
    std::optional<std::int64_t> ehcp_pct_tenths;
    std::optional<std::int64_t> sen_support_pct_tenths;
};

//! 100 × count ÷ pupils in tenths, half up; none when either is missing or pupils is 0.
[[nodiscard]] std::optional<std::int64_t> percent_tenths(std::optional<std::int64_t> count,
                                                         std::optional<std::int64_t> of);
[[nodiscard]] CensusFigures figures_of(const CensusCounts& counts);
[[nodiscard]] CensusFigures figures_of(const CensusTotals& totals);
//! "12.3"
[[nodiscard]] std::string format_one_decimal(std::int64_t tenths);

//! A census count: digits only; blank, "NA" or anything else is missing.
[[nodiscard]] std::optional<std::int64_t> parse_census_count(std::string_view text);

struct CensusRow {
    std::int64_t urn = 0;
    int la_code = 0;
    std::string school_type;
    CensusCounts counts;
};
//! The schools of a census file (national `NAT` rows skipped); 422 naming the first column
//! the file lacks or the first line whose URN or LA is not a number.
[[nodiscard]] Result<std::vector<CensusRow>> read_census(const CsvTable& table);
//! "england_census_2024-25.csv" → 2025, the January of that school year.
[[nodiscard]] std::optional<int> census_year_of(std::string_view filename);

//! Aggregates by local authority (0: England) and school type ("": every type).
using CensusGroupKey = std::pair<int, std::string>;
[[nodiscard]] std::map<CensusGroupKey, CensusTotals> census_groups(std::span<const CensusRow> rows);

//! The primary needs of EHC plans, in the DfE's order.
inline constexpr std::array<std::string_view, 12> kPrimaryNeeds{
    "ASD", "HI", "MLD", "MSI", "OTH", "PD", "PMLD", "SEMH", "SLCN", "SLD", "SPLD", "VI"};
//! What each code means, for people ("Autistic spectrum disorder").
[[nodiscard]] std::string_view primary_need_label(std::string_view code);

struct LocalAuthorityNeeds {
    int year = 0;  // the January of the school year ("202425" → 2025)
    int la_code = 0;
    std::string la_name;
    std::int64_t total = 0;
    std::int64_t unknown = 0;
    std::vector<std::pair<std::string, std::int64_t>> needs;  // in kPrimaryNeeds order
};
//! The `Local authority` rows of `All EHC plans` in sen_needs_all_plans.csv.
[[nodiscard]] Result<std::vector<LocalAuthorityNeeds>> read_ehcp_needs(const CsvTable& table);

//! LA code → name from la_and_region_codes_meta*.csv.
[[nodiscard]] Result<std::map<int, std::string>> read_la_names(const CsvTable& table);

//! Who may read the census figures: the trust's leaders everything; practitioners the figures
//! of any school, authority and England; a SENCO or headteacher their own school beside its
//! authority and England; other roles nothing.
enum class InsightAccess { everything, census_figures, own_school, none };
[[nodiscard]] InsightAccess insight_access(Role role);

//! A figure by its name in the API ("ehcp_pct" in tenths); none for a missing one.
[[nodiscard]] std::optional<std::int64_t> census_figure(const CensusFigures& f,
                                                        std::string_view name);

//! How the trust's table may be sorted: `name`, `urn` or one of the figures.
[[nodiscard]] bool is_census_sort(std::string_view sort);

}  // namespace sendhub
