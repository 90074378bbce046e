#include "web/page.hpp"

#include "adapter/error_response.hpp"
#include "adapter/session_cookie.hpp"
#include "core/json_object.hpp"
#include "core/role.hpp"
#include "http/url.hpp"
#include "security/random.hpp"
#include "service/inbox_service.hpp"

namespace sendhub {
namespace {

struct NavItem {
    std::string_view href;
    std::string_view label;
    Permission permission;
};

// The navigation shows only what the role may open (policy.cpp decides).
constexpr NavItem kNavigation[] = {
    {"/", "Home", Permission::signed_in},
    {"/requests", "Requests", Permission::use_outreach},
    {"/visits", "Your visits", Permission::use_outreach},
    {"/calendar", "Calendar", Permission::read_calendars},
    {"/plan", "Plan a term", Permission::triage_requests},
    {"/feedback", "Feedback", Permission::read_feedback},
    {"/events", "Events", Permission::signed_in},
    {"/resources", "Resources", Permission::signed_in},
    {"/schools", "Schools", Permission::read_schools},
    {"/finance", "Finance", Permission::read_finance_summary},
    {"/invoices", "Invoices", Permission::read_invoices},
    {"/packages", "Packages", Permission::read_invoices},
    {"/tariffs", "Tariffs", Permission::manage_tariffs},
    {"/practitioners", "Practitioners", Permission::read_practitioners},
    {"/concerns", "Concerns", Permission::read_concerns},
    {"/partnerships", "Partnerships", Permission::read_partnerships},
    {"/enquiries", "Enquiries", Permission::work_enquiries},
    {"/registrations", "School accounts", Permission::manage_school_accounts},
    {"/users", "Users", Permission::manage_users},
    {"/settings/trust", "Trust details", Permission::manage_users},
    {"/audit", "Audit log", Permission::read_audit_log},
};

nlohmann::json navigation(const RequestContext& ctx) {
    nlohmann::json items = nlohmann::json::array();
    if (!ctx.signed_in()) return items;
    const Actor& actor = ctx.actor();
    const std::string& path = ctx.request.path;
    for (const auto& item : kNavigation) {
        if (!allows(actor, item.permission)) continue;
        if (item.href == "/visits" && actor.role != Role::practitioner)
            continue;  // a practitioner's own list
        if (item.href == "/partnerships" && is_school_role(actor.role))
            continue;  // a school sees its partnerships on its own school's page
        std::string href(item.href);
        std::string label(item.label);
        if (item.href == "/schools" && is_school_role(actor.role)) {
            label = "Your school";
            href = actor.school_urn ? "/schools/" + std::to_string(actor.school_urn->value)
                                    : "/schools";
        }
        bool current = item.href == "/" ? path == "/" : path.starts_with(item.href);
        items.push_back(
            JsonObject{}("href", std::move(href))("label", std::move(label))("current", current)
                .take());
    }
    return items;
}

std::string flash_message(const RequestContext& ctx) {
    auto cookies = ctx.request.header("cookie");
    if (!cookies) return {};
    auto raw = http::cookie_value(*cookies, flash_cookie_name(ctx.services.config));
    if (!raw) return {};
    return http::percent_decode(*raw, false).value_or("");
}

http::Response page_in_layout(RequestContext& ctx, std::string_view title,
                              std::string_view template_name, nlohmann::json view, int status,
                              const nlohmann::json* shared) {
    bool has_errors = view.contains("summary") && view["summary"].value("has_errors", false);
    view["csrf_token"] =
        ctx.session ? ctx.session->csrf_token : view.value("csrf_token", std::string());
    std::string content = ctx.templates.render(template_name, view, shared);
    std::string flash = flash_message(ctx);
    nlohmann::json layout{
        {"title", std::string(has_errors ? "Error: " : "") + std::string(title)},
        {"trust_name", ctx.services.config.trust_name},
        {"navigation", navigation(ctx)},
        {"signed_in", ctx.signed_in()},
        {"csrf_token", view["csrf_token"]},
        {"flash", flash.empty() ? nlohmann::json(false) : nlohmann::json(flash)},
        {"content", std::move(content)},
        {"css_version", ctx.static_files.version_of("sendhub.css")},
        {"js_version", ctx.static_files.version_of("app.js")},
    };
    if (ctx.signed_in()) {
        auto unread = unread_count(ctx.services, ctx.actor());
        layout["user"] = {{"name", ctx.actor().name},
                          {"role", role_label(ctx.actor().role)},
                          {"unread", unread > 0 ? nlohmann::json(unread) : nlohmann::json(false)}};
    }
    auto response = http::Response::with_body(status, "text/html; charset=utf-8",
                                              ctx.templates.render("layout", layout));
    if (!flash.empty())
        response.add_header("Set-Cookie", flash_cookie_name(ctx.services.config) + "=" +
                                              cookie_attributes(ctx.services.config, "Max-Age=0"));
    // Pages can hold children's data: never keep them in a shared or back-button cache.
    response.set_header("Cache-Control", "no-store");
    return response;
}

}  // namespace

http::Response render_page(RequestContext& ctx, std::string_view title,
                           std::string_view template_name, nlohmann::json view, int status) {
    return page_in_layout(ctx, title, template_name, std::move(view), status, nullptr);
}

http::Response render_page_sharing(RequestContext& ctx, std::string_view title,
                                   std::string_view template_name, nlohmann::json view,
                                   const nlohmann::json& shared) {
    return page_in_layout(ctx, title, template_name, std::move(view), 200, &shared);
}

http::Response error_page(RequestContext& ctx, const Error& error) {
    std::string title;
    std::string body = error.message;
    switch (error.kind) {
        case ErrorKind::not_found:
            title = "Page not found";
            body =
                "If you typed the web address, check it is correct. If you followed a link, the "
                "record may "
                "have been removed or you may not have access to it.";
            break;
        case ErrorKind::forbidden:
            title = "You cannot open this page";
            break;
        case ErrorKind::conflict:
            title = "This cannot be done now";
            break;
        case ErrorKind::gone:
            title = "This link has expired";
            break;
        case ErrorKind::payload_too_large:
            title = "What you sent is too large";
            break;
        case ErrorKind::bad_request:
            title = "Something was wrong with that request";
            break;
        case ErrorKind::too_many_requests:
            title = "Too many attempts";
            break;
        default:
            title = "Sorry, there is a problem with the service";
            body =
                "Try again later. If it keeps happening, tell the trust's administrator and quote "
                "reference " +
                ctx.request_id + ".";
    }
    auto response = render_page(ctx, title, "error", {{"heading", title}, {"message", body}},
                                http_status(error.kind));
    add_retry_after(response, error);
    return response;
}

http::Response render_public_form(RequestContext& ctx, std::string_view title,
                                  std::string_view template_name, nlohmann::json view, int status) {
    std::string token = ctx.form.get("csrf_token");
    if (token.empty()) token = random_token();
    view["csrf_token"] = token;
    auto response = render_page(ctx, title, template_name, std::move(view), status);
    if (!ctx.signed_in())
        response.add_header("Set-Cookie", login_csrf_cookie_name(ctx.services.config) + "=" +
                                              token + cookie_attributes(ctx.services.config));
    return response;
}

http::Response redirect_with_flash(RequestContext& ctx, std::string location,
                                   std::string_view message) {
    auto response = http::Response::redirect(std::move(location));
    response.add_header("Set-Cookie", flash_cookie_name(ctx.services.config) + "=" +
                                          http::percent_encode(message) +
                                          cookie_attributes(ctx.services.config));
    return response;
}

}  // namespace sendhub
