#include "adapter/audit_query.hpp"
#include "api/handlers.hpp"
#include "api/json_input.hpp"
#include "api/respond.hpp"
#include "core/json_records.hpp"
#include "core/text.hpp"
#include "service/audit_service.hpp"
#include "service/directory_service.hpp"

namespace sendhub::api {
namespace {

SchoolInput school_input(JsonFields& f) {
    // A relationship or ARB left out keeps what the school had.
    std::string arb;
    if (f.object().contains("arb") && !f.object()["arb"].is_null())
        arb = f.boolean("arb", false) ? "true" : "false";
    return {f.text("urn"),
            f.text("name"),
            f.text("postcode"),
            f.text("phase"),
            f.text("local_authority"),
            f.text("la_code"),
            f.text("relationship"),
            arb};
}

PractitionerInput practitioner_input(JsonFields& f) {
    return {f.text("name"),          f.text("email"),        f.text("grade"),
            f.text("home_postcode"), f.strings("expertise"), f.text("max_days_per_week"),
            f.text("service")};
}

HomeAddress home_for(const RequestContext& ctx) {
    return allows(ctx.actor(), Permission::see_practitioner_home) ? HomeAddress::shown
                                                                  : HomeAddress::hidden;
}

}  // namespace

Response schools_list(RequestContext& ctx) {
    auto query = ctx.query();
    auto params = list_params(query);
    if (!params) return json_error(params.error());
    std::optional<int> la;
    if (auto text = query.get("la_code"); !text.empty()) {
        auto code = parse_int(text);
        if (!code)
            return json_error(Error::invalid("la_code", "invalid", "la_code must be a number"));
        la = static_cast<int>(*code);
    }
    std::optional<SchoolRelationship> relationship;
    if (auto text = query.get("relationship"); !text.empty()) {
        relationship = parse_term(school_relationship_terms(), text);
        if (!relationship)
            return json_error(Error::invalid("relationship", "invalid",
                                             "relationship must be trust, partner or other"));
    }
    std::optional<bool> arb;
    if (auto text = query.get("arb"); !text.empty()) {
        arb = parse_yes_no(text);
        if (!arb) return json_error(Error::invalid("arb", "invalid", "arb must be true or false"));
    }
    auto page = list_schools(ctx.services, ctx.actor(),
                             {.search = query.get("q"),
                              .la_code = la,
                              .relationship = relationship,
                              .arb = arb,
                              .after_urn = parse_int(params->cursor),
                              .limit = params->limit});
    nlohmann::json items = nlohmann::json::array();
    for (const auto& s : page.items) items.push_back(school_json(s));
    return json_response(200, list_body(items, page.next_cursor));
}

Response school_create(RequestContext& ctx) {
    auto f = JsonFields::from_body(ctx.request);
    auto input = school_input(f);
    if (auto checked = f.check(); !checked) return json_error(checked.error());
    return respond(create_school(ctx.services, input, ctx.acting()), 201, school_json);
}

Response school_get(RequestContext& ctx) {
    auto urn = id_param<SchoolUrn>(ctx, "urn");
    if (!urn) return json_error(Error::not_found("No school with this URN."));
    return respond(get_school(ctx.services, ctx.actor(), *urn), 200, school_json);
}

Response school_update(RequestContext& ctx) {
    auto urn = id_param<SchoolUrn>(ctx, "urn");
    if (!urn) return json_error(Error::not_found("No school with this URN."));
    auto f = JsonFields::from_body(ctx.request);
    auto input = school_input(f);
    if (auto checked = f.check(); !checked) return json_error(checked.error());
    return respond(update_school(ctx.services, *urn, input, ctx.acting()), 200, school_json);
}

Response practitioners_list(RequestContext& ctx) {
    auto query = ctx.query();
    auto params = list_params(query);
    if (!params) return json_error(params.error());
    std::optional<Grade> grade;
    if (auto text = query.get("grade"); !text.empty()) {
        grade = parse_term(grade_terms(), text);
        if (!grade)
            return json_error(
                Error::invalid("grade", "invalid", "grade must be specialist_ta, teacher or slt"));
    }
    std::optional<Service> service;
    if (auto text = query.get("service"); !text.empty()) {
        service = parse_term(service_terms(), text);
        if (!service)
            return json_error(Error::invalid(
                "service", "invalid",
                "service must be outreach, educational_psychology or speech_and_language"));
    }
    auto page = list_practitioners(
        ctx.services, {.grade = grade,
                       .service = service,
                       .include_inactive = allows(ctx.actor(), Permission::manage_practitioners),
                       .after_id = parse_int(params->cursor),
                       .limit = params->limit});
    nlohmann::json items = nlohmann::json::array();
    for (const auto& p : page.items) items.push_back(practitioner_json(p, home_for(ctx)));
    return json_response(200, list_body(items, page.next_cursor));
}

Response practitioner_create(RequestContext& ctx) {
    auto f = JsonFields::from_body(ctx.request);
    auto input = practitioner_input(f);
    if (auto checked = f.check(); !checked) return json_error(checked.error());
    return respond(create_practitioner(ctx.services, input, ctx.acting()), 201,
                   [](const Practitioner& p) { return practitioner_json(p, HomeAddress::shown); });
}

Response practitioner_get(RequestContext& ctx) {
    auto id = id_param<PractitionerId>(ctx);
    if (!id) return json_error(Error::not_found("No such practitioner."));
    auto home = home_for(ctx);
    return respond(get_practitioner(ctx.services, *id), 200,
                   [home](const Practitioner& p) { return practitioner_json(p, home); });
}

Response practitioner_update(RequestContext& ctx) {
    auto id = id_param<PractitionerId>(ctx);
    if (!id) return json_error(Error::not_found("No such practitioner."));
    auto f = JsonFields::from_body(ctx.request);
    auto input = practitioner_input(f);
    bool active = f.boolean("active", true);
    if (auto checked = f.check(); !checked) return json_error(checked.error());
    return respond(update_practitioner(ctx.services, *id, input, active, ctx.acting()), 200,
                   [](const Practitioner& p) { return practitioner_json(p, HomeAddress::shown); });
}

Response audit_list(RequestContext& ctx) {
    auto query = ctx.query();
    if (auto text = query.get("limit"); !text.empty()) {
        auto params = list_params(query);
        if (!params) return json_error(params.error());
    }
    auto filter = audit_filter_from(query);
    if (!filter) return json_error(filter.error());
    if (auto cursor = query.get("cursor"); !cursor.empty()) {
        filter->before_id = parse_int(cursor);
        if (!filter->before_id)
            return json_error(Error::invalid("cursor", "invalid", "cursor is not valid"));
    }
    auto found = audit_log(ctx.services, ctx.actor(), *filter);
    if (!found) return json_error(found.error());
    const auto& page = *found;
    nlohmann::json items = nlohmann::json::array();
    for (const auto& e : page.items) {
        items.push_back({{"id", e.id},
                         {"at", format_timestamp(e.at)},
                         {"user_id", e.user_id ? nlohmann::json(*e.user_id) : nlohmann::json()},
                         {"user_email", e.user_email},
                         {"action", e.action},
                         {"entity", e.entity},
                         {"entity_id", e.entity_id},
                         {"detail", nlohmann::json::parse(e.detail, nullptr, false)},
                         {"request_id", e.request_id}});
    }
    return json_response(200, list_body(items, page.next_cursor));
}

}  // namespace sendhub::api
