// The pages every footer links to, open without signing in: help, the privacy notice and
// the accessibility statement (contact is the enquiry form in front_door_pages.cpp). The
// trust's own details come from its settings.
#include "core/text.hpp"
#include "service/finance_service.hpp"
#include "web/handlers.hpp"
#include "web/page.hpp"

namespace sendhub {

nlohmann::json trust_contact_view(RequestContext& ctx) {
    TrustSettings t = trust_settings(ctx.services);
    nlohmann::json lines = nlohmann::json::array();
    for (const auto& line : split(t.address, '\n'))
        if (auto trimmed = trim(line); !trimmed.empty()) lines.push_back(trimmed);
    const bool any = !lines.empty() || !t.email.empty() || !t.phone.empty();
    return {{"name", t.name.empty() ? ctx.services.config.trust_name : t.name},
            {"address", lines},
            {"has_address", !lines.empty()},
            {"email", t.email.empty() ? nlohmann::json(false) : nlohmann::json(t.email)},
            {"phone", t.phone.empty() ? nlohmann::json(false) : nlohmann::json(t.phone)},
            {"has_details", any},
            {"no_details", !any}};
}

}  // namespace sendhub

namespace sendhub::pages {
namespace {

Response footer_page(RequestContext& ctx, std::string_view title, const char* view_name) {
    nlohmann::json view{{"trust", trust_contact_view(ctx)}, {"signed_in", ctx.signed_in()}};
    return render_page(ctx, title, view_name, std::move(view));
}

}  // namespace

Response help_page(RequestContext& ctx) {
    return footer_page(ctx, "Help", "help");
}

Response privacy_page(RequestContext& ctx) {
    return footer_page(ctx, "Privacy notice", "privacy");
}

Response accessibility_page(RequestContext& ctx) {
    return footer_page(ctx, "Accessibility statement", "accessibility");
}

}  // namespace sendhub::pages
