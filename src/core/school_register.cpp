#include "core/school_register.hpp"

#include <map>
#include <unordered_map>

#include "core/postcode.hpp"
#include "core/text.hpp"

namespace sendhub {
namespace {

// Census counts are blank or "NA" when suppressed or not collected.
std::optional<int> census_count(std::string_view text) {
    auto value = parse_int(trim(text));
    if (!value || *value < 0) return std::nullopt;
    return static_cast<int>(*value);
}

Phase phase_from(bool primary, bool secondary, std::string_view school_type) {
    if (primary && secondary) return Phase::all_through;
    if (primary) return Phase::primary;
    if (secondary) return Phase::secondary;
    if (school_type.find("nursery") != std::string_view::npos) return Phase::nursery;
    return Phase::not_applicable;
}

struct CensusRow {
    int la_code = 0;
    std::string school_type;
    std::optional<int> pupils, ehcp, sen_support;
};

Result<std::size_t> require_column(const CsvTable& table, std::string_view name,
                                   std::string_view file) {
    auto column = table.column(name);
    if (!column)
        return std::unexpected(Error::bad_request(
            "missing_column", std::string(file) + " has no " + std::string(name) + " column"));
    return *column;
}

}  // namespace

const std::set<int>& south_west_la_codes() {
    static const std::set<int> codes{800, 801, 802, 838, 865, 878, 879, 880, 908, 916, 933};
    return codes;
}

Result<RegisterJoin> join_school_register(const RegisterSources& sources,
                                          const std::set<int>& la_codes) {
    const auto& reg = sources.register_table;
    SENDHUB_ASSIGN_OR_RETURN(auto c_urn, require_column(reg, "URN", "register"));
    SENDHUB_ASSIGN_OR_RETURN(auto c_name, require_column(reg, "SCHNAME", "register"));
    SENDHUB_ASSIGN_OR_RETURN(auto c_postcode, require_column(reg, "POSTCODE", "register"));
    SENDHUB_ASSIGN_OR_RETURN(auto c_primary, require_column(reg, "ISPRIMARY", "register"));
    SENDHUB_ASSIGN_OR_RETURN(auto c_secondary, require_column(reg, "ISSECONDARY", "register"));
    SENDHUB_ASSIGN_OR_RETURN(auto c_lat, require_column(reg, "LAT", "register"));
    SENDHUB_ASSIGN_OR_RETURN(auto c_lon, require_column(reg, "LON", "register"));

    const auto& census = sources.census;
    SENDHUB_ASSIGN_OR_RETURN(auto k_urn, require_column(census, "URN", "census"));
    SENDHUB_ASSIGN_OR_RETURN(auto k_la, require_column(census, "LA", "census"));
    SENDHUB_ASSIGN_OR_RETURN(auto k_type, require_column(census, "SCHOOLTYPE", "census"));
    SENDHUB_ASSIGN_OR_RETURN(auto k_nor, require_column(census, "NOR", "census"));
    SENDHUB_ASSIGN_OR_RETURN(auto k_ehcp, require_column(census, "TSENELSE", "census"));
    SENDHUB_ASSIGN_OR_RETURN(auto k_sen, require_column(census, "TSENELK", "census"));

    const auto& las = sources.local_authorities;
    SENDHUB_ASSIGN_OR_RETURN(auto l_code, require_column(las, "LEA", "LA codes"));
    SENDHUB_ASSIGN_OR_RETURN(auto l_name, require_column(las, "LA Name", "LA codes"));

    std::map<int, std::string> la_names;
    for (const auto& row : las.rows()) {
        if (row.size() <= std::max(l_code, l_name)) continue;
        if (auto code = parse_int(trim(row[l_code])))
            la_names[static_cast<int>(*code)] = trim(row[l_name]);
    }

    std::unordered_map<long long, CensusRow> by_urn;
    for (const auto& row : census.rows()) {
        if (row.size() <= std::max({k_urn, k_la, k_type, k_nor, k_ehcp, k_sen})) continue;
        auto urn = parse_int(trim(row[k_urn]));  // national rows carry "NAT"
        auto la = parse_int(trim(row[k_la]));
        if (!urn || !la) continue;
        by_urn[*urn] = {static_cast<int>(*la), trim(row[k_type]), census_count(row[k_nor]),
                        census_count(row[k_ehcp]), census_count(row[k_sen])};
    }

    RegisterJoin join;
    std::size_t line = 1;
    const std::size_t needed =
        std::max({c_urn, c_name, c_postcode, c_primary, c_secondary, c_lat, c_lon});
    for (const auto& row : reg.rows()) {
        ++line;
        auto reject = [&](std::string reason) {
            join.rejected.push_back({line, row.empty() ? "" : row[0], std::move(reason)});
        };
        if (row.size() <= needed) {
            reject("row has too few columns");
            continue;
        }
        auto urn = parse_int(trim(row[c_urn]));
        if (!urn || *urn < 100000 || *urn > 999999) {
            reject("URN is not a six-digit number");
            continue;
        }
        auto census_row = by_urn.find(*urn);
        if (census_row == by_urn.end()) {
            reject("no January census row for this URN");
            continue;
        }
        const CensusRow& facts = census_row->second;
        if (!la_codes.empty() && !la_codes.contains(facts.la_code)) {
            ++join.outside_filter;
            continue;
        }
        auto postcode = normalise_postcode(row[c_postcode]);
        if (!postcode) {
            reject("postcode is not a valid UK postcode");
            continue;
        }
        std::string name = trim(row[c_name]);
        if (name.empty()) {
            reject("school name is blank");
            continue;
        }
        auto lat = parse_double(trim(row[c_lat]));
        auto lon = parse_double(trim(row[c_lon]));
        if (!lat || !lon || *lat < 49 || *lat > 61 || *lon < -9 || *lon > 2.5) {
            reject("coordinates are missing or outside the UK");
            continue;
        }
        auto la_name = la_names.find(facts.la_code);
        School school{
            .urn = SchoolUrn{*urn},
            .name = std::move(name),
            .postcode = *postcode,
            .phase = phase_from(trim(row[c_primary]) == "1", trim(row[c_secondary]) == "1",
                                to_lower(facts.school_type)),
            .local_authority =
                la_name != la_names.end() ? la_name->second : "LA " + std::to_string(facts.la_code),
            .la_code = facts.la_code,
            .school_type = facts.school_type,
            .latitude = *lat,
            .longitude = *lon,
            .pupils = facts.pupils,
            .ehcp_pupils = facts.ehcp,
            .sen_support_pupils = facts.sen_support,
        };
        join.schools.push_back(std::move(school));
    }
    return join;
}

}  // namespace sendhub
