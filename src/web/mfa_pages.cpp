// Two-step sign-in pages: the code step of signing in, setting it up with an authenticator
// app, an administrator's reset, and the roles that must use it.
#include <set>

#include "adapter/error_response.hpp"
#include "adapter/qr_svg.hpp"
#include "adapter/session_cookie.hpp"
#include "core/totp.hpp"
#include "http/url.hpp"
#include "service/account_service.hpp"
#include "service/mfa_service.hpp"
#include "web/form_view.hpp"
#include "web/handlers.hpp"
#include "web/page.hpp"

namespace sendhub::pages {
namespace {

std::optional<std::string> cookie_of(const RequestContext& ctx, const std::string& name) {
    auto header = ctx.request.header("cookie");
    if (!header) return std::nullopt;
    return http::cookie_value(*header, name);
}

FormView::Input code_input() {
    return {.hint =
                "The 6-digit code your authenticator app shows now, or one of your recovery "
                "codes.",
            .autocomplete = "one-time-code",
            .width = "10",
            .spellcheck = false};
}

Response render_code_step(RequestContext& ctx, const FormView& form, int status) {
    nlohmann::json view{
        {"summary", form.summary()},
        {"next", http::local_redirect_target(ctx.form.has("next") ? ctx.form.get("next")
                                                                  : ctx.query().get("next"))},
        {"mfa_code", form.input("mfa_code", "Security code", "", code_input())},
    };
    return render_public_form(ctx, "Enter your security code", "login_mfa", view, status);
}

// The secret in groups of four, easier to type into an app than one long string.
std::string grouped(std::string_view secret) {
    std::string out;
    for (std::size_t i = 0; i < secret.size(); ++i) {
        if (i > 0 && i % 4 == 0) out += ' ';
        out += secret[i];
    }
    return out;
}

Response render_account(RequestContext& ctx, const FormView& form, int status,
                        const std::optional<MfaSetup>& setup,
                        const std::vector<std::string>& recovery_codes = {}) {
    auto state = mfa_status(ctx.services, ctx.actor());
    nlohmann::json view{
        {"summary", form.summary()},
        {"enabled", state.enabled},
        {"recovery_codes_left", state.recovery_codes_left},
        {"required", ctx.session && ctx.session->mfa_setup_required},
        {"setting_up", setup.has_value()},
        {"show_codes", !recovery_codes.empty()},
        {"recovery_codes", recovery_codes},
        {"password", form.input("password", "Your password", "",
                                {.type = "password", .autocomplete = "current-password"})},
        {"code", form.input("code", "Code from the app", "",
                            {.hint = "The 6-digit code the app shows for sendhub.",
                             .autocomplete = "one-time-code",
                             .width = "10",
                             .spellcheck = false,
                             .inputmode = "numeric"})},
        {"qr_svg", setup ? qr_svg(setup->otpauth_uri, "QR code to scan with your authenticator app")
                         : std::string()},
        {"secret", setup ? grouped(setup->secret) : std::string()},
    };
    return render_page(ctx, "Two-step sign-in", "account_mfa", std::move(view), status);
}

Options role_options() {
    Options options;
    for (const auto& term : role_terms())
        options.emplace_back(std::string(term.code), std::string(term.label));
    return options;
}

Response render_settings(RequestContext& ctx, const FormView& form, int status,
                         const std::set<std::string>& checked) {
    nlohmann::json view{
        {"summary", form.summary()},
        {"required_roles",
         form.checkboxes("required_roles", "Which roles must use two-step sign-in?", role_options(),
                         checked,
                         "People in these roles can do nothing else until they have set it "
                         "up. Choose at least the roles that see children's records.")},
    };
    return render_page(ctx, "Two-step sign-in for roles", "settings_mfa", std::move(view), status);
}

Response signed_in_response(RequestContext& ctx, const SignedIn& signed_in,
                            const std::string& target) {
    auto response = Response::redirect(http::local_redirect_target(target));
    const auto& config = ctx.services.config;
    response.add_header("Set-Cookie", session_cookie_name(config) + "=" + signed_in.session.token +
                                          cookie_attributes(config));
    response.add_header("Set-Cookie", login_csrf_cookie_name(config) + "=" +
                                          cookie_attributes(config, "Max-Age=0"));
    response.add_header("Set-Cookie", pending_sign_in_cookie_name(config) + "=" +
                                          cookie_attributes(config, "Max-Age=0"));
    return response;
}

}  // namespace

Response login_mfa_form(RequestContext& ctx) {
    if (ctx.signed_in()) return Response::redirect("/");
    if (!cookie_of(ctx, pending_sign_in_cookie_name(ctx.services.config)))
        return Response::redirect("/login");
    return render_code_step(ctx, FormView{}, 200);
}

Response login_mfa_submit(RequestContext& ctx) {
    auto token = cookie_of(ctx, pending_sign_in_cookie_name(ctx.services.config)).value_or("");
    auto signed_in = complete_sign_in(ctx.services, token, ctx.form.get("mfa_code"), ctx.acting());
    if (!signed_in) {
        Error shown = signed_in.error();
        if (shown.fields.empty()) shown.fields = {{"mfa_code", shown.code, shown.message}};
        auto response = render_code_step(ctx, FormView(shown), http_status(shown.kind));
        add_retry_after(response, shown);
        return response;
    }
    return signed_in_response(ctx, *signed_in, ctx.form.get("next"));
}

Response account_mfa_page(RequestContext& ctx) {
    return render_account(ctx, FormView{}, 200, std::nullopt);
}

Response account_mfa_setup(RequestContext& ctx) {
    auto setup = start_mfa_setup(ctx.services, ctx.actor(), ctx.form.get("password"));
    if (!setup) {
        return form_failure(ctx, setup.error(), [&](const FormView& form, int status) {
            return render_account(ctx, form, status, std::nullopt);
        });
    }
    return render_account(ctx, FormView{}, 200, *setup);
}

Response account_mfa_confirm(RequestContext& ctx) {
    auto codes = confirm_mfa_setup(ctx.services, ctx.actor(), ctx.form.get("code"), ctx.acting());
    if (!codes) {
        auto pending = pending_mfa_setup(ctx.services, ctx.actor());
        return form_failure(ctx, codes.error(), [&](const FormView& form, int status) {
            return render_account(ctx, form, status,
                                  pending ? std::optional(*pending) : std::nullopt);
        });
    }
    return render_account(ctx, FormView{}, 200, std::nullopt, *codes);
}

Response user_mfa_reset_page(RequestContext& ctx) {
    auto id = id_param<UserId>(ctx);
    if (!id) return error_page(ctx, Error::not_found());
    auto user = reset_user_mfa(ctx.services, ctx.actor(), *id, ctx.acting());
    if (!user) return error_page(ctx, user.error());
    return redirect_with_flash(ctx, "/users/" + std::to_string(id->value),
                               "Two-step sign-in is off for " + user->name +
                                   ". They set it up again when they next sign in.");
}

Response mfa_settings_page(RequestContext& ctx) {
    auto roles = mfa_required_roles(ctx.services, ctx.actor());
    if (!roles) return error_page(ctx, roles.error());
    std::set<std::string> checked;
    for (Role role : *roles) checked.emplace(role_code(role));
    return render_settings(ctx, FormView{}, 200, checked);
}

Response mfa_settings_save(RequestContext& ctx) {
    auto codes = ctx.form.get_all("required_roles");
    auto saved = set_mfa_required_roles(ctx.services, ctx.actor(), codes, ctx.acting());
    if (!saved) {
        return form_failure(ctx, saved.error(), [&](const FormView& form, int status) {
            return render_settings(ctx, form, status, {codes.begin(), codes.end()});
        });
    }
    return redirect_with_flash(ctx, "/settings/mfa", "Two-step sign-in settings saved");
}

}  // namespace sendhub::pages
