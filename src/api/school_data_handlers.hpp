#pragma once
// /api/v1/school-returns, /api/v1/frameworks and /api/v1/self-evaluations
// (api-contract-insight.md). Declared apart from api/handlers.hpp so this area's handlers
// change without rebuilding every other area's.
#include "adapter/request_context.hpp"
#include "http/message.hpp"

namespace sendhub::api {

http::Response school_return_save(RequestContext& ctx);
http::Response school_returns_list(RequestContext& ctx);
http::Response school_returns_import(RequestContext& ctx);
http::Response framework_create(RequestContext& ctx);
http::Response frameworks_list(RequestContext& ctx);
http::Response framework_get(RequestContext& ctx);
http::Response framework_summary(RequestContext& ctx);
http::Response self_evaluation_save(RequestContext& ctx);
http::Response self_evaluations_list(RequestContext& ctx);
http::Response self_evaluation_get(RequestContext& ctx);

}  // namespace sendhub::api
