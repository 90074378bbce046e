#pragma once
// /api/v1/resources and /api/v1/public/resources (api-contract-resources.md). Declared apart
// from api/handlers.hpp so the hub's handlers change without rebuilding every other area's.
#include "adapter/request_context.hpp"
#include "http/message.hpp"

namespace sendhub::api {

http::Response resources_list(RequestContext& ctx);
http::Response resource_create(RequestContext& ctx);
http::Response resource_get(RequestContext& ctx);
http::Response resource_version_create(RequestContext& ctx);
http::Response resource_file(RequestContext& ctx);
http::Response resource_version_file(RequestContext& ctx);
http::Response public_resources_list(RequestContext& ctx);
http::Response public_resource_get(RequestContext& ctx);
http::Response public_resource_file(RequestContext& ctx);

}  // namespace sendhub::api
