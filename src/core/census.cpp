#include "core/census.hpp"

#include <algorithm>
#include <charconv>

#include "core/text.hpp"

namespace sendhub {
namespace {

std::optional<int> whole(std::string_view text) {
    int value = 0;
    const auto* end = text.data() + text.size();
    auto [at, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc{} || at != end) return std::nullopt;
    return value;
}

Error missing_column(std::string_view column) {
    return Error::invalid("file", "invalid", "The file has no " + std::string(column) + " column");
}

//! Each named column's index, in order, or an error naming the first the file lacks.
template <std::size_t N>
Result<std::array<std::size_t, N>> required_columns(const CsvTable& table,
                                                    const std::array<std::string_view, N>& names) {
    std::array<std::size_t, N> out{};
    for (std::size_t i = 0; i < N; ++i) {
        auto column = table.column(names[i]);
        if (!column) return std::unexpected(missing_column(names[i]));
        out[i] = *column;
    }
    return out;
}

Error bad_line(std::size_t row_index, std::string_view what) {
    // The header is line 1.
    return Error::invalid("file", "invalid",
                          "Line " + std::to_string(row_index + 2) + ": " + std::string(what));
}

constexpr std::array<std::pair<std::string_view, std::string_view>, 12> kNeedLabels{{
    {"ASD", "Autistic spectrum disorder"},
    {"HI", "Hearing impairment"},
    {"MLD", "Moderate learning difficulty"},
    {"MSI", "Multi-sensory impairment"},
    {"OTH", "Other difficulty or disability"},
    {"PD", "Physical disability"},
    {"PMLD", "Profound and multiple learning difficulty"},
    {"SEMH", "Social, emotional and mental health"},
    {"SLCN", "Speech, language and communication needs"},
    {"SLD", "Severe learning difficulty"},
    {"SPLD", "Specific learning difficulty"},
    {"VI", "Visual impairment"},
}};

}  // namespace

void CensusTotals::add(const CensusCounts& counts) {
    if (!counts.complete()) return;
    ++schools;
    pupils += *counts.pupils;
    ehcp += *counts.ehcp;
    sen_support += *counts.sen_support;
}

std::optional<std::int64_t> percent_tenths(std::optional<std::int64_t> count,
                                           std::optional<std::int64_t> of) {
    if (!count || !of || *of <= 0) return std::nullopt;
    // 1000 × count ÷ of, rounded half up, in whole numbers so 0.05 never becomes 0.0499….
    return (std::int64_t{2000} * *count + *of) / (std::int64_t{2} * *of);
}

CensusFigures figures_of(const CensusCounts& c) {
    return {c.pupils, c.ehcp, c.sen_support, percent_tenths(c.ehcp, c.pupils),
            percent_tenths(c.sen_support, c.pupils)};
}

CensusFigures figures_of(const CensusTotals& t) {
    return figures_of(CensusCounts{t.pupils, t.ehcp, t.sen_support});
}

std::string format_one_decimal(std::int64_t tenths) {
    return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10);
}

