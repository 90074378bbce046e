// Trust-wide SEND insight from the school census (api-contract-insight.md).
#include "adapter/download.hpp"
#include "adapter/insight_csv.hpp"
#include "api/insight_handlers.hpp"
#include "api/respond.hpp"
#include "core/text.hpp"
#include "service/insight_service.hpp"

namespace sendhub::api {
namespace {

nlohmann::json number_or_null(std::optional<std::int64_t> v) {
    return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

nlohmann::json percent_or_null(std::optional<std::int64_t> tenths) {
    return tenths ? nlohmann::json(static_cast<double>(*tenths) / 10.0) : nlohmann::json(nullptr);
}

//! Adds the figures F to an object.
void put_figures(nlohmann::json& out, const CensusFigures& f) {
    out["pupils"] = number_or_null(f.pupils);
    out["ehcp"] = number_or_null(f.ehcp);
    out["sen_support"] = number_or_null(f.sen_support);
    out["ehcp_pct"] = percent_or_null(f.ehcp_pct_tenths);
    out["sen_support_pct"] = percent_or_null(f.sen_support_pct_tenths);
}

nlohmann::json totals_json(const CensusTotals& t, nlohmann::json out = nlohmann::json::object()) {
    out["schools"] = t.schools;
    put_figures(out, figures_of(t));
    return out;
}

nlohmann::json school_json(const SchoolInsight& insight) {
    nlohmann::json years = nlohmann::json::array();
    for (const auto& y : insight.years) {
        nlohmann::json item{
            {"year", y.year}, {"school_type", y.row.school_type}, {"la_code", y.row.la_code}};
        put_figures(item, figures_of(y.row.counts));
        item["la"] = totals_json(y.la, {{"la_code", y.row.la_code}, {"name", y.la_name}});
        item["england"] = totals_json(y.england);
        years.push_back(std::move(item));
    }
    return {{"urn", insight.urn},
            {"name", insight.name ? nlohmann::json(*insight.name) : nlohmann::json(nullptr)},
            {"years", years}};
}

nlohmann::json local_authority_json(const LocalAuthorityInsight& insight) {
    nlohmann::json years = nlohmann::json::array();
    for (const auto& y : insight.years)
        years.push_back(totals_json(y.totals, {{"year", y.la_code}}));
    nlohmann::json needs = nullptr;
    if (insight.needs_year) {
        nlohmann::json items = nlohmann::json::array();
        for (const auto& n : insight.needs)
            items.push_back(
                {{"need", n.need}, {"plans", n.plans}, {"pct", percent_or_null(n.pct_tenths)}});
        needs = {{"year", *insight.needs_year},
                 {"total", insight.needs_total},
                 {"unknown", insight.needs_unknown},
                 {"needs", items}};
    }
    return {{"la_code", insight.la_code},
            {"name", insight.name},
            {"years", years},
            {"ehcp_needs", needs}};
}

nlohmann::json england_json(const EnglandInsight& insight) {
    nlohmann::json by_type = nlohmann::json::array();
    for (const auto& t : insight.by_school_type)
        by_type.push_back(totals_json(t.totals, {{"school_type", t.school_type}}));
    nlohmann::json by_la = nlohmann::json::array();
    for (const auto& la : insight.by_local_authority)
        by_la.push_back(totals_json(la.totals, {{"la_code", la.la_code}, {"name", la.name}}));
    auto out = totals_json(insight.totals, {{"year", insight.year}});
    out["by_school_type"] = std::move(by_type);
    out["by_la"] = std::move(by_la);
    return out;
}

nlohmann::json trust_json(const TrustInsight& insight) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& s : insight.items) {
        nlohmann::json item{{"urn", s.urn},
                            {"name", s.name},
                            {"la_code", s.la_code ? nlohmann::json(*s.la_code) : nullptr},
                            {"la_name", s.la_name},
                            {"school_type", s.school_type}};
        put_figures(item, figures_of(s.counts));
        items.push_back(std::move(item));
    }
    return {{"relationship", term_of(school_relationship_terms(), insight.relationship).code},
            {"year", insight.year},
            {"items", items},
            {"totals", totals_json(insight.totals)}};
}

TrustQuery trust_query(const RequestContext& ctx) {
    const auto q = ctx.query();
    return {q.get("relationship"), q.get("year"), q.get("sort"), q.get("order")};
}

}  // namespace

http::Response insight_school(RequestContext& ctx) {
    auto urn = parse_int(ctx.param("urn"));
    if (!urn) return json_error(Error::not_found("No school with that URN is in the census."));
    return respond(school_insight(ctx.services, ctx.actor(), *urn), 200, school_json);
}

http::Response insight_local_authority(RequestContext& ctx) {
    auto code = parse_int(ctx.param("la_code"));
    if (!code) return json_error(Error::not_found("No local authority with that code."));
    return respond(local_authority_insight(ctx.services, ctx.actor(), static_cast<int>(*code)), 200,
                   local_authority_json);
}

http::Response insight_england(RequestContext& ctx) {
    return respond(england_insight(ctx.services, ctx.actor(), ctx.query().get("year")), 200,
                   england_json);
}

http::Response insight_trust(RequestContext& ctx) {
    return respond(trust_insight(ctx.services, ctx.actor(), trust_query(ctx)), 200, trust_json);
}

http::Response insight_trust_csv(RequestContext& ctx) {
    auto insight = trust_insight(ctx.services, ctx.actor(), trust_query(ctx));
    if (!insight) return json_error(insight.error());
    return download(trust_insight_csv(*insight), "text/csv; charset=utf-8",
                    trust_insight_filename(*insight), false);
}

}  // namespace sendhub::api
