#pragma once
// The census behind the insight pages (api-contract-insight.md). An import replaces every
// year's schools and sums in one transaction; reads are by key, so England's figures are a
// handful of rows whatever the number of schools.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/census.hpp"
#include "core/school.hpp"
#include "store/database.hpp"

namespace sendhub {

struct CensusYear {
    int year = 0;
    std::vector<CensusRow> rows;
};

struct SchoolCensusYear {
    int year = 0;
    CensusRow row;
};

struct NamedTotals {
    int la_code = 0;  // 0 for England
    std::string name;
    std::string school_type;  // "" for every type
    CensusTotals totals;
};

//! A sendhub school with its census row that year, if the census holds it.
struct SchoolWithCensus {
    std::int64_t urn = 0;
    std::string name;
    std::optional<int> la_code;
    std::string la_name;
    std::string school_type;
    CensusCounts counts;
};

class CensusStore {
  public:
    explicit CensusStore(Database& db) : db_(db) {}

    //! Replaces the whole census: the years' schools and sums, authorities' names and the EHC
    //! plans by primary need.
    void replace(const std::vector<CensusYear>& years, const std::map<int, std::string>& la_names,
                 const std::vector<LocalAuthorityNeeds>& needs);
    //! Schools held per year, oldest first.
    [[nodiscard]] std::map<int, std::int64_t> schools_per_year();
    //! The years held, oldest first: England's row of each, not a count over every school.
    [[nodiscard]] std::vector<int> years();
    [[nodiscard]] std::vector<SchoolCensusYear> school(std::int64_t urn);
    [[nodiscard]] CensusTotals totals(int year, int la_code, const std::string& school_type);
    //! Each school type's sums in an authority (0: England), largest first.
    [[nodiscard]] std::vector<NamedTotals> by_school_type(int year, int la_code);
    //! Each authority's sums, by name.
    [[nodiscard]] std::vector<NamedTotals> by_local_authority(int year);
    //! One authority's sums each year, oldest first.
    [[nodiscard]] std::vector<NamedTotals> local_authority_years(int la_code);
    [[nodiscard]] std::optional<std::string> local_authority_name(int la_code);
    [[nodiscard]] std::optional<LocalAuthorityNeeds> needs(int la_code, int year);
    //! The sendhub schools with that relationship, with their census row that year.
    [[nodiscard]] std::vector<SchoolWithCensus> schools(SchoolRelationship relationship, int year);

  private:
    Database& db_;
};

}  // namespace sendhub
