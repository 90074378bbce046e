#pragma once
// /api/v1/schools/{urn}/therapist and /api/v1/slcn-audits
// (api-contract-early-identification.md). Declared apart from api/handlers.hpp so this area's
// handlers change without rebuilding every other area's.
#include "adapter/request_context.hpp"
#include "http/message.hpp"

namespace sendhub::api {

http::Response therapist_get(RequestContext& ctx);
http::Response therapist_put(RequestContext& ctx);
http::Response slcn_audit_create(RequestContext& ctx);
http::Response slcn_audits_list(RequestContext& ctx);
http::Response slcn_audit_get(RequestContext& ctx);
http::Response slcn_audit_action_update(RequestContext& ctx);

}  // namespace sendhub::api
