#pragma once
// Peer review clusters and reviews. Declared apart from web/handlers.hpp so this area's pages
// change without rebuilding every other area's.
#include "adapter/request_context.hpp"
#include "http/message.hpp"

namespace sendhub::pages {

http::Response clusters_page(RequestContext& ctx);
http::Response cluster_create_page(RequestContext& ctx);
http::Response cluster_page(RequestContext& ctx);
http::Response partnership_day_submit(RequestContext& ctx);
http::Response reality_goals_submit(RequestContext& ctx);
http::Response review_create_page(RequestContext& ctx);
http::Response review_page(RequestContext& ctx);
http::Response review_report(RequestContext& ctx);
http::Response review_line_submit(RequestContext& ctx);
http::Response review_finding_submit(RequestContext& ctx);
http::Response review_publish_submit(RequestContext& ctx);
http::Response review_action_submit(RequestContext& ctx);
http::Response review_follow_up_submit(RequestContext& ctx);

}  // namespace sendhub::pages
