#pragma once
// Schools' termly returns and self-evaluation pages. Declared apart from web/handlers.hpp so
// this area's pages change without rebuilding every other area's.
#include "adapter/request_context.hpp"
#include "http/message.hpp"

namespace sendhub::pages {

http::Response school_returns_page(RequestContext& ctx);
http::Response school_return_submit(RequestContext& ctx);
http::Response school_returns_import_page(RequestContext& ctx);
http::Response frameworks_page(RequestContext& ctx);
http::Response framework_create_page(RequestContext& ctx);
http::Response framework_page(RequestContext& ctx);
http::Response self_evaluation_submit(RequestContext& ctx);

}  // namespace sendhub::pages
