// The signed-in person's inbox over JSON: every email sendhub sent them.
#include "adapter/error_response.hpp"
#include "api/handlers.hpp"
#include "service/inbox_service.hpp"

namespace sendhub::api {
namespace {

nlohmann::json message_json(const InboxMessage& m) {
    return {{"id", m.id.value},
            {"created_at", format_timestamp(m.created_at)},
            {"subject", m.subject},
            {"body", m.body},
            {"link", m.link.empty() ? nlohmann::json(nullptr) : nlohmann::json(m.link)},
            {"read", m.read}};
}

}  // namespace

Response notifications_list(RequestContext& ctx) {
    const bool unread_only = ctx.query().get("unread") == "true";
    nlohmann::json items = nlohmann::json::array();
    for (const auto& m : inbox(ctx.services, ctx.actor(), unread_only))
        items.push_back(message_json(m));
    return json_response(200,
                         {{"items", items}, {"unread", unread_count(ctx.services, ctx.actor())}});
}

Response notification_read(RequestContext& ctx) {
    auto id = id_param<NotificationId>(ctx);
    if (!id) return json_error(Error::not_found("No such message."));
    auto read = mark_read(ctx.services, ctx.actor(), *id);
    if (!read) return json_error(read.error());
    return json_response(200, {{"id", id->value}, {"read", true}});
}

}  // namespace sendhub::api
