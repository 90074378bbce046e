#include "service/insight_service.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace sendhub {
namespace {

// The census lives in its own store beside the shared ones: built on the database per call.
CensusStore census_of(Services& s) {
    return CensusStore(*s.database);
}

Error no_school() {
    return Error::not_found("No school with that URN is in the census.");
}

//! Trust-wide views: the trust's leaders and practitioners.
Result<void> reads_census_figures(const Actor& actor) {
    const auto access = insight_access(actor.role);
    if (access == InsightAccess::everything || access == InsightAccess::census_figures) return {};
    return std::unexpected(Error::forbidden());
}

Result<int> year_of(Services& s, std::string_view typed) {
    const auto years = census_years(s);
    if (trim(typed).empty()) {
        if (years.empty())
            return std::unexpected(Error::conflict(
                "no_census", "No census is loaded yet. Run sendhub import census first."));
        return years.back();
    }
    auto year = parse_int(trim(typed));
    if (!year || std::ranges::find(years, *year) == years.end())
        return std::unexpected(
            Error::invalid("year", "invalid", "Choose a year the census is held for"));
    return static_cast<int>(*year);
}

}  // namespace

std::map<int, std::int64_t> replace_census(Services& s, const CensusData& data) {
    auto census = census_of(s);
    census.replace(data.years, data.la_names, data.needs);
    return census.schools_per_year();
}

std::vector<int> census_years(Services& s) {
    return census_of(s).years();
}

Result<SchoolInsight> school_insight(Services& s, const Actor& actor, std::int64_t urn) {
    const auto access = insight_access(actor.role);
    if (access == InsightAccess::none) return std::unexpected(Error::forbidden());
    if (access == InsightAccess::own_school && actor.school_urn != SchoolUrn{urn})
        return std::unexpected(no_school());
    auto census = census_of(s);
    SchoolInsight out{urn, std::nullopt, {}};
    if (auto school = s.schools.find(SchoolUrn{urn})) out.name = school->name;
    for (auto& [year, row] : census.school(urn)) {
        SchoolInsightYear y{year, row, census.local_authority_name(row.la_code).value_or(""),
                            census.totals(year, row.la_code, row.school_type),
                            census.totals(year, 0, row.school_type)};
        out.years.push_back(std::move(y));
    }
    if (out.years.empty()) return std::unexpected(no_school());
    return out;
}

Result<LocalAuthorityInsight> local_authority_insight(Services& s, const Actor& actor,
                                                      int la_code) {
    if (auto allowed = reads_census_figures(actor); !allowed)
        return std::unexpected(allowed.error());
    auto census = census_of(s);
    auto name = census.local_authority_name(la_code);
    auto years = census.local_authority_years(la_code);
    if (!name || years.empty())
        return std::unexpected(Error::not_found("No local authority with that code."));
    LocalAuthorityInsight out{la_code, *name, std::move(years), std::nullopt, 0, 0, {}};
    const auto held = census_years(s);
    for (auto it = held.rbegin(); it != held.rend(); ++it) {
        auto needs = census.needs(la_code, *it);
        if (!needs) continue;
        out.needs_year = *it;
        out.needs_total = needs->total;
        out.needs_unknown = needs->unknown;
        for (const auto& [need, plans] : needs->needs)
            out.needs.push_back({need, plans, percent_tenths(plans, needs->total)});
        std::ranges::stable_sort(out.needs, std::greater<>{}, &NeedShare::plans);
        break;
    }
    return out;
}

Result<EnglandInsight> england_insight(Services& s, const Actor& actor, std::string_view year) {
    if (auto allowed = reads_census_figures(actor); !allowed)
        return std::unexpected(allowed.error());
    auto chosen = year_of(s, year);
    if (!chosen) return std::unexpected(chosen.error());
    auto census = census_of(s);
    return EnglandInsight{*chosen, census.totals(*chosen, 0, ""), census.by_school_type(*chosen, 0),
                          census.by_local_authority(*chosen)};
}

Result<TrustInsight> trust_insight(Services& s, const Actor& actor, const TrustQuery& query) {
    if (auto allowed = reads_census_figures(actor); !allowed)
        return std::unexpected(allowed.error());
    TrustInsight out;
    if (!trim(query.relationship).empty()) {
        auto relationship = parse_term(school_relationship_terms(), trim(query.relationship));
        if (!relationship)
            return std::unexpected(Error::invalid("relationship", "invalid",
                                                  "Choose trust, partner or other schools"));
        out.relationship = *relationship;
    }
    out.sort = trim(query.sort).empty() ? "name" : trim(query.sort);
    if (!is_census_sort(out.sort))
        return std::unexpected(Error::invalid(
            "sort", "invalid",
            "Sort by name, urn, pupils, ehcp, sen_support, ehcp_pct or sen_support_pct"));
    const std::string order = trim(query.order);
    if (!order.empty() && order != "asc" && order != "desc")
        return std::unexpected(Error::invalid("order", "invalid", "The order is asc or desc"));
    out.descending = order == "desc";
    auto year = year_of(s, query.year);
    if (!year) return std::unexpected(year.error());
    out.year = *year;
    out.items = census_of(s).schools(out.relationship, out.year);
    for (const auto& item : out.items) out.totals.add(item.counts);

    // Figures: missing ones last whichever way; ties, and name and URN, in name order.
    const auto by = out.sort;
    const bool descending = out.descending;
    std::ranges::stable_sort(out.items, [&](const SchoolWithCensus& a, const SchoolWithCensus& b) {
        if (by == "name") return descending ? a.name > b.name : a.name < b.name;
        if (by == "urn") return descending ? a.urn > b.urn : a.urn < b.urn;
        auto x = census_figure(figures_of(a.counts), by);
        auto y = census_figure(figures_of(b.counts), by);
        if (!x || !y) return x.has_value() && !y.has_value();
        return descending ? *x > *y : *x < *y;
    });
    return out;
}

}  // namespace sendhub
