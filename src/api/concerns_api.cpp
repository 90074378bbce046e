#include "api/handlers.hpp"
#include "api/json_input.hpp"
#include "api/respond.hpp"
#include "core/text.hpp"
#include "service/concern_service.hpp"

namespace sendhub::api {
namespace {

nlohmann::json stamp(const std::optional<Timestamp>& at) {
    return at ? nlohmann::json(format_timestamp(*at)) : nlohmann::json(nullptr);
}

//! Coordinators learn that a concern exists and its state, never what was seen or who was told.
nlohmann::json concern_json(const SeenConcern& seen) {
    const ConcernRecord& c = seen.record;
    nlohmann::json out{
        {"id", c.id.value},
        {"visit_id", c.visit_id},
        {"request_id", c.request_id},
        {"school_urn", c.school_urn.value},
        {"status", term_of(concern_status_terms(), c.status).code},
        {"dsl_told_in_person", c.details.dsl_told_in_person},
        {"raised_by", c.raised_by_name},
        {"raised_at", format_timestamp(c.raised_at)},
        {"acknowledged_by",
         c.acknowledged_by ? nlohmann::json(c.acknowledged_by_name) : nlohmann::json(nullptr)},
        {"acknowledged_at", stamp(c.acknowledged_at)},
    };
    if (seen.access == ConcernAccess::full) {
        out["summary"] = c.details.summary;
        out["dsl_name"] = c.details.dsl_name;
    }
    return out;
}

nlohmann::json dsl_json(SchoolUrn school, const Dsl& dsl) {
    return {{"school_urn", school.value}, {"name", dsl.name}, {"email", dsl.email}};
}

}  // namespace

Response school_dsl_get(RequestContext& ctx) {
    auto urn = id_param<SchoolUrn>(ctx, "urn");
    if (!urn) return json_error(Error::not_found("No school with this URN."));
    return respond(get_dsl(ctx.services, ctx.actor(), *urn), 200,
                   [&](const Dsl& d) { return dsl_json(*urn, d); });
}

Response school_dsl_put(RequestContext& ctx) {
    auto urn = id_param<SchoolUrn>(ctx, "urn");
    if (!urn) return json_error(Error::not_found("No school with this URN."));
    auto f = JsonFields::from_body(ctx.request);
    auto name = f.text("name");
    auto email = f.text("email");
    if (auto checked = f.check(); !checked) return json_error(checked.error());
    return respond(set_dsl(ctx.services, ctx.actor(), *urn, name, email, ctx.acting()), 200,
                   [&](const Dsl& d) { return dsl_json(*urn, d); });
}

Response concern_raise(RequestContext& ctx) {
    auto visit = parse_int(ctx.param("id"));
    if (!visit || *visit <= 0) return json_error(Error::not_found("No such visit."));
    auto f = JsonFields::from_body(ctx.request);
    ConcernInput input{f.text("summary"), "", f.text("dsl_name")};
    if (f.has("dsl_told_in_person")) {
        const auto& told = f.object()["dsl_told_in_person"];
        input.dsl_told_in_person =
            told.is_boolean() ? (told.get<bool>() ? "true" : "false") : "not a boolean";
    }
    if (auto checked = f.check(); !checked) return json_error(checked.error());
    return respond(raise_concern(ctx.services, ctx.actor(), *visit, input, ctx.acting()), 201,
                   [](const ConcernRecord& c) {
                       return concern_json({c, ConcernAccess::full});
                   });
}

Response concerns_list(RequestContext& ctx) {
    std::optional<ConcernStatus> status;
    if (auto text = ctx.query().get("status"); !text.empty()) {
        status = parse_term(concern_status_terms(), text);
        if (!status)
            return json_error(
                Error::invalid("status", "invalid", "status must be raised or acknowledged"));
    }
    nlohmann::json items = nlohmann::json::array();
    for (const auto& seen : list_concerns(ctx.services, ctx.actor(), status))
        items.push_back(concern_json(seen));
    return json_response(200, {{"items", items}, {"next_cursor", nullptr}});
}

Response concern_get(RequestContext& ctx) {
    auto id = id_param<ConcernId>(ctx);
    if (!id) return json_error(Error::not_found("No such concern."));
    return respond(get_concern(ctx.services, ctx.actor(), *id), 200, concern_json);
}

Response concern_acknowledge(RequestContext& ctx) {
    auto id = id_param<ConcernId>(ctx);
    if (!id) return json_error(Error::not_found("No such concern."));
    return respond(acknowledge_concern(ctx.services, ctx.actor(), *id, ctx.acting()), 200,
                   concern_json);
}

}  // namespace sendhub::api
