// Schools' termly returns and self-evaluation (api-contract-insight.md).
#include "api/json_input.hpp"
#include "api/respond.hpp"
#include "api/school_data_handlers.hpp"
#include "core/text.hpp"
#include "service/school_data_service.hpp"

namespace sendhub::api {
namespace {

//! A JSON value as the text a form would carry; anything but a number, a string or null
//! becomes text no validator accepts, so it is reported as `invalid` with its field.
std::string value_text(const nlohmann::json& v) {
    if (v.is_null()) return {};
    if (v.is_string()) return v.get<std::string>();
    if (v.is_number_integer()) return std::to_string(v.get<long long>());
    if (v.is_number()) return v.dump();
    return "not a value";
}

nlohmann::json return_json(const SchoolReturnRecord& r) {
    nlohmann::json out{{"id", r.id},
                       {"school_urn", r.values.school_urn},
                       {"term", term_name(r.values.term)},
                       {"updated_at", format_timestamp(r.updated_at)}};
    for (const auto& [code, value] : r.values.measures)
        out[code] = value ? nlohmann::json(*value) : nlohmann::json(nullptr);
    return out;
}

nlohmann::json framework_json(const Framework& f) {
    nlohmann::json areas = nlohmann::json::array();
    for (const auto& a : f.areas) {
        nlohmann::json statements = nlohmann::json::array();
        for (const auto& st : a.statements)
            statements.push_back({{"id", st.id}, {"text", st.text}});
        areas.push_back(
            {{"id", a.id}, {"title", a.title}, {"topic", a.topic}, {"statements", statements}});
    }
    return {{"id", f.id}, {"name", f.name}, {"scale_max", f.scale_max}, {"areas", areas}};
}

nlohmann::json evaluation_json(const SelfEvaluationRecord& e) {
    nlohmann::json ratings = nlohmann::json::array();
    for (const auto& r : e.ratings)
        ratings.push_back(
            {{"statement_id", r.statement_id}, {"rating", r.rating}, {"evidence", r.evidence}});
    return {{"id", e.id},
            {"school_urn", e.school_urn},
            {"framework_id", e.framework_id},
            {"period", term_name(e.period)},
            {"ratings", ratings},
            {"updated_at", format_timestamp(e.updated_at)}};
}

nlohmann::json heat_map_json(const FrameworkHeatMap& h) {
    nlohmann::json statements = nlohmann::json::array();
    for (const auto& st : h.summary.statements)
        statements.push_back(
            {{"statement_id", st.statement_id},
             {"area", st.area},
             {"text", st.text},
             {"responses", st.responses},
             {"mean", st.mean_hundredths
                          ? nlohmann::json(static_cast<double>(*st.mean_hundredths) / 100.0)
                          : nlohmann::json(nullptr)},
             {"at_or_below_2", st.at_or_below_2},
             {"priority", st.priority}});
    return {{"framework_id", h.framework.id},
            {"period", term_name(h.period)},
            {"schools", h.schools},
            {"statements", statements},
            {"priorities", h.summary.priorities}};
}

template <class T>
nlohmann::json items_json(const std::vector<T>& items, nlohmann::json (*one)(const T&)) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& item : items) out.push_back(one(item));
    return {{"items", out}};
}

std::optional<std::int64_t> id_param(RequestContext& ctx) {
    auto id = parse_int(ctx.param("id"));
    if (!id) return std::nullopt;
    return *id;
}

}  // namespace

http::Response school_return_save(RequestContext& ctx) {
    auto body = parse_json_object(ctx.request);
    if (!body) return json_error(body.error());
    SchoolReturnInput input{value_text(body->value("school_urn", nlohmann::json())),
                            value_text(body->value("term", nlohmann::json())),
                            {}};
    for (const auto& m : return_measures())
        if (body->contains(m.code))
            input.measures[std::string(m.code)] = value_text((*body)[std::string(m.code)]);
    auto saved = save_school_return(ctx.services, ctx.actor(), input);
    if (!saved) return json_error(saved.error());
    return json_response(saved->created ? 201 : 200, return_json(saved->record));
}

