#include "adapter/error_response.hpp"
#include "adapter/session_cookie.hpp"
#include "core/email.hpp"
#include "core/text.hpp"
#include "http/url.hpp"
#include "service/account_service.hpp"
#include "web/form_view.hpp"
#include "web/handlers.hpp"
#include "web/page.hpp"

namespace sendhub::pages {
namespace {

Response render_login(RequestContext& ctx, const FormView& form, std::string email, int status) {
    nlohmann::json view{
        {"summary", form.summary()},
        {"next", http::local_redirect_target(ctx.form.has("next") ? ctx.form.get("next")
                                                                  : ctx.query().get("next"))},
        {"email", form.input("email", "Email address", std::move(email),
                             {.type = "email", .autocomplete = "username", .spellcheck = false})},
        {"password", form.input("password", "Password", "",
                                {.type = "password", .autocomplete = "current-password"})},
    };
    return render_public_form(ctx, "Sign in", "login", view, status);
}

}  // namespace

Response login_form(RequestContext& ctx) {
    if (ctx.signed_in()) return Response::redirect("/");
    return render_login(ctx, FormView{}, "", 200);
}

Response login_submit(RequestContext& ctx) {
    std::string email = ctx.form.get("email");
    std::string password = ctx.form.get("password");
    Validator v;
    if (trim(email).empty()) v.fail("email", "required", "Enter your email address");
    if (password.empty()) v.fail("password", "required", "Enter your password");
    if (!v.ok()) return render_login(ctx, FormView(std::move(v).error()), email, 422);

    auto signed_in = sign_in(ctx.services, email, password, ctx.client_address(), ctx.acting(),
                             {.wait_for_code = true});
    if (!signed_in) {
        Error shown = signed_in.error();
        shown.fields = {{"email", shown.code, shown.message}};
        auto response = render_login(ctx, FormView(shown), email, http_status(shown.kind));
        add_retry_after(response, shown);
        return response;
    }
    if (signed_in->waiting_for_code) {
        // Nobody is signed in yet: the code step finds the password step by this cookie.
        auto next = http::local_redirect_target(ctx.form.get("next"));
        auto response = Response::redirect("/login/mfa?next=" + http::percent_encode(next));
        response.add_header("Set-Cookie", pending_sign_in_cookie_name(ctx.services.config) + "=" +
                                              signed_in->session.token +
                                              cookie_attributes(ctx.services.config));
        return response;
    }
    auto response = Response::redirect(http::local_redirect_target(ctx.form.get("next")));
    response.add_header("Set-Cookie", session_cookie_name(ctx.services.config) + "=" +
                                          signed_in->session.token +
                                          cookie_attributes(ctx.services.config));
    response.add_header("Set-Cookie", login_csrf_cookie_name(ctx.services.config) + "=" +
                                          cookie_attributes(ctx.services.config, "Max-Age=0"));
    return response;
}

Response logout(RequestContext& ctx) {
    sign_out(ctx.services, ctx.session_token, ctx.actor(), ctx.acting());
    auto response = Response::redirect("/login");
    response.add_header("Set-Cookie", session_cookie_name(ctx.services.config) + "=" +
                                          cookie_attributes(ctx.services.config, "Max-Age=0"));
    return response;
}

namespace {
Response render_password(RequestContext& ctx, const FormView& form, int status) {
    FormView::Input secret{.type = "password", .autocomplete = "new-password"};
    nlohmann::json view{
        {"summary", form.summary()},
        {"fields",
         {{"current_password",
           form.input("current_password", "Current password", "",
                      {.type = "password", .autocomplete = "current-password"})},
          {"new_password",
           form.input(
               "new_password", "New password", "",
               {.hint = "At least 12 characters. A few unrelated words make a strong password.",
                .type = "password",
                .autocomplete = "new-password"})},
          {"confirm_password",
           form.input("confirm_password", "Confirm new password", "", secret)}}},
    };
    return render_page(ctx, "Change your password", "password", std::move(view), status);
}
}  // namespace

Response password_form(RequestContext& ctx) {
    return render_password(ctx, FormView{}, 200);
}

Response password_submit(RequestContext& ctx) {
    std::string current = ctx.form.get("current_password"),
                replacement = ctx.form.get("new_password"),
                confirmation = ctx.form.get("confirm_password");
    auto changed = change_own_password(ctx.services, ctx.actor(), ctx.session_token,
                                       {current, replacement, confirmation}, ctx.acting());
    if (!changed) {
        return form_failure(ctx, changed.error(), [&](const FormView& form, int status) {
            return render_password(ctx, form, status);
        });
    }
    return redirect_with_flash(ctx, "/", "Your password has been changed");
}

namespace {
Response render_reset_request(RequestContext& ctx, const FormView& form, std::string email,
                              bool sent, int status) {
    nlohmann::json view{
        {"summary", form.summary()},
        {"sent", sent},
        {"email_sent_to", email},
        {"email", form.input("email", "Email address", email,
                             {.hint = "The address you sign in with.",
                              .type = "email",
                              .autocomplete = "username",
                              .spellcheck = false})},
    };
    return render_public_form(ctx, sent ? "Check your email" : "Reset your password",
                              "password_reset", view, status);
}

Response render_new_password(RequestContext& ctx, const FormView& form, int status) {
    nlohmann::json view{
        {"summary", form.summary()},
        {"action", "/password-reset/" + http::percent_encode(ctx.param("token"))},
        {"password",
         form.input(
             "password", "New password", "",
             {.hint = "At least 12 characters. A few unrelated words make a strong password.",
              .type = "password",
              .autocomplete = "new-password"})},
    };
    return render_public_form(ctx, "Choose a new password", "new_password", view, status);
}
}  // namespace

Response password_reset_form(RequestContext& ctx) {
    return render_reset_request(ctx, FormView{}, "", false, 200);
}

Response password_reset_submit(RequestContext& ctx) {
    std::string email = trim(ctx.form.get("email"));
    if (email.empty())
        return render_reset_request(
            ctx, FormView(Error::invalid("email", "required", "Enter your email address")), email,
            false, 422);
    auto asked = request_password_reset(ctx.services, email, ctx.client_address());
    if (!asked) {
        Error shown = asked.error();
        if (shown.fields.empty()) shown.fields = {{"email", shown.code, shown.message}};
        auto response =
            render_reset_request(ctx, FormView(shown), email, false, http_status(shown.kind));
        add_retry_after(response, shown);
        return response;
    }
    return render_reset_request(ctx, FormView{}, email, true, 200);
}

Response new_password_form(RequestContext& ctx) {
    return render_new_password(ctx, FormView{}, 200);
}

Response new_password_submit(RequestContext& ctx) {
    auto reset =
        reset_password(ctx.services, ctx.param("token"), ctx.form.get("password"), ctx.acting());
    if (!reset) {
        if (reset.error().kind == ErrorKind::gone) return error_page(ctx, reset.error());
        return render_new_password(ctx, FormView(reset.error()), http_status(reset.error().kind));
    }
    return redirect_with_flash(ctx, "/login",
                               "Your password has been changed. Sign in with your new password.");
}

}  // namespace sendhub::pages
