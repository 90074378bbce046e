#include "adapter/session_cookie.hpp"
#include "api/handlers.hpp"
#include "api/json_input.hpp"
#include "api/respond.hpp"
#include "core/embedded_files.hpp"
#include "core/json_records.hpp"
#include "service/account_service.hpp"

namespace sendhub::api {

Response healthz(RequestContext& ctx) {
    // Proves the database answers, not just that the process is up.
    check_database(ctx.services);
    return json_response(200, {{"status", "ok"}});
}

Response openapi(RequestContext&) {
    for (const auto& file : embedded_files()) {
        if (file.path == "docs/openapi.yaml")
            return Response::with_body(200, "application/yaml; charset=utf-8",
                                       std::string(file.content));
    }
    return json_error(Error::not_found());
}

Response login(RequestContext& ctx) {
    auto f = JsonFields::from_body(ctx.request);
    std::string email = f.text("email");
    std::string password = f.text("password");
    if (auto checked = f.check(); !checked) return json_error(checked.error());
    auto signed_in = sign_in(ctx.services, email, password, ctx.client_address(), ctx.acting());
    if (!signed_in) return json_error(signed_in.error());
    const User& u = signed_in->user;
    auto response =
        json_response(200, {{"token", signed_in->session.token},
                            {"csrf_token", signed_in->session.csrf_token},
                            {"user",
                             {{"id", u.id.value},
                              {"email", u.email},
                              {"name", u.name},
                              {"role", role_code(u.role)},
                              {"school_urn", u.school_urn ? nlohmann::json(u.school_urn->value)
                                                          : nlohmann::json()}}}});
    response.add_header("Set-Cookie", session_cookie_name(ctx.services.config) + "=" +
                                          signed_in->session.token +
                                          cookie_attributes(ctx.services.config));
    return response;
}

Response password_reset_request(RequestContext& ctx) {
    auto f = JsonFields::from_body(ctx.request);
    std::string email = f.text("email");
    if (auto checked = f.check(); !checked) return json_error(checked.error());
    auto asked = request_password_reset(ctx.services, email, ctx.client_address());
    if (!asked) return json_error(asked.error());
    // The same answer whether or not the email has an account.
    return json_response(202, {{"status", "sent_if_registered"}});
}

Response password_reset_complete(RequestContext& ctx) {
    auto f = JsonFields::from_body(ctx.request);
    std::string password = f.text("password");
    if (auto checked = f.check(); !checked) return json_error(checked.error());
    auto reset = reset_password(ctx.services, ctx.param("token"), password, ctx.acting());
    if (!reset) return json_error(reset.error());
    return json_response(200, {{"status", "password_changed"}});
}

Response logout(RequestContext& ctx) {
    sign_out(ctx.services, ctx.session_token, ctx.actor(), ctx.acting());
    auto response = json_response(200, {{"status", "signed_out"}});
    response.add_header("Set-Cookie", session_cookie_name(ctx.services.config) + "=" +
                                          cookie_attributes(ctx.services.config, "Max-Age=0"));
    return response;
}

Response me(RequestContext& ctx) {
    auto user = get_user(ctx.services, ctx.actor(), ctx.actor().user_id);
    if (!user) return json_error(user.error());
    return json_response(200, user_json(*user));
}

Response change_password(RequestContext& ctx) {
    auto f = JsonFields::from_body(ctx.request);
    std::string current = f.text("current_password");
    std::string replacement = f.text("new_password");
    if (auto checked = f.check(); !checked) return json_error(checked.error());
    auto changed = change_own_password(ctx.services, ctx.actor(), ctx.session_token,
                                       {current, replacement, replacement}, ctx.acting());
    if (!changed) return json_error(changed.error());
    return json_response(200, {{"status", "password_changed"}});
}

}  // namespace sendhub::api
