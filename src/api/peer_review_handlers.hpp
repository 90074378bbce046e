#pragma once
// /api/v1/clusters and /api/v1/reviews (api-contract-peer-review.md). Declared apart from
// api/handlers.hpp so this area's handlers change without rebuilding every other area's.
#include "adapter/request_context.hpp"
#include "http/message.hpp"

namespace sendhub::api {

http::Response cluster_create(RequestContext& ctx);
http::Response clusters_list(RequestContext& ctx);
http::Response cluster_get(RequestContext& ctx);
http::Response cluster_partnership_day(RequestContext& ctx);
http::Response cluster_reality_goals(RequestContext& ctx);
http::Response cluster_themes_get(RequestContext& ctx);
http::Response review_create(RequestContext& ctx);
http::Response reviews_list(RequestContext& ctx);
http::Response review_get(RequestContext& ctx);
http::Response review_line_add(RequestContext& ctx);
http::Response review_finding_add(RequestContext& ctx);
http::Response review_publish(RequestContext& ctx);
http::Response review_action_add(RequestContext& ctx);
http::Response review_follow_up_add(RequestContext& ctx);

}  // namespace sendhub::api
