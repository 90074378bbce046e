#pragma once
// Trust-wide SEND insight from the school census: a school beside its authority and England,
// an authority's schools and EHC plan needs, England by school type and authority, and the
// trust's (or partners') schools side by side. Who may read what is core's insight_access.
#include <optional>
#include <string>
#include <vector>

#include "core/census.hpp"
#include "service/services.hpp"
#include "store/census_store.hpp"

namespace sendhub {

struct SchoolInsightYear {
    int year = 0;
    CensusRow row;
    std::string la_name;
    CensusTotals la;       // that year's schools of the same type in the authority
    CensusTotals england;  // and in England
};
struct SchoolInsight {
    std::int64_t urn = 0;
    std::optional<std::string> name;       // sendhub's name for it, when sendhub holds the school
    std::vector<SchoolInsightYear> years;  // oldest first
};
//! 404 for a URN in no census, or another school's for a SENCO or headteacher.
[[nodiscard]] Result<SchoolInsight> school_insight(Services& s, const Actor& actor,
                                                   std::int64_t urn);

struct NeedShare {
    std::string need;
    std::int64_t plans = 0;
    std::optional<std::int64_t> pct_tenths;  // of every plan
};
struct LocalAuthorityInsight {
    int la_code = 0;
    std::string name;
    std::vector<NamedTotals> years;  // la_code holds the year
    std::optional<int> needs_year;
    std::int64_t needs_total = 0;
    std::int64_t needs_unknown = 0;
    std::vector<NeedShare> needs;  // most plans first
};
[[nodiscard]] Result<LocalAuthorityInsight> local_authority_insight(Services& s, const Actor& actor,
                                                                    int la_code);

struct EnglandInsight {
    int year = 0;
    CensusTotals totals;
    std::vector<NamedTotals> by_school_type;
    std::vector<NamedTotals> by_local_authority;
};
//! `year` as typed ("" for the latest); 422 invalid `year` for a year without a census.
[[nodiscard]] Result<EnglandInsight> england_insight(Services& s, const Actor& actor,
                                                     std::string_view year);

struct TrustQuery {
    std::string relationship;  // "" for trust
    std::string year;          // "" for the latest
    std::string sort;          // "" for name
    std::string order;         // "" for asc
};
struct TrustInsight {
    SchoolRelationship relationship = SchoolRelationship::trust;
    int year = 0;
    std::vector<SchoolWithCensus> items;
    CensusTotals totals;
    std::string sort;
    bool descending = false;
};
[[nodiscard]] Result<TrustInsight> trust_insight(Services& s, const Actor& actor,
                                                 const TrustQuery& query);

//! What `sendhub import census` read from the DfE files.
struct CensusData {
    std::vector<CensusYear> years;
    std::map<int, std::string> la_names;
    std::vector<LocalAuthorityNeeds> needs;
};
//! Replaces the whole census in one transaction; returns the schools held per year.
[[nodiscard]] std::map<int, std::int64_t> replace_census(Services& s, const CensusData& data);

//! The years a census is held for, oldest first.
[[nodiscard]] std::vector<int> census_years(Services& s);

}  // namespace sendhub
