#pragma once
// /api/v1/screening-rounds and /api/v1/screening-summary (api-contract-early-identification.md).
// Declared apart from api/handlers.hpp so this area's handlers change without rebuilding
// every other area's.
#include "adapter/request_context.hpp"
#include "http/message.hpp"

namespace sendhub::api {

http::Response screening_round_create(RequestContext& ctx);
http::Response screening_round_update(RequestContext& ctx);
http::Response screening_round_get(RequestContext& ctx);
http::Response screening_rounds_list(RequestContext& ctx);
http::Response screening_rounds_csv(RequestContext& ctx);
http::Response screening_summary(RequestContext& ctx);

}  // namespace sendhub::api