std::optional<std::int64_t> parse_census_count(std::string_view text) {
    const std::string trimmed = trim(text);
    text = trimmed;
    if (text.empty() || !std::ranges::all_of(text, [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    std::int64_t value = 0;
    auto [at, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{}) return std::nullopt;
    return value;
}

Result<std::vector<CensusRow>> read_census(const CsvTable& table) {
    auto columns =
        required_columns<6>(table, {"URN", "LA", "SCHOOLTYPE", "NOR", "TSENELSE", "TSENELK"});
    if (!columns) return std::unexpected(columns.error());
    const auto [urn, la, type, nor, ehcp, support] = *columns;
    std::vector<CensusRow> out;
    out.reserve(table.rows().size());
    const auto& rows = table.rows();
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& r = rows[i];
        if (r.size() < table.header().size()) return std::unexpected(bad_line(i, "too few values"));
        if (r[urn] == "NAT") continue;
        auto urn_value = parse_census_count(r[urn]);
        auto la_value = whole(trim(r[la]));
        if (!urn_value || !la_value)
            return std::unexpected(bad_line(i, "the URN and LA must be numbers"));
        out.push_back({*urn_value, *la_value, trim(r[type]),
                       CensusCounts{parse_census_count(r[nor]), parse_census_count(r[ehcp]),
                                    parse_census_count(r[support])}});
    }
    return out;
}

std::optional<int> census_year_of(std::string_view filename) {
    // "…_2024-25.csv": the census is taken in January of the second year.
    const auto dash = filename.rfind('-');
    if (dash == std::string_view::npos || dash < 4) return std::nullopt;
    auto first = whole(filename.substr(dash - 4, 4));
    auto second = whole(filename.substr(dash + 1, 2));
    if (!first || !second || (*first + 1) % 100 != *second) return std::nullopt;
    return *first + 1;
}

std::map<CensusGroupKey, CensusTotals> census_groups(std::span<const CensusRow> rows) {
    std::map<CensusGroupKey, CensusTotals> groups;
    for (const auto& row : rows) {
        for (int la : {0, row.la_code})
            for (const std::string& type : {std::string(), row.school_type})
                groups[{la, type}].add(row.counts);
    }
    return groups;
}

std::string_view primary_need_label(std::string_view code) {
    for (auto [need, label] : kNeedLabels)
        if (need == code) return label;
    return code;
}

Result<std::vector<LocalAuthorityNeeds>> read_ehcp_needs(const CsvTable& table) {
    auto columns =
        required_columns<7>(table, {"time_period", "geographic_level", "breakdown_topic",
                                    "old_la_code", "la_name", "ehc_plans", "number_need_unknown"});
    if (!columns) return std::unexpected(columns.error());
    const auto [period, level, topic, code, name, total, unknown] = *columns;
    std::vector<std::size_t> need_columns;
    for (auto need : kPrimaryNeeds) {
        auto column = table.column("number_" + to_lower(need));
        if (!column) return std::unexpected(missing_column("number_" + to_lower(need)));
        need_columns.push_back(*column);
    }
    std::vector<LocalAuthorityNeeds> out;
    const auto& rows = table.rows();
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& r = rows[i];
        if (r.size() < table.header().size()) return std::unexpected(bad_line(i, "too few values"));
        if (r[level] != "Local authority" || r[topic] != "All EHC plans") continue;
        auto la = whole(trim(r[code]));
        auto started = whole(trim(r[period]).substr(0, 4));
        if (!la || !started)
            return std::unexpected(bad_line(i, "the period and LA code must be numbers"));
        LocalAuthorityNeeds needs{*started + 1,
                                  *la,
                                  trim(r[name]),
                                  parse_census_count(r[total]).value_or(0),
                                  parse_census_count(r[unknown]).value_or(0),
                                  {}};
        for (std::size_t n = 0; n < kPrimaryNeeds.size(); ++n)
            needs.needs.emplace_back(std::string(kPrimaryNeeds[n]),
                                     parse_census_count(r[need_columns[n]]).value_or(0));
        out.push_back(std::move(needs));
    }
    return out;
}

Result<std::map<int, std::string>> read_la_names(const CsvTable& table) {
    auto columns = required_columns<2>(table, {"LEA", "LA Name"});
    if (!columns) return std::unexpected(columns.error());
    const auto [code, name] = *columns;
    std::map<int, std::string> out;
    for (const auto& r : table.rows()) {
        if (r.size() <= std::max(code, name)) continue;
        if (auto la = whole(trim(r[code]))) out[*la] = trim(r[name]);
    }
    return out;
}

InsightAccess insight_access(Role role) {
    switch (role) {
        case Role::admin:
        case Role::coordinator:
        case Role::partnerships:
            return InsightAccess::everything;
        case Role::practitioner:
            return InsightAccess::census_figures;
        case Role::senco:
        case Role::headteacher:
            return InsightAccess::own_school;
        case Role::finance:
        case Role::school_staff:
            break;
    }
    return InsightAccess::none;
}

std::optional<std::int64_t> census_figure(const CensusFigures& f, std::string_view name) {
    if (name == "pupils") return f.pupils;
    if (name == "ehcp") return f.ehcp;
    if (name == "sen_support") return f.sen_support;
    if (name == "ehcp_pct") return f.ehcp_pct_tenths;
    if (name == "sen_support_pct") return f.sen_support_pct_tenths;
    return std::nullopt;
}

bool is_census_sort(std::string_view sort) {
    for (std::string_view known :
         {"name", "urn", "pupils", "ehcp", "sen_support", "ehcp_pct", "sen_support_pct"})
        if (sort == known) return true;
    return false;
}

}  // namespace sendhub
