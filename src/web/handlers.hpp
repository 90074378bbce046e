#pragma once
// Page handlers (HTML). Each adapts a request to a service call and renders the result;
// routes are listed in src/app/routes.cpp.
#include "http/message.hpp"
#include "web/request_context.hpp"

namespace sendhub::pages {

using http::Response;

Response login_form(RequestContext& ctx);
Response login_submit(RequestContext& ctx);
Response logout(RequestContext& ctx);
Response password_form(RequestContext& ctx);
Response password_submit(RequestContext& ctx);

Response home(RequestContext& ctx);

Response users_list(RequestContext& ctx);
Response user_new(RequestContext& ctx);
Response user_create(RequestContext& ctx);
Response user_show(RequestContext& ctx);
Response user_change_role(RequestContext& ctx);
Response user_deactivate(RequestContext& ctx);
Response user_reactivate(RequestContext& ctx);

Response schools_list(RequestContext& ctx);
Response school_new(RequestContext& ctx);
Response school_create(RequestContext& ctx);
Response school_show(RequestContext& ctx);
Response school_edit(RequestContext& ctx);
Response school_update(RequestContext& ctx);

Response practitioners_list(RequestContext& ctx);
Response practitioner_new(RequestContext& ctx);
Response practitioner_create(RequestContext& ctx);
Response practitioner_show(RequestContext& ctx);
Response practitioner_edit(RequestContext& ctx);
Response practitioner_update(RequestContext& ctx);

Response audit_list(RequestContext& ctx);

}  // namespace sendhub::pages
