#include "adapter/session_cookie.hpp"
#include "api/handlers.hpp"
#include "api/json_input.hpp"
#include "api/respond.hpp"
#include "core/embedded_files.hpp"
#include "core/json_records.hpp"
#include "service/account_service.hpp"
#include "service/mfa_service.hpp"

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
    std::string mfa_code = f.text("mfa_code");
    if (auto checked = f.check(); !checked) return json_error(checked.error());
    SecondStep second;
    if (f.has("mfa_code")) second.code = mfa_code;
    auto signed_in =
        sign_in(ctx.services, email, password, ctx.client_address(), ctx.acting(), second);
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

namespace {
nlohmann::json status_json(const MfaStatus& status) {
    return {{"enabled", status.enabled}, {"recovery_codes_left", status.recovery_codes_left}};
}
nlohmann::json roles_json(const std::vector<Role>& roles) {
    auto codes = nlohmann::json::array();
    for (Role role : roles) codes.push_back(role_code(role));
    return {{"required_roles", codes}};
}
}  // namespace

Response mfa_get(RequestContext& ctx) {
    return json_response(200, status_json(mfa_status(ctx.services, ctx.actor())));
}

Response mfa_setup(RequestContext& ctx) {
    auto f = JsonFields::from_body(ctx.request);
    std::string password = f.text("password");
    if (auto checked = f.check(); !checked) return json_error(checked.error());
    auto setup = start_mfa_setup(ctx.services, ctx.actor(), password);
    if (!setup) return json_error(setup.error());
    return json_response(200, {{"secret", setup->secret}, {"otpauth_uri", setup->otpauth_uri}});
}

Response mfa_confirm(RequestContext& ctx) {
    auto f = JsonFields::from_body(ctx.request);
    std::string code = f.text("code");
    if (auto checked = f.check(); !checked) return json_error(checked.error());
    auto codes = confirm_mfa_setup(ctx.services, ctx.actor(), code, ctx.acting());
    if (!codes) return json_error(codes.error());
    return json_response(200, {{"enabled", true}, {"recovery_codes", *codes}});
}

Response mfa_settings_get(RequestContext& ctx) {
    auto roles = mfa_required_roles(ctx.services, ctx.actor());
    if (!roles) return json_error(roles.error());
    return json_response(200, roles_json(*roles));
}

Response mfa_settings_put(RequestContext& ctx) {
    auto f = JsonFields::from_body(ctx.request);
    auto codes = f.strings("required_roles");
    if (!f.has("required_roles"))
        f.fail({"required_roles", "required", "List the roles that must use two-step sign-in"});
    if (auto checked = f.check(); !checked) return json_error(checked.error());
    auto roles = set_mfa_required_roles(ctx.services, ctx.actor(), codes, ctx.acting());
    if (!roles) return json_error(roles.error());
    return json_response(200, roles_json(*roles));
}

}  // namespace sendhub::api
