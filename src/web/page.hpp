#pragma once
// Server-rendered pages: the layout (header, role navigation, banners, footer) around a
// page template, error pages, and flash messages carried across a redirect.
#include <nlohmann/json.hpp>
#include <string>

#include "adapter/error_response.hpp"
#include "adapter/request_context.hpp"
#include "core/error.hpp"
#include "http/message.hpp"
#include "web/form_view.hpp"

namespace sendhub {

//! Renders templates/<template_name> inside the layout; the page title becomes "title – sendhub".
[[nodiscard]] http::Response render_page(RequestContext& ctx, std::string_view title,
                                         std::string_view template_name, nlohmann::json view,
                                         int status = 200);
//! As render_page, with `shared` beside the view: parts of the page that never change (a
//! blank search form), built once rather than copied into every request's view.
[[nodiscard]] http::Response render_page_sharing(RequestContext& ctx, std::string_view title,
                                                 std::string_view template_name,
                                                 nlohmann::json view, const nlohmann::json& shared);
//! A page whose form anyone may post (sign-in, contact, register): before sign-in it carries a
//! double-submit CSRF token, a cookie and a hidden field; once signed in, the session's.
[[nodiscard]] http::Response render_public_form(RequestContext& ctx, std::string_view title,
                                                std::string_view template_name, nlohmann::json view,
                                                int status = 200);
//! The trust's name and how to reach it, as the administrator recorded them (the footer's
//! pages and the contact page show it).
[[nodiscard]] nlohmann::json trust_contact_view(RequestContext& ctx);
//! A page for a 4xx/5xx outcome, in plain words.
[[nodiscard]] http::Response error_page(RequestContext& ctx, const Error& error);
//! The one rule for a form post that failed: when the record is missing or not theirs (404,
//! 403) the person gets an error page; otherwise (a field to correct, a state that no longer
//! allows it, too many attempts) the form again, the message in its summary and beside its
//! field, at the error's status. `show_form(FormView, status)` renders the form.
template <class ShowForm>
[[nodiscard]] http::Response form_failure(RequestContext& ctx, const Error& error,
                                          ShowForm&& show_form) {
    if (error.kind == ErrorKind::not_found || error.kind == ErrorKind::forbidden)
        return error_page(ctx, error);
    return show_form(FormView(error), http_status(error.kind));
}
//! 303 to `location`, with a success banner shown once on the next page.
[[nodiscard]] http::Response redirect_with_flash(RequestContext& ctx, std::string location,
                                                 std::string_view message);

}  // namespace sendhub
