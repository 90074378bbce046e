// Trust-wide SEND insight: tables of the census figures with charts of the same numbers.
#include "core/text.hpp"
#include "service/insight_service.hpp"
#include "web/bar_chart.hpp"
#include "web/insight_handlers.hpp"
#include "web/page.hpp"

namespace sendhub::pages {
namespace {

//! 1234567 → "1,234,567"
std::string grouped(std::int64_t n) {
    std::string digits = std::to_string(n < 0 ? -n : n);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return n < 0 ? "-" + out : out;
}

std::string count_text(std::optional<std::int64_t> v) {
    return v ? grouped(*v) : std::string("Not known");
}

std::string percent_text(std::optional<std::int64_t> tenths) {
    return tenths ? format_one_decimal(*tenths) + "%" : std::string("Not known");
}

nlohmann::json figures_view(const CensusFigures& f) {
    return {{"pupils", count_text(f.pupils)},
            {"ehcp", count_text(f.ehcp)},
            {"sen_support", count_text(f.sen_support)},
            {"ehcp_pct", percent_text(f.ehcp_pct_tenths)},
            {"sen_support_pct", percent_text(f.sen_support_pct_tenths)}};
}

std::string schools_text(std::int64_t n) {
    return grouped(n) + (n == 1 ? " school" : " schools");
}

ChartBar percent_bar(std::string label, std::optional<std::int64_t> tenths) {
    return {std::move(label), tenths.value_or(0), percent_text(tenths)};
}

const ChartWords kPercentWords{"Percentage of pupils", "No figures to chart."};

std::string relationship_heading(SchoolRelationship r) {
    switch (r) {
        case SchoolRelationship::trust:
            return "SEND figures for the trust's schools";
        case SchoolRelationship::partner:
            return "SEND figures for partner schools";
        case SchoolRelationship::other:
            break;
    }
    return "SEND figures for other schools";
}

}  // namespace

http::Response insight_trust_page(RequestContext& ctx) {
    const auto q = ctx.query();
    TrustQuery query{q.get("relationship"), q.get("year"), q.get("sort"), q.get("order")};
    auto insight = trust_insight(ctx.services, ctx.actor(), query);
    if (!insight) return error_page(ctx, insight.error());
    const auto years = census_years(ctx.services);
    // The same schools in the other census, so a reader sees 2019 beside 2025.
    std::optional<int> other_year;
    for (int y : years)
        if (y != insight->year) other_year = y;
    std::map<std::int64_t, CensusFigures> earlier;
    if (other_year) {
        auto then =
            trust_insight(ctx.services, ctx.actor(),
                          {q.get("relationship"), std::to_string(*other_year), "name", "asc"});
        if (then)
            for (const auto& item : then->items) earlier[item.urn] = figures_of(item.counts);
    }
    const std::string relationship =
        std::string(term_of(school_relationship_terms(), insight->relationship).code);
    auto link = [&](const std::string& sort, bool descending) {
        return "/insight?relationship=" + relationship + "&year=" + std::to_string(insight->year) +
               "&sort=" + sort + "&order=" + (descending ? "desc" : "asc");
    };
    nlohmann::json headers = nlohmann::json::array();
    for (auto [sort, label, numeric] : {std::tuple{"name", "School", false},
                                        {"pupils", "Pupils", true},
                                        {"ehcp", "EHC plans", true},
                                        {"ehcp_pct", "EHC plans %", true},
                                        {"sen_support", "SEN support", true},
                                        {"sen_support_pct", "SEN support %", true}}) {
        const bool current = insight->sort == sort;
        headers.push_back(
            {{"label", label},
             {"numeric", numeric},
             {"href", link(sort, current && !insight->descending)},
             {"aria_sort", current ? (insight->descending ? "descending" : "ascending") : "none"}});
    }
    nlohmann::json rows = nlohmann::json::array();
    std::vector<ChartBar> ehcp_bars;
    std::vector<ChartBar> support_bars;
    for (const auto& item : insight->items) {
        const auto f = figures_of(item.counts);
        nlohmann::json row = figures_view(f);
        row["name"] = item.name;
        row["href"] = "/insight/schools/" + std::to_string(item.urn);
        row["in_census"] = !item.school_type.empty();
        row["school_type"] = item.school_type;
        row["la_name"] = item.la_name;
        row["la_href"] =
            item.la_code
                ? nlohmann::json("/insight/local-authorities/" + std::to_string(*item.la_code))
                : nlohmann::json(false);
        row["earlier"] = false;
        if (auto it = earlier.find(item.urn); it != earlier.end())
            row["earlier"] = {{"ehcp_pct", percent_text(it->second.ehcp_pct_tenths)},
                              {"sen_support_pct", percent_text(it->second.sen_support_pct_tenths)}};
        rows.push_back(std::move(row));
        ehcp_bars.push_back(percent_bar(item.name, f.ehcp_pct_tenths));
        support_bars.push_back(percent_bar(item.name, f.sen_support_pct_tenths));
    }
    nlohmann::json year_options = nlohmann::json::array();
    for (int y : years) year_options.push_back({{"value", y}, {"selected", y == insight->year}});
    nlohmann::json relationship_options = nlohmann::json::array();
    for (const auto& term : school_relationship_terms())
        relationship_options.push_back({{"value", term.code},
                                        {"label", term.label},
                                        {"selected", term.value == insight->relationship}});
    nlohmann::json england = false;
    if (auto e = england_insight(ctx.services, ctx.actor(), std::to_string(insight->year))) {
        england = figures_view(figures_of(e->totals));
        england["schools"] = schools_text(e->totals.schools);
    }
    const std::string year = std::to_string(insight->year);
    nlohmann::json view{
        {"heading", relationship_heading(insight->relationship)},
        {"trust_name", ctx.services.config.trust_name},
        {"year", year},
        {"earlier_year",
         other_year ? nlohmann::json(std::to_string(*other_year)) : nlohmann::json(false)},
        {"headers", headers},
        {"rows", rows},
        {"has_rows", !rows.empty()},
        {"totals", figures_view(figures_of(insight->totals))},
        {"totals_schools", schools_text(insight->totals.schools)},
        {"year_options", year_options},
        {"relationship_options", relationship_options},
        {"england", england},
        {"csv_href", "/api/v1/insight/trust.csv?relationship=" + relationship + "&year=" + year +
                         "&sort=" + insight->sort +
                         "&order=" + (insight->descending ? "desc" : "asc")},
        {"ehcp_chart",
         bar_chart("ehcp-chart", "Pupils with an EHC plan, " + year, ehcp_bars, kPercentWords)},
        {"support_chart",
         bar_chart("support-chart", "Pupils on SEN support, " + year, support_bars, kPercentWords)},
    };
    auto heading = view["heading"].get<std::string>();
    return render_page(ctx, heading, "insight_trust", std::move(view));
}

http::Response insight_school_page(RequestContext& ctx) {
    auto urn = parse_int(ctx.param("urn"));
    if (!urn) return error_page(ctx, Error::not_found());
    auto insight = school_insight(ctx.services, ctx.actor(), *urn);
    if (!insight) return error_page(ctx, insight.error());
    const std::string name = insight->name.value_or("School " + std::to_string(insight->urn));
    nlohmann::json years = nlohmann::json::array();
    std::vector<ChartBar> ehcp_bars;
    std::vector<ChartBar> support_bars;
    for (const auto& y : insight->years) {
        const auto school = figures_of(y.row.counts);
        const auto la = figures_of(y.la);
        const auto england = figures_of(y.england);
        const std::string year = std::to_string(y.year);
        const std::string la_label = y.la_name.empty() ? "The local authority" : y.la_name;
        years.push_back({{"year", year},
                         {"school_type", y.row.school_type},
                         {"school", figures_view(school)},
                         {"la", figures_view(la)},
                         {"la_name", la_label},
                         {"la_schools", schools_text(y.la.schools)},
                         {"la_href", "/insight/local-authorities/" + std::to_string(y.row.la_code)},
                         {"england", figures_view(england)},
                         {"england_schools", schools_text(y.england.schools)}});
        std::string la_bar = la_label;
        la_bar.append(", ").append(year);
        ehcp_bars.push_back(percent_bar("This school, " + year, school.ehcp_pct_tenths));
        ehcp_bars.push_back(percent_bar(la_bar, la.ehcp_pct_tenths));
        ehcp_bars.push_back(percent_bar("England, " + year, england.ehcp_pct_tenths));
        support_bars.push_back(percent_bar("This school, " + year, school.sen_support_pct_tenths));
        support_bars.push_back(percent_bar(la_bar, la.sen_support_pct_tenths));
        support_bars.push_back(percent_bar("England, " + year, england.sen_support_pct_tenths));
    }
    nlohmann::json view{
        {"name", name},
        {"urn", std::to_string(insight->urn)},
        {"years", years},
        {"trust_view", insight_access(ctx.actor().role) != InsightAccess::own_school},
        {"ehcp_chart",
         bar_chart("ehcp-chart", "Pupils with an EHC plan", ehcp_bars, kPercentWords)},
        {"support_chart",
         bar_chart("support-chart", "Pupils on SEN support", support_bars, kPercentWords)},
    };
    return render_page(ctx, name + ": SEND figures", "insight_school", std::move(view));
}

http::Response insight_local_authority_page(RequestContext& ctx) {
    auto code = parse_int(ctx.param("la_code"));
    if (!code) return error_page(ctx, Error::not_found());
    auto insight = local_authority_insight(ctx.services, ctx.actor(), static_cast<int>(*code));
    if (!insight) return error_page(ctx, insight.error());
    nlohmann::json years = nlohmann::json::array();
    for (const auto& y : insight->years) {
        auto row = figures_view(figures_of(y.totals));
        row["year"] = std::to_string(y.la_code);
        row["schools"] = schools_text(y.totals.schools);
        years.push_back(std::move(row));
    }
    nlohmann::json needs = nlohmann::json::array();
    std::vector<ChartBar> need_bars;
    for (const auto& n : insight->needs) {
        const std::string label = std::string(primary_need_label(n.need));
        needs.push_back({{"code", n.need},
                         {"label", label},
                         {"plans", grouped(n.plans)},
                         {"pct", percent_text(n.pct_tenths)}});
        need_bars.push_back({label, n.plans, grouped(n.plans)});
    }
    nlohmann::json view{
        {"name", insight->name},
        {"la_code", std::to_string(insight->la_code)},
        {"years", years},
        {"has_needs", insight->needs_year.has_value()},
        {"needs_year", insight->needs_year ? std::to_string(*insight->needs_year) : ""},
        {"needs_total", grouped(insight->needs_total)},
        {"needs_unknown", grouped(insight->needs_unknown)},
        {"needs", needs},
        {"needs_chart", bar_chart("needs-chart", "EHC plans by primary need", need_bars,
                                  {"EHC plans", "No EHC plan figures for this authority."})},
    };
    return render_page(ctx, insight->name + ": SEND figures", "insight_la", std::move(view));
}

}  // namespace sendhub::pages
