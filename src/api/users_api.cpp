#include "api/handlers.hpp"
#include "api/json_input.hpp"
#include "api/respond.hpp"
#include "core/json_records.hpp"
#include "core/text.hpp"
#include "service/account_service.hpp"
#include "service/mfa_service.hpp"

namespace sendhub::api {
namespace {

Result<UserId> user_id(const RequestContext& ctx) {
    auto id = id_param<UserId>(ctx);
    if (!id) return std::unexpected(Error::not_found("No such user."));
    return *id;
}

Response set_active(RequestContext& ctx, bool active) {
    auto id = user_id(ctx);
    if (!id) return json_error(id.error());
    return respond(set_user_active(ctx.services, ctx.actor(), *id, active, ctx.acting()), 200,
                   user_json);
}

}  // namespace

Response users_list(RequestContext& ctx) {
    auto query = ctx.query();
    auto params = list_params(query);
    if (!params) return json_error(params.error());
    std::optional<Role> role;
    if (auto text = query.get("role"); !text.empty()) {
        role = parse_role(text);
        if (!role) return json_error(Error::invalid("role", "invalid", "Unknown role"));
    }
    auto found =
        list_users(ctx.services, ctx.actor(),
                   {.role = role, .after_id = parse_int(params->cursor), .limit = params->limit});
    if (!found) return json_error(found.error());
    const auto& page = *found;
    nlohmann::json items = nlohmann::json::array();
    for (const auto& u : page.items) items.push_back(user_json(u));
    return json_response(200, list_body(items, page.next_cursor));
}

Response user_create(RequestContext& ctx) {
    auto f = JsonFields::from_body(ctx.request);
    UserInput input{f.text("email"),    f.text("name"),       f.text("role"),
                    f.text("password"), f.text("school_urn"), f.text("practitioner_id")};
    if (auto checked = f.check(); !checked) return json_error(checked.error());
    return respond(create_user(ctx.services, input, ctx.acting()), 201, user_json);
}

Response user_get(RequestContext& ctx) {
    auto id = user_id(ctx);
    if (!id) return json_error(id.error());
    auto user = get_user(ctx.services, ctx.actor(), *id);
    if (!user) return json_error(user.error());
    return json_response(200, user_json(*user));
}

Response user_change_role(RequestContext& ctx) {
    auto id = user_id(ctx);
    if (!id) return json_error(id.error());
    auto f = JsonFields::from_body(ctx.request);
    std::string role = f.text("role");
    std::string school = f.text("school_urn");
    std::string practitioner = f.text("practitioner_id");
    if (auto checked = f.check(); !checked) return json_error(checked.error());
    return respond(
        change_user_role(ctx.services, ctx.actor(), *id, role, school, practitioner, ctx.acting()),
        200, user_json);
}

Response user_password_reset(RequestContext& ctx) {
    auto id = user_id(ctx);
    if (!id) return json_error(id.error());
    auto sent = send_password_reset(ctx.services, ctx.actor(), *id, ctx.acting());
    if (!sent) return json_error(sent.error());
    return json_response(202, {{"sent", true}});
}

Response user_mfa_reset(RequestContext& ctx) {
    auto id = user_id(ctx);
    if (!id) return json_error(id.error());
    auto user = reset_user_mfa(ctx.services, ctx.actor(), *id, ctx.acting());
    if (!user) return json_error(user.error());
    return json_response(200, {{"id", user->id.value}, {"mfa_enabled", false}});
}

Response user_deactivate(RequestContext& ctx) {
    return set_active(ctx, false);
}
Response user_reactivate(RequestContext& ctx) {
    return set_active(ctx, true);
}

}  // namespace sendhub::api
