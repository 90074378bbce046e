// Speech and language screening rounds (api-contract-early-identification.md).
#include "adapter/download.hpp"
#include "api/json_input.hpp"
#include "api/respond.hpp"
#include "api/screening_handlers.hpp"
#include "core/csv.hpp"
#include "core/text.hpp"
#include "service/screening_service.hpp"

namespace sendhub::api {
namespace {

nlohmann::json rate_json(const ScreeningCounts& c) {
    auto rate = identification_rate_thousandths(c);
    if (!rate) return nullptr;
    return static_cast<double>(*rate) / 1000.0;
}

void add_counts(nlohmann::json& out, const ScreeningCounts& c) {
    out["rounds"] = c.rounds;
    out["screened"] = c.screened;
    out["identified"] = c.identified;
    out["started_intervention"] = c.started_intervention;
    out["exited_intervention"] = c.exited_intervention;
    out["identification_rate"] = rate_json(c);
}

nlohmann::json round_json(const ScreeningRound& r) {
    const auto& v = r.values;
    return {{"id", r.id},
            {"school_urn", v.school_urn},
            {"school_name", r.school_name},
            {"programme", term_of(screening_programme_terms(), v.programme).code},
            {"cohort", term_of(screening_cohort_terms(), v.cohort).code},
            {"date", format_date(v.date)},
            {"screened", v.counts.screened},
            {"identified", v.counts.identified},
            {"started_intervention", v.counts.started_intervention},
            {"exited_intervention", v.counts.exited_intervention},
            {"identification_rate", rate_json(v.counts)}};
}

//! The round as sent; a field a round does not have is refused, so no child's details can
//! ride along with the counts.
Result<ScreeningInput> round_input(RequestContext& ctx) {
    auto body = JsonFields::from_body(ctx.request);
    SENDHUB_TRY(body.check());
    for (const auto& [key, value] : body.object().items())
        if (std::ranges::find(screening_round_fields(), key) == screening_round_fields().end())
            return std::unexpected(Error::invalid(
                key, "unknown_field",
                "A screening round holds counts only; " + key + " is not one of its fields"));
    ScreeningInput in{body.text("school_urn"),
                      body.text("programme"),
                      body.text("cohort"),
                      body.text("date"),
                      body.text("screened"),
                      body.text("identified"),
                      body.text("started_intervention"),
                      body.text("exited_intervention")};
    SENDHUB_TRY(body.check());
    return in;
}

ScreeningQuery query_of(RequestContext& ctx) {
    const auto q = ctx.query();
    return {q.get("school_urn"), q.get("programme"), q.get("cohort"), q.get("from"), q.get("to")};
}

std::optional<std::int64_t> id_param(RequestContext& ctx) {
    auto id = parse_int(ctx.param("id"));
    if (!id) return std::nullopt;
    return *id;
}

}  // namespace

http::Response screening_round_create(RequestContext& ctx) {
    auto input = round_input(ctx);
    if (!input) return json_error(input.error());
    return respond(create_screening_round(ctx.services, ctx.actor(), *input), 201, round_json);
}

http::Response screening_round_update(RequestContext& ctx) {
    auto id = id_param(ctx);
    if (!id) return json_error(Error::not_found("No such screening round."));
    auto input = round_input(ctx);
    if (!input) return json_error(input.error());
    return respond(update_screening_round(ctx.services, ctx.actor(), *id, *input), 200, round_json);
}

http::Response screening_round_get(RequestContext& ctx) {
    auto id = id_param(ctx);
    if (!id) return json_error(Error::not_found("No such screening round."));
    return respond(get_screening_round(ctx.services, ctx.actor(), *id), 200, round_json);
}

http::Response screening_rounds_list(RequestContext& ctx) {
    return respond(list_screening_rounds(ctx.services, ctx.actor(), query_of(ctx)), 200,
                   [](const auto& rounds) {
                       nlohmann::json items = nlohmann::json::array();
                       for (const auto& r : rounds) items.push_back(round_json(r));
                       return nlohmann::json{{"items", items}};
                   });
}

http::Response screening_rounds_csv(RequestContext& ctx) {
    auto rounds = list_screening_rounds(ctx.services, ctx.actor(), query_of(ctx));
    if (!rounds) return json_error(rounds.error());
    std::string out = csv_record({"school_urn", "school_name", "programme", "cohort", "date",
                                  "screened", "identified", "started_intervention",
                                  "exited_intervention", "identification_rate"});
    for (const auto& r : *rounds) {
        const auto& v = r.values;
        out += csv_record({std::to_string(v.school_urn), r.school_name,
                           std::string(term_of(screening_programme_terms(), v.programme).code),
                           std::string(term_of(screening_cohort_terms(), v.cohort).code),
                           format_date(v.date), std::to_string(v.counts.screened),
                           std::to_string(v.counts.identified),
                           std::to_string(v.counts.started_intervention),
                           std::to_string(v.counts.exited_intervention),
                           format_rate(identification_rate_thousandths(v.counts).value_or(0))});
    }
    return download(std::move(out), "text/csv; charset=utf-8", "screening-rounds.csv", false);
}

http::Response screening_summary(RequestContext& ctx) {
    return respond(
        screening_overview(ctx.services, ctx.actor(), query_of(ctx)), 200,
        [](const ScreeningOverview& o) {
            nlohmann::json total = nlohmann::json::object();
            add_counts(total, o.summary.total);
            nlohmann::json programmes = nlohmann::json::array();
            for (const auto& [p, c] : o.summary.by_programme) {
                nlohmann::json g{{"programme", term_of(screening_programme_terms(), p).code}};
                add_counts(g, c);
                programmes.push_back(g);
            }
            nlohmann::json cohorts = nlohmann::json::array();
            for (const auto& [k, c] : o.summary.by_cohort) {
                nlohmann::json g{{"cohort", term_of(screening_cohort_terms(), k).code}};
                add_counts(g, c);
                cohorts.push_back(g);
            }
            nlohmann::json schools = nlohmann::json::array();
            for (const auto& school : o.by_school) {
                nlohmann::json g{{"school_urn", school.urn}, {"name", school.name}};
                add_counts(g, school.counts);
                schools.push_back(g);
            }
            return nlohmann::json{{"total", total},
                                  {"by_programme", programmes},
                                  {"by_cohort", cohorts},
                                  {"by_school", schools}};
        });
}

}  // namespace sendhub::api