http::Response school_returns_list(RequestContext& ctx) {
    const auto q = ctx.query();
    return respond(
        list_school_returns(ctx.services, ctx.actor(), q.get("school_urn"), q.get("term")), 200,
        [](const auto& items) { return items_json(items, return_json); });
}

http::Response school_returns_import(RequestContext& ctx) {
    auto imported = import_school_returns(ctx.services, ctx.actor(), ctx.request.body);
    if (imported) return json_response(200, {{"imported", *imported}});
    const auto& problem = imported.error();
    if (problem.line == 0) return json_error(problem.error);
    nlohmann::json error{{"code", problem.error.code},
                         {"message", problem.error.message},
                         {"field", problem.error.field},
                         {"line", problem.line}};
    return json_response(422, {{"error", error}});
}

http::Response framework_create(RequestContext& ctx) {
    auto body = parse_json_object(ctx.request);
    if (!body) return json_error(body.error());
    FrameworkInput input{value_text(body->value("name", nlohmann::json())),
                         value_text(body->value("scale_max", nlohmann::json())),
                         {}};
    const auto areas = body->value("areas", nlohmann::json::array());
    if (!areas.is_array())
        return json_error(Error::invalid("areas", "invalid", "areas must be a list"));
    for (const auto& a : areas) {
        FrameworkAreaInput area;
        if (a.is_object()) {
            area.title = value_text(a.value("title", nlohmann::json()));
            area.topic = value_text(a.value("topic", nlohmann::json()));
            for (const auto& st : a.value("statements", nlohmann::json::array()))
                area.statements.push_back(value_text(st));
        }
        input.areas.push_back(std::move(area));
    }
    return respond(create_framework(ctx.services, ctx.actor(), input), 201, framework_json);
}

http::Response frameworks_list(RequestContext& ctx) {
    return json_response(200, items_json(list_frameworks(ctx.services), framework_json));
}

http::Response framework_get(RequestContext& ctx) {
    auto id = id_param(ctx);
    if (!id) return json_error(Error::not_found("No such framework."));
    return respond(get_framework(ctx.services, *id), 200, framework_json);
}

http::Response framework_summary(RequestContext& ctx) {
    auto id = id_param(ctx);
    if (!id) return json_error(Error::not_found("No such framework."));
    const auto q = ctx.query();
    return respond(
        framework_heat_map(ctx.services, ctx.actor(), *id, q.get("period"), q.get("relationship")),
        200, heat_map_json);
}

http::Response self_evaluation_save(RequestContext& ctx) {
    auto body = parse_json_object(ctx.request);
    if (!body) return json_error(body.error());
    SelfEvaluationInput input{value_text(body->value("school_urn", nlohmann::json())),
                              value_text(body->value("framework_id", nlohmann::json())),
                              value_text(body->value("period", nlohmann::json())),
                              {}};
    const auto ratings = body->value("ratings", nlohmann::json::array());
    if (!ratings.is_array())
        return json_error(Error::invalid("ratings", "invalid", "ratings must be a list"));
    for (const auto& r : ratings) {
        if (!r.is_object()) {
            input.ratings.push_back({"", "", ""});
            continue;
        }
        input.ratings.push_back({value_text(r.value("statement_id", nlohmann::json())),
                                 value_text(r.value("rating", nlohmann::json())),
                                 value_text(r.value("evidence", nlohmann::json()))});
    }
    auto saved = save_self_evaluation(ctx.services, ctx.actor(), input);
    if (!saved) return json_error(saved.error());
    return json_response(saved->created ? 201 : 200, evaluation_json(saved->record));
}

http::Response self_evaluations_list(RequestContext& ctx) {
    const auto q = ctx.query();
    return respond(list_self_evaluations(ctx.services, ctx.actor(), q.get("school_urn"),
                                         q.get("framework_id"), q.get("period")),
                   200, [](const auto& items) { return items_json(items, evaluation_json); });
}

http::Response self_evaluation_get(RequestContext& ctx) {
    auto id = id_param(ctx);
    if (!id) return json_error(Error::not_found("No such self-evaluation."));
    return respond(get_self_evaluation(ctx.services, ctx.actor(), *id), 200, evaluation_json);
}

}  // namespace sendhub::api
