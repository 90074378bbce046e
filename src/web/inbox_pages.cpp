// The inbox page: every email sendhub sent the signed-in person, newest first; opening one
// marks it read and goes to the page it is about.
#include "service/inbox_service.hpp"
#include "web/handlers.hpp"
#include "web/page.hpp"

namespace sendhub::pages {

Response inbox_page(RequestContext& ctx) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& m : inbox(ctx.services, ctx.actor(), false))
        items.push_back({{"id", m.id.value},
                         {"subject", m.subject},
                         {"body", m.body},
                         // "Tuesday 1 December 2026 at 07:56", London time.
                         {"when", format_long_date(london_date(m.created_at)) + " at " +
                                      format_london_time(m.created_at).substr(11)},
                         {"unread", !m.read},
                         {"has_link", !m.link.empty()}});
    nlohmann::json view{{"items", items}, {"has_items", !items.empty()}};
    return render_page(ctx, "Inbox", "inbox", std::move(view));
}

Response inbox_open(RequestContext& ctx) {
    auto id = id_param<NotificationId>(ctx);
    if (!id) return error_page(ctx, Error::not_found("No such message."));
    auto link = open_message(ctx.services, ctx.actor(), *id);
    if (!link) return error_page(ctx, link.error());
    return http::Response::redirect(*link);
}

Response inbox_read(RequestContext& ctx) {
    auto id = id_param<NotificationId>(ctx);
    if (!id) return error_page(ctx, Error::not_found("No such message."));
    auto read = mark_read(ctx.services, ctx.actor(), *id);
    if (!read) return error_page(ctx, read.error());
    return http::Response::redirect("/inbox");
}

}  // namespace sendhub::pages
