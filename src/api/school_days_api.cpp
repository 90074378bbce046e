// School days over JSON: local authorities' term dates and which dates a school is open.
#include "api/handlers.hpp"
#include "api/json_input.hpp"
#include "api/respond.hpp"
#include "service/school_days_service.hpp"

namespace sendhub::api {
namespace {

nlohmann::json optional_date_json(const std::optional<Date>& d) {
    return d ? nlohmann::json(format_date(*d)) : nlohmann::json(nullptr);
}

nlohmann::json term_dates_json(const TermDates& t) {
    nlohmann::json terms = nlohmann::json::array(), closures = nlohmann::json::array();
    for (const auto& term : t.terms)
        terms.push_back({{"starts_on", format_date(term.starts_on)},
                         {"ends_on", format_date(term.ends_on)},
                         {"half_term_starts_on", optional_date_json(term.half_term_starts_on)},
                         {"half_term_ends_on", optional_date_json(term.half_term_ends_on)}});
    for (auto d : t.closures) closures.push_back(format_date(d));
    return {{"academic_year", t.academic_year}, {"terms", terms}, {"closures", closures}};
}

Result<TermDatesInput> term_dates_input(const http::Request& request) {
    auto f = JsonFields::from_body(request);
    TermDatesInput in{.academic_year = f.text("academic_year"), .closures = f.strings("closures")};
    SENDHUB_TRY(f.check());
    const auto& list = f.object().contains("terms") ? f.object()["terms"] : nlohmann::json::array();
    if (!list.is_array())
        return std::unexpected(Error::invalid("terms", "type", "terms must be an array"));
    for (const auto& item : list) {
        if (!item.is_object())
            return std::unexpected(Error::invalid("terms", "type", "Each term must be an object"));
        JsonFields t(item);
        in.terms.push_back({t.text("starts_on"), t.text("ends_on"), t.text("half_term_starts_on"),
                            t.text("half_term_ends_on")});
        SENDHUB_TRY(t.check());
    }
    return in;
}

}  // namespace

Response term_dates_put(RequestContext& ctx) {
    auto in = term_dates_input(ctx.request);
    if (!in) return json_error(in.error());
    return respond(
        put_term_dates(ctx.services, ctx.actor(), ctx.param("la_code"), *in, ctx.acting()), 200,
        term_dates_json);
}

Response term_dates_import(RequestContext& ctx) {
    auto f = JsonFields::from_body(ctx.request);
    auto csv = f.text("csv");
    if (auto checked = f.check(); !checked) return json_error(checked.error());
    return respond(import_term_dates(ctx.services, ctx.actor(), csv, ctx.acting()), 200,
                   [](const std::vector<AuthorityTermDates>& years) {
                       nlohmann::json items = nlohmann::json::array();
                       for (const auto& y : years) {
                           auto item = term_dates_json(y.dates);
                           item["la_code"] = y.la_code;
                           items.push_back(std::move(item));
                       }
                       return nlohmann::json{{"items", items}};
                   });
}

Response term_dates_get(RequestContext& ctx) {
    return respond(
        get_term_dates(ctx.services, ctx.param("la_code"), ctx.query().get("academic_year")), 200,
        term_dates_json);
}

Response school_days_get(RequestContext& ctx) {
    auto query = ctx.query();
    return respond(
        school_days(ctx.services, ctx.actor(), query.get("school_urn"), query.get("from"),
                    query.get("to")),
        200, [](const std::vector<SchoolDay>& days) {
            nlohmann::json items = nlohmann::json::array();
            for (const auto& d : days)
                items.push_back(
                    {{"date", format_date(d.date)},
                     {"school_day", !d.closed},
                     {"reason", d.closed ? nlohmann::json(std::string(
                                               term_of(closed_reason_terms(), *d.closed).code))
                                         : nlohmann::json(nullptr)}});
            return nlohmann::json{{"items", items}};
        });
}

}  // namespace sendhub::api
