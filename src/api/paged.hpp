#pragma once
// One page of a list already filtered for the user: ?limit= and an offset ?cursor=.
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "adapter/error_response.hpp"
#include "adapter/request_context.hpp"
#include "api/json_input.hpp"
#include "core/text.hpp"

namespace sendhub::api {

//! ?limit= and an offset ?cursor= over a list already filtered for the user.
template <class T, class ToJson>
http::Response paged(RequestContext& ctx, const std::vector<T>& all, ToJson to_json) {
    auto params = list_params(ctx.query());
    if (!params) return json_error(params.error());
    std::size_t from = 0;
    if (!params->cursor.empty()) {
        auto offset = parse_int(params->cursor);
        if (!offset || *offset < 0)
            return json_error(
                Error::invalid("cursor", "invalid", "This cursor is not one we gave"));
        from = static_cast<std::size_t>(*offset);
    }
    nlohmann::json items = nlohmann::json::array();
    const std::size_t to = std::min(all.size(), from + static_cast<std::size_t>(params->limit));
    for (std::size_t i = from; i < to; ++i) items.push_back(to_json(all[i]));
    std::optional<std::string> next;
    if (to < all.size()) next = std::to_string(to);
    return json_response(200, list_body(std::move(items), next));
}

}  // namespace sendhub::api
