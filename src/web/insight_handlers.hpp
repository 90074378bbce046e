#pragma once
// The insight pages: the trust's schools, a school beside its authority and England, and an
// authority's figures with its EHC plan needs. Declared apart from web/handlers.hpp so this
// area's pages change without rebuilding every other area's.
#include "adapter/request_context.hpp"
#include "http/message.hpp"

namespace sendhub::pages {

http::Response insight_trust_page(RequestContext& ctx);
http::Response insight_school_page(RequestContext& ctx);
http::Response insight_local_authority_page(RequestContext& ctx);

}  // namespace sendhub::pages
