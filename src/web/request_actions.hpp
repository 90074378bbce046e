#pragma once
// What every form on a request's status page does after it is posted.
#include "service/outreach_service.hpp"
#include "web/outreach_views.hpp"
#include "web/page.hpp"

namespace sendhub::pages {

// After a form on the status page: redirect on success, re-render with errors otherwise.
template <class T>
http::Response after_action(RequestContext& ctx, RequestId id, const Result<T>& result,
                            std::string_view success, std::string_view error_prefix = "") {
    if (result) return redirect_with_flash(ctx, "/requests/" + std::to_string(id.value), success);
    const Error& e = result.error();
    return form_failure(ctx, error_prefix.empty() ? e : with_prefixed_fields(e, error_prefix),
                        [&](const FormView& form, int status) {
                            auto request = get_request(ctx.services, ctx.actor(), id);
                            return request ? render_request_page(ctx, *request, form, status)
                                           : error_page(ctx, request.error());
                        });
}

}  // namespace sendhub::pages
