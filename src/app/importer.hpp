#pragma once
// Loads the real public data in shared/data: the schools register joined to the census,
// and postcode-district centroids. Idempotent: a second run changes nothing.
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/school_register.hpp"
#include "service/services.hpp"

namespace sendhub {

struct SchoolImportReport {
    std::size_t added = 0;
    std::size_t updated = 0;
    std::size_t unchanged = 0;
    std::size_t outside_filter = 0;
    std::vector<RegisterRejection> rejected;
};

//! Imports schools (all of England when `la_codes` is empty) inside one transaction.
[[nodiscard]] Result<SchoolImportReport> import_schools(Services& s,
                                                        const std::filesystem::path& shared_data,
                                                        const std::set<int>& la_codes,
                                                        const Acting& who);
//! Loads shared_data/postcodes/gibbs_uk_outcodes.csv into the outcode table.
[[nodiscard]] Result<std::size_t> import_outcodes(Services& s,
                                                  const std::filesystem::path& shared_data);

//! Replaces the census (every sen_school_level/england_census_*.csv), authorities' names and
//! EHC plans by primary need; returns the schools held per year.
[[nodiscard]] Result<std::map<int, std::int64_t>> import_census(
    Services& s, const std::filesystem::path& shared_data);

//! Prints the report: counts, then rejection reasons with how often and a few examples.
void print_report(const SchoolImportReport& report, std::FILE* out);

}  // namespace sendhub
