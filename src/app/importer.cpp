#include "app/importer.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "core/census.hpp"
#include "core/postcode.hpp"
#include "core/text.hpp"
#include "service/insight_service.hpp"

namespace sendhub {
namespace {

Result<CsvTable> read_csv(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::unexpected(Error::not_found("cannot read " + path.string()));
    std::stringstream buffer;
    buffer << in.rdbuf();
    return CsvTable::parse(buffer.str());
}

}  // namespace

Result<SchoolImportReport> import_schools(Services& s, const std::filesystem::path& shared_data,
                                          const std::set<int>& la_codes, const Acting& who) {
    SENDHUB_ASSIGN_OR_RETURN(auto register_table,
                             read_csv(shared_data / "schools/england_school_coords_2024-25.csv"));
    SENDHUB_ASSIGN_OR_RETURN(auto census,
                             read_csv(shared_data / "sen_school_level/england_census_2024-25.csv"));
    SENDHUB_ASSIGN_OR_RETURN(
        auto las, read_csv(shared_data / "sen_school_level/la_and_region_codes_meta_2024-25.csv"));
    SENDHUB_ASSIGN_OR_RETURN(auto joined,
                             join_school_register({register_table, census, las}, la_codes));

    SchoolImportReport report;
    report.rejected = std::move(joined.rejected);
    report.outside_filter = joined.outside_filter;
    s.database->write([&](SqlConnection& c) {
        for (const auto& school : joined.schools) {
            switch (SchoolStore::upsert(c, school)) {
                case UpsertOutcome::added:
                    ++report.added;
                    break;
                case UpsertOutcome::updated:
                    ++report.updated;
                    break;
                case UpsertOutcome::unchanged:
                    ++report.unchanged;
                    break;
            }
        }
        append_audit(c, who, "import", "import", "schools",
                     {{"added", report.added},
                      {"updated", report.updated},
                      {"rejected", report.rejected.size()}});
    });
    return report;
}

Result<std::map<int, std::int64_t>> import_census(Services& s,
                                                  const std::filesystem::path& shared_data) {
    const auto folder = shared_data / "sen_school_level";
    std::vector<std::filesystem::path> files;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(folder, error))
        if (entry.path().filename().string().starts_with("england_census_"))
            files.push_back(entry.path());
    if (error || files.empty())
        return std::unexpected(Error::not_found("no census files in " + folder.string()));
    std::ranges::sort(files);
    CensusData data;
    for (const auto& file : files) {
        auto year = census_year_of(file.filename().string());
        if (!year)
            return std::unexpected(
                Error::invalid("file", "invalid", "cannot tell the year of " + file.string()));
        SENDHUB_ASSIGN_OR_RETURN(auto table, read_csv(file));
        SENDHUB_ASSIGN_OR_RETURN(auto rows, read_census(table));
        data.years.push_back({*year, std::move(rows)});
    }
    // The older list first, so the newer names win.
    for (const char* names :
         {"la_and_region_codes_meta.csv", "la_and_region_codes_meta_2024-25.csv"}) {
        SENDHUB_ASSIGN_OR_RETURN(auto table, read_csv(folder / names));
        SENDHUB_ASSIGN_OR_RETURN(auto read, read_la_names(table));
        for (auto& [code, name] : read) data.la_names[code] = std::move(name);
    }
    SENDHUB_ASSIGN_OR_RETURN(auto needs_table,
                             read_csv(shared_data / "ehcp_2025/sen_needs_all_plans.csv"));
    SENDHUB_ASSIGN_OR_RETURN(data.needs, read_ehcp_needs(needs_table));
    return replace_census(s, data);
}

Result<std::size_t> import_outcodes(Services& s, const std::filesystem::path& shared_data) {
    SENDHUB_ASSIGN_OR_RETURN(auto table, read_csv(shared_data / "postcodes/gibbs_uk_outcodes.csv"));
    auto code = table.column("postcode");
    auto lat = table.column("latitude");
    auto lon = table.column("longitude");
    auto town = table.column("town");
    auto region = table.column("region");
    if (!code || !lat || !lon || !town || !region)
        return std::unexpected(Error::bad_request(
            "missing_column", "outcode file lacks postcode/latitude/longitude/town/region"));
    std::vector<Outcode> outcodes;
    for (const auto& row : table.rows()) {
        if (row.size() <= std::max({*code, *lat, *lon, *town, *region})) continue;
        auto latitude = parse_double(trim(row[*lat]));
        auto longitude = parse_double(trim(row[*lon]));
        if (!latitude || !longitude) continue;
        outcodes.push_back({to_upper(trim(row[*code])),
                            {*latitude, *longitude},
                            trim(row[*town]),
                            trim(row[*region])});
    }
    return s.practitioners.load_outcodes(outcodes);
}

void print_report(const SchoolImportReport& report, std::FILE* out) {
    std::fprintf(out, "schools: %zu added, %zu updated, %zu unchanged, %zu rejected", report.added,
                 report.updated, report.unchanged, report.rejected.size());
    if (report.outside_filter > 0)
        std::fprintf(out, " (%zu outside the chosen local authorities)", report.outside_filter);
    std::fprintf(out, "\n");
    std::map<std::string, std::vector<const RegisterRejection*>> by_reason;
    for (const auto& r : report.rejected) by_reason[r.reason].push_back(&r);
    for (const auto& [reason, rows] : by_reason) {
        std::fprintf(out, "  rejected %zu: %s (for example line %zu, URN %s)\n", rows.size(),
                     reason.c_str(), rows.front()->line, rows.front()->urn.c_str());
    }
}

}  // namespace sendhub
