#pragma once
// /api/v1/insight (api-contract-insight.md). Declared apart from api/handlers.hpp so this
// area's handlers change without rebuilding every other area's.
#include "adapter/request_context.hpp"
#include "http/message.hpp"

namespace sendhub::api {

http::Response insight_school(RequestContext& ctx);
http::Response insight_local_authority(RequestContext& ctx);
http::Response insight_england(RequestContext& ctx);
http::Response insight_trust(RequestContext& ctx);
http::Response insight_trust_csv(RequestContext& ctx);

}  // namespace sendhub::api
