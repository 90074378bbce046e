#pragma once
// /api/v1 handlers: JSON in, JSON out (api-contract.md). Routes: src/app/routes.cpp.
#include "http/message.hpp"
#include "web/request_context.hpp"

namespace sendhub::api {

using http::Response;

Response healthz(RequestContext& ctx);
Response openapi(RequestContext& ctx);

Response login(RequestContext& ctx);
Response logout(RequestContext& ctx);
Response me(RequestContext& ctx);
Response change_password(RequestContext& ctx);

Response users_list(RequestContext& ctx);
Response user_create(RequestContext& ctx);
Response user_get(RequestContext& ctx);
Response user_change_role(RequestContext& ctx);
Response user_deactivate(RequestContext& ctx);
Response user_reactivate(RequestContext& ctx);

Response schools_list(RequestContext& ctx);
Response school_create(RequestContext& ctx);
Response school_get(RequestContext& ctx);
Response school_update(RequestContext& ctx);

Response practitioners_list(RequestContext& ctx);
Response practitioner_create(RequestContext& ctx);
Response practitioner_get(RequestContext& ctx);
Response practitioner_update(RequestContext& ctx);

Response audit_list(RequestContext& ctx);

}  // namespace sendhub::api
