#pragma once
// The resource hub's pages and the Autism Education Hub. Declared apart from web/handlers.hpp
// so the hub's pages change without rebuilding every other area's.
#include "adapter/request_context.hpp"
#include "http/message.hpp"

namespace sendhub::pages {

http::Response resources_page(RequestContext& ctx);
http::Response resource_new(RequestContext& ctx);
http::Response resource_create_page(RequestContext& ctx);
http::Response resource_page(RequestContext& ctx);
http::Response resource_version_page(RequestContext& ctx);
http::Response resource_file_page(RequestContext& ctx);
http::Response resource_version_file_page(RequestContext& ctx);
http::Response autism_hub_page(RequestContext& ctx);

}  // namespace sendhub::pages
