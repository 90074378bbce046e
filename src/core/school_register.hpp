#pragma once
// Joins the DfE schools register (coordinates) to the January school census on URN,
// producing School records for import, and says why any row was rejected.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/csv.hpp"
#include "core/school.hpp"

namespace sendhub {

struct RegisterRejection {
    std::size_t line = 0;  // 1-based line in the register file (header is line 1)
    std::string urn;
    std::string reason;
};

struct RegisterJoin {
    std::vector<School> schools;
    std::vector<RegisterRejection> rejected;
    std::size_t outside_filter = 0;  // rows skipped because their LA was not asked for
};

struct RegisterSources {
    const CsvTable& register_table;     // schools/england_school_coords_*.csv
    const CsvTable& census;             // sen_school_level/england_census_*.csv
    const CsvTable& local_authorities;  // sen_school_level/la_and_region_codes_meta*.csv
};

//! Joins the tables; when `la_codes` is non-empty only schools in those LAs are kept.
[[nodiscard]] Result<RegisterJoin> join_school_register(const RegisterSources& sources,
                                                        const std::set<int>& la_codes);

//! The eleven South West local authorities (shared/data/README.md).
[[nodiscard]] const std::set<int>& south_west_la_codes();

}  // namespace sendhub
