// Named therapists and provision audits with their action plans
// (api-contract-early-identification.md).
#include "api/json_input.hpp"
#include "api/respond.hpp"
#include "api/slcn_handlers.hpp"
#include "core/text.hpp"
#include "service/slcn_service.hpp"

namespace sendhub::api {
namespace {

nlohmann::json therapist_json(const NamedTherapist& t) {
    auto or_null = [&](const std::string& text) {
        return t.practitioner_id ? nlohmann::json(text) : nlohmann::json();
    };
    return {{"school_urn", t.school_urn},
            {"practitioner_id",
             t.practitioner_id ? nlohmann::json(t.practitioner_id->value) : nlohmann::json()},
            {"name", or_null(t.name)},
            {"email", or_null(t.email)}};
}

nlohmann::json audit_json(const Audit& a) {
    nlohmann::json actions = nlohmann::json::array();
    for (const auto& action : a.values.actions)
        actions.push_back({{"id", action.id},
                           {"text", action.text},
                           {"owner", action.owner},
                           {"due_date", format_date(action.due_date)},
                           {"status", term_of(plan_status_terms(), action.status).code}});
    return {{"id", a.id},
            {"school_urn", a.values.school_urn},
            {"school_name", a.school_name},
            {"date", format_date(a.values.date)},
            {"findings", a.values.findings},
            {"recorded_by", a.recorded_by},
            {"actions", actions}};
}

std::optional<std::int64_t> number_param(RequestContext& ctx, std::string_view name) {
    return parse_int(ctx.param(name));
}

Result<AuditInput> audit_input(RequestContext& ctx) {
    auto body = JsonFields::from_body(ctx.request);
    SENDHUB_TRY(body.check());
    AuditInput in{body.text("school_urn"), body.text("date"), body.text("findings"), {}};
    const auto& object = body.object();
    if (auto actions = object.find("actions"); actions != object.end() && !actions->is_null()) {
        if (!actions->is_array())
            return std::unexpected(
                Error::invalid("actions", "invalid_type", "actions must be a list"));
        for (const auto& a : *actions) {
            if (!a.is_object())
                return std::unexpected(
                    Error::invalid("actions", "invalid_type", "each action must be an object"));
            JsonFields af(a);
            in.actions.push_back(
                {af.text("text"), af.text("owner"), af.text("due_date"), af.text("status")});
            SENDHUB_TRY(af.check());
        }
    }
    SENDHUB_TRY(body.check());
    return in;
}

}  // namespace

http::Response therapist_get(RequestContext& ctx) {
    auto urn = number_param(ctx, "urn");
    if (!urn) return json_error(Error::not_found("No such school."));
    return respond(get_named_therapist(ctx.services, ctx.actor(), *urn), 200, therapist_json);
}

http::Response therapist_put(RequestContext& ctx) {
    auto urn = number_param(ctx, "urn");
    if (!urn) return json_error(Error::not_found("No such school."));
    auto body = JsonFields::from_body(ctx.request);
    if (auto checked = body.check(); !checked) return json_error(checked.error());
    const auto& object = body.object();
    auto given = object.find("practitioner_id");
    if (given == object.end())
        return json_error(Error::invalid("practitioner_id", "required",
                                         "Give the therapist's practitioner_id, or null to clear"));
    std::optional<std::string> practitioner;
    if (!given->is_null()) practitioner = body.text("practitioner_id");
    if (auto checked = body.check(); !checked) return json_error(checked.error());
    return respond(set_named_therapist(ctx.services, ctx.actor(), *urn, practitioner, ctx.acting()),
                   200, therapist_json);
}

http::Response slcn_audit_create(RequestContext& ctx) {
    auto input = audit_input(ctx);
    if (!input) return json_error(input.error());
    return respond(create_audit(ctx.services, ctx.actor(), *input, ctx.acting()), 201, audit_json);
}

http::Response slcn_audits_list(RequestContext& ctx) {
    return respond(list_audits(ctx.services, ctx.actor(), ctx.query().get("school_urn")), 200,
                   [](const std::vector<Audit>& audits) {
                       nlohmann::json items = nlohmann::json::array();
                       for (const auto& a : audits) items.push_back(audit_json(a));
                       return nlohmann::json{{"items", items}};
                   });
}

http::Response slcn_audit_get(RequestContext& ctx) {
    auto id = number_param(ctx, "id");
    if (!id) return json_error(Error::not_found("No such audit."));
    return respond(get_audit(ctx.services, ctx.actor(), *id), 200, audit_json);
}

http::Response slcn_audit_action_update(RequestContext& ctx) {
    auto id = number_param(ctx, "id");
    auto action = number_param(ctx, "action_id");
    if (!id || !action) return json_error(Error::not_found("No such action."));
    auto body = JsonFields::from_body(ctx.request);
    auto status = body.text("status");
    if (auto checked = body.check(); !checked) return json_error(checked.error());
    return respond(
        update_audit_action(ctx.services, ctx.actor(), *id, *action, status, ctx.acting()), 200,
        audit_json);
}

}  // namespace sendhub::api
