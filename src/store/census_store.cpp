#include "store/census_store.hpp"

#include <algorithm>
#include <set>

namespace sendhub {
namespace {

constexpr std::size_t kRowsPerInsert = 200;

constexpr std::string_view kTotalsColumns = "schools, pupils, ehcp, sen_support";
const std::string kTotals = "SELECT " + std::string(kTotalsColumns) +
                            " FROM census_totals WHERE year = ? AND la_code = ? AND "
                            "school_type = ?";
const std::string kByType = "SELECT school_type, " + std::string(kTotalsColumns) +
                            " FROM census_totals WHERE year = ? AND la_code = ? AND school_type "
                            "<> '' ORDER BY pupils DESC, school_type";
const std::string kByLa = "SELECT t.la_code, coalesce(l.name, ''), " + std::string(kTotalsColumns) +
                          " FROM census_totals t LEFT JOIN census_local_authorities l ON l.la_code "
                          "= t.la_code WHERE t.year = ? AND t.la_code <> 0 AND t.school_type = ''"
                          " ORDER BY coalesce(l.name, ''), t.la_code";
const std::string kLaYears = "SELECT year, " + std::string(kTotalsColumns) +
                             " FROM census_totals WHERE la_code = ? AND school_type = '' ORDER BY "
                             "year";
constexpr std::string_view kSchoolYears =
    "SELECT year, urn, la_code, school_type, pupils, ehcp, sen_support FROM census_schools"
    " WHERE urn = ? ORDER BY year";
constexpr std::string_view kSchoolsPerYear =
    "SELECT year, count(*) FROM census_schools GROUP BY year ORDER BY year";
constexpr std::string_view kYears =
    "SELECT year FROM census_totals WHERE la_code = 0 AND school_type = '' ORDER BY year";
constexpr std::string_view kLaName = "SELECT name FROM census_local_authorities WHERE la_code = ?";
constexpr std::string_view kNeedTotals =
    "SELECT total, unknown FROM ehcp_need_totals WHERE la_code = ? AND year = ?";
constexpr std::string_view kNeeds =
    "SELECT need, plans FROM ehcp_needs WHERE la_code = ? AND year = ? ORDER BY need";
constexpr std::string_view kSchoolsWithCensus =
    "SELECT s.urn, s.name, coalesce(c.la_code, s.la_code), coalesce(l.name, ''),"
    " coalesce(c.school_type, ''), c.pupils, c.ehcp, c.sen_support"
    " FROM schools s LEFT JOIN census_schools c ON c.urn = s.urn AND c.year = ?"
    " LEFT JOIN census_local_authorities l ON l.la_code = coalesce(c.la_code, s.la_code)"
    " WHERE s.relationship = ? ORDER BY s.name, s.urn";

CensusTotals totals_from(const SqlRow& r, std::size_t first) {
    return {r.integer(first), r.integer(first + 1), r.integer(first + 2), r.integer(first + 3)};
}

//! Rows of many values in a few statements: one round trip per batch, not per school.
void insert_batched(SqlConnection& c, std::string_view table_and_columns, std::size_t width,
                    const std::vector<std::vector<SqlValue>>& rows) {
    for (std::size_t from = 0; from < rows.size(); from += kRowsPerInsert) {
        const std::size_t to = std::min(rows.size(), from + kRowsPerInsert);
        std::string sql = "INSERT INTO " + std::string(table_and_columns) + " VALUES ";
        std::vector<SqlValue> params;
        params.reserve((to - from) * width);
        for (std::size_t i = from; i < to; ++i) {
            sql += i == from ? "(" : ", (";
            for (std::size_t k = 0; k < width; ++k) sql += k ? ", ?" : "?";
            sql += ")";
            params.insert(params.end(), rows[i].begin(), rows[i].end());
        }
        c.execute(sql, params);
    }
}

SqlValue optional_value(std::optional<std::int64_t> v) {
    return v ? SqlValue{*v} : SqlValue{nullptr};
}

}  // namespace

void CensusStore::replace(const std::vector<CensusYear>& years,
                          const std::map<int, std::string>& la_names,
                          const std::vector<LocalAuthorityNeeds>& needs) {
    db_.write([&](SqlConnection& c) {
        for (auto table : {"census_schools", "census_totals", "census_local_authorities",
                           "ehcp_need_totals", "ehcp_needs"})
            c.execute_with("DELETE FROM " + std::string(table));
        for (const auto& year : years) {
            std::vector<std::vector<SqlValue>> schools;
            schools.reserve(year.rows.size());
            for (const auto& r : year.rows)
                schools.push_back({std::int64_t{year.year}, r.urn, std::int64_t{r.la_code},
                                   r.school_type, optional_value(r.counts.pupils),
                                   optional_value(r.counts.ehcp),
                                   optional_value(r.counts.sen_support)});
            insert_batched(c,
                           "census_schools (year, urn, la_code, school_type, pupils, ehcp,"
                           " sen_support)",
                           7, schools);
            std::vector<std::vector<SqlValue>> totals;
            for (const auto& [key, t] : census_groups(year.rows))
                totals.push_back({std::int64_t{year.year}, std::int64_t{key.first}, key.second,
                                  t.schools, t.pupils, t.ehcp, t.sen_support});
            insert_batched(c,
                           "census_totals (year, la_code, school_type, schools, pupils, ehcp,"
                           " sen_support)",
                           7, totals);
        }
        // Names from the census's own list, then any the EHC plan file adds.
        std::map<int, std::string> names = la_names;
        for (const auto& n : needs) names.try_emplace(n.la_code, n.la_name);
        std::vector<std::vector<SqlValue>> authorities;
        authorities.reserve(names.size());
        for (const auto& [code, name] : names) authorities.push_back({std::int64_t{code}, name});
        insert_batched(c, "census_local_authorities (la_code, name)", 2, authorities);
        std::vector<std::vector<SqlValue>> need_totals;
        std::vector<std::vector<SqlValue>> need_rows;
        std::set<std::pair<int, int>> seen;
        for (const auto& n : needs) {
            // A year and code the file repeats keeps its first row.
            if (!seen.insert({n.year, n.la_code}).second) continue;
            need_totals.push_back(
                {std::int64_t{n.year}, std::int64_t{n.la_code}, n.total, n.unknown});
            for (const auto& [need, plans] : n.needs)
                need_rows.push_back({std::int64_t{n.year}, std::int64_t{n.la_code}, need, plans});
        }
        insert_batched(c, "ehcp_need_totals (year, la_code, total, unknown)", 4, need_totals);
        insert_batched(c, "ehcp_needs (year, la_code, need, plans)", 4, need_rows);
    });
}

std::map<int, std::int64_t> CensusStore::schools_per_year() {
    return db_.read([&](SqlConnection& c) {
        std::map<int, std::int64_t> out;
        for (const auto& r : c.query_with(kSchoolsPerYear))
            out[static_cast<int>(r.integer(0))] = r.integer(1);
        return out;
    });
}

std::vector<int> CensusStore::years() {
    return db_.read([&](SqlConnection& c) {
        std::vector<int> out;
        for (const auto& r : c.query_with(kYears)) out.push_back(static_cast<int>(r.integer(0)));
        return out;
    });
}

std::vector<SchoolCensusYear> CensusStore::school(std::int64_t urn) {
    return db_.read([&](SqlConnection& c) {
        std::vector<SchoolCensusYear> out;
        for (const auto& r : c.query_with(kSchoolYears, urn))
            out.push_back({static_cast<int>(r.integer(0)),
                           CensusRow{r.integer(1), static_cast<int>(r.integer(2)), r.text(3),
                                     CensusCounts{r.optional_integer(4), r.optional_integer(5),
                                                  r.optional_integer(6)}}});
        return out;
    });
}

CensusTotals CensusStore::totals(int year, int la_code, const std::string& school_type) {
    return db_.read([&](SqlConnection& c) {
        auto row = c.query_one(kTotals, year, la_code, school_type);
        return row ? totals_from(*row, 0) : CensusTotals{};
    });
}

std::vector<NamedTotals> CensusStore::by_school_type(int year, int la_code) {
    return db_.read([&](SqlConnection& c) {
        std::vector<NamedTotals> out;
        for (const auto& r : c.query_with(kByType, year, la_code))
            out.push_back({la_code, "", r.text(0), totals_from(r, 1)});
        return out;
    });
}

std::vector<NamedTotals> CensusStore::by_local_authority(int year) {
    return db_.read([&](SqlConnection& c) {
        std::vector<NamedTotals> out;
        for (const auto& r : c.query_with(kByLa, year))
            out.push_back({static_cast<int>(r.integer(0)), r.text(1), "", totals_from(r, 2)});
        return out;
    });
}

std::vector<NamedTotals> CensusStore::local_authority_years(int la_code) {
    return db_.read([&](SqlConnection& c) {
        std::vector<NamedTotals> out;
        for (const auto& r : c.query_with(kLaYears, la_code))
            out.push_back({static_cast<int>(r.integer(0)), "", "", totals_from(r, 1)});
        return out;
    });
}

std::optional<std::string> CensusStore::local_authority_name(int la_code) {
    return db_.read([&](SqlConnection& c) -> std::optional<std::string> {
        auto row = c.query_one(kLaName, la_code);
        if (!row) return std::nullopt;
        return row->text(0);
    });
}

std::optional<LocalAuthorityNeeds> CensusStore::needs(int la_code, int year) {
    return db_.read([&](SqlConnection& c) -> std::optional<LocalAuthorityNeeds> {
        auto total = c.query_one(kNeedTotals, la_code, year);
        if (!total) return std::nullopt;
        LocalAuthorityNeeds out{year, la_code, "", total->integer(0), total->integer(1), {}};
        for (const auto& r : c.query_with(kNeeds, la_code, year))
            out.needs.emplace_back(r.text(0), r.integer(1));
        return out;
    });
}

std::vector<SchoolWithCensus> CensusStore::schools(SchoolRelationship relationship, int year) {
    return db_.read([&](SqlConnection& c) {
        std::vector<SchoolWithCensus> out;
        for (const auto& r :
             c.query_with(kSchoolsWithCensus, year,
                          std::string(term_of(school_relationship_terms(), relationship).code)))
            out.push_back(
                {r.integer(0), r.text(1),
                 r.is_null(2) ? std::nullopt : std::optional<int>(static_cast<int>(r.integer(2))),
                 r.text(3), r.text(4),
                 CensusCounts{r.optional_integer(5), r.optional_integer(6),
                              r.optional_integer(7)}});
        return out;
    });
}

}  // namespace sendhub
