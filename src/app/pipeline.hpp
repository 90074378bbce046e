#pragma once
// The middleware chain every request passes through, in order: request id, body limit
// (413), static files, routing (404/405), authentication, authorisation (policy.cpp),
// CSRF, idempotency keys, the handler, then security headers and the access log.
#include <chrono>

#include "adapter/templates.hpp"
#include "app/routes.hpp"
#include "http/message.hpp"
#include "http/static_files.hpp"
#include "service/services.hpp"

namespace sendhub {

class Pipeline {
  public:
    Pipeline(Services& services, const Templates& templates, const http::StaticFiles& static_files);
    [[nodiscard]] http::Response handle(http::Request& request);
    //! Whether the request goes to a route that checks a password (Lane::sign_in).
    [[nodiscard]] bool checks_password(std::string_view method, std::string_view raw_path) const;
    //! The answer when the sign-in queue is full: 503 with Retry-After, as a page or JSON.
    [[nodiscard]] http::Response sign_in_busy(http::Request& request);

  private:
    http::Response dispatch(http::Request& request, const std::string& request_id);
    //! Runs the handler: a GET in one read snapshot, a POST with an Idempotency-Key in one
    //! write transaction with its stored answer, anything else as it is.
    //! Who is asking, whether they may, the form's CSRF token, then the handler.
    http::Response authorise_and_run(RequestContext& ctx, const Route& route, SessionCheck check);
    http::Response run_in_transaction(RequestContext& ctx, const Route& route);
    //! A failure outside any handler's control (busy, internal), as a page or as JSON.
    http::Response unexpected_error(http::Request& request, const std::string& request_id,
                                    const Error& error);
    http::Response finish(http::Response response, const http::Request& request,
                          const std::string& request_id,
                          std::chrono::steady_clock::time_point started);

    Services& services_;
    const Templates& templates_;
    const http::StaticFiles& static_files_;
    http::Router<Route> router_;
};

}  // namespace sendhub
