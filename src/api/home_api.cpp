// What waits for the signed-in person: the piles their home page leads with, as JSON.
#include "adapter/error_response.hpp"
#include "api/handlers.hpp"
#include "service/home_service.hpp"

namespace sendhub::api {

Response my_waiting(RequestContext& ctx) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& w : what_waits(ctx.services, ctx.actor()).piles) {
        items.push_back(
            {{"kind", std::string(term_of(waiting_kind_terms(), w.kind).code)},
             {"count", w.count},
             {"text", waiting_text(w)},
             {"link", std::string(waiting_link(w.kind))},
             {"oldest_days", w.oldest_days ? nlohmann::json(*w.oldest_days) : nlohmann::json()}});
    }
    return json_response(200, {{"items", items}});
}

}  // namespace sendhub::api
