#include "api/handlers.hpp"
#include "api/json_input.hpp"
#include "api/respond.hpp"
#include "core/partner_json.hpp"
#include "core/text.hpp"
#include "security/random.hpp"
#include "service/school_account_service.hpp"

namespace sendhub::api {
namespace {

template <class Status>
Result<StatusFilter> status_filter(const http::FormData& query,
                                   std::span<const Term<Status>> terms) {
    auto params = list_params(query);
    if (!params) return std::unexpected(params.error());
    StatusFilter filter{.status = query.get("status"),
                        .before_id = parse_int(params->cursor),
                        .limit = params->limit};
    if (!filter.status.empty() && !parse_term(terms, filter.status))
        return std::unexpected(
            Error::invalid("status", "invalid", "status is not one this list takes"));
    return filter;
}

}  // namespace

Response registration_create(RequestContext& ctx) {
    auto f = JsonFields::from_body(ctx.request);
    RegistrationInput input{f.text("school_urn"), f.text("name"), f.text("email"), f.text("role"),
                            f.text("password")};
    if (auto checked = f.check(); !checked) return json_error(checked.error());
    return respond(register_school_user(ctx.services, input, random_token()), 201,
                   registration_json);
}

Response registration_verify(RequestContext& ctx) {
    auto f = JsonFields::from_body(ctx.request);
    auto token = f.text("token");
    if (auto checked = f.check(); !checked) return json_error(checked.error());
    return respond(verify_registration(ctx.services, token), 200, registration_json);
}

Response registrations_list(RequestContext& ctx) {
    auto filter = status_filter(ctx.query(), registration_status_terms());
    if (!filter) return json_error(filter.error());
    auto page = list_registrations(ctx.services, *filter);
    nlohmann::json items = nlohmann::json::array();
    for (const auto& r : page.items) items.push_back(registration_json(r));
    return json_response(200, list_body(items, page.next_cursor));
}

Response registration_approve(RequestContext& ctx) {
    auto id = id_param<RegistrationId>(ctx);
    if (!id) return json_error(Error::not_found("No such registration."));
    return respond(approve_registration(ctx.services, *id, ctx.acting()), 200, registration_json);
}

Response registration_reject(RequestContext& ctx) {
    auto id = id_param<RegistrationId>(ctx);
    if (!id) return json_error(Error::not_found("No such registration."));
    auto f = JsonFields::from_body(ctx.request);
    auto reason = f.text("reason");
    if (auto checked = f.check(); !checked) return json_error(checked.error());
    return respond(reject_registration(ctx.services, *id, reason, ctx.acting()), 200,
                   registration_json);
}

Response invitation_create(RequestContext& ctx) {
    auto f = JsonFields::from_body(ctx.request);
    InvitationInput input{f.text("email"), f.text("role"), f.text("school_urn")};
    if (auto checked = f.check(); !checked) return json_error(checked.error());
    return respond(invite_school_user(ctx.services, input, ctx.acting()), 201, invitation_json);
}

Response invitations_list(RequestContext& ctx) {
    auto filter = status_filter(ctx.query(), invitation_status_terms());
    if (!filter) return json_error(filter.error());
    auto page = list_invitations(ctx.services, *filter);
    nlohmann::json items = nlohmann::json::array();
    for (const auto& i : page.items) items.push_back(invitation_json(i));
    return json_response(200, list_body(items, page.next_cursor));
}

Response invitation_revoke(RequestContext& ctx) {
    auto id = id_param<InvitationId>(ctx);
    if (!id) return json_error(Error::not_found("No such invitation."));
    return respond(revoke_invitation(ctx.services, *id, ctx.acting()), 200, invitation_json);
}

Response invitation_accept(RequestContext& ctx) {
    auto f = JsonFields::from_body(ctx.request);
    auto token = f.text("token");
    auto name = f.text("name");
    auto password = f.text("password");
    if (auto checked = f.check(); !checked) return json_error(checked.error());
    return respond(accept_invitation(ctx.services, token, name, password, ctx.acting()), 200,
                   invitation_json);
}

}  // namespace sendhub::api
