#pragma once
// Speech and language screening, named therapists and provision audits. Declared apart from
// web/handlers.hpp so this area's pages change without rebuilding every other area's.
#include "adapter/request_context.hpp"
#include "http/message.hpp"

namespace sendhub::pages {

http::Response screening_page(RequestContext& ctx);
http::Response screening_new_page(RequestContext& ctx);
http::Response screening_create_page(RequestContext& ctx);
http::Response slcn_page(RequestContext& ctx);
http::Response therapist_submit(RequestContext& ctx);
http::Response audit_create_page(RequestContext& ctx);
http::Response audit_page(RequestContext& ctx);
http::Response audit_action_submit(RequestContext& ctx);

}  // namespace sendhub::pages
