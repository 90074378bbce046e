#include "adapter/error_response.hpp"

namespace sendhub {

int http_status(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::bad_request:
            return 400;
        case ErrorKind::unauthenticated:
            return 401;
        case ErrorKind::forbidden:
            return 403;
        case ErrorKind::not_found:
            return 404;
        case ErrorKind::method_not_allowed:
            return 405;
        case ErrorKind::conflict:
            return 409;
        case ErrorKind::gone:
            return 410;
        case ErrorKind::payload_too_large:
            return 413;
        case ErrorKind::unprocessable:
            return 422;
        case ErrorKind::too_many_requests:
            return 429;
        case ErrorKind::internal:
            return 500;
        case ErrorKind::unavailable:
            return 503;
    }
    return 500;
}

http::Response json_response(int status, const nlohmann::json& body) {
    // Invalid UTF-8 cannot reach here (inputs are checked), but replace rather than throw.
    return http::Response::with_body(
        status, "application/json",
        body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

http::Response json_error(const Error& error) {
    nlohmann::json body{{"code", error.code}, {"message", error.message}};
    if (!error.field.empty()) body["field"] = error.field;
    if (error.fields.size() > 1) {
        nlohmann::json all = nlohmann::json::array();
        for (const auto& f : error.fields)
            all.push_back({{"field", f.field}, {"code", f.code}, {"message", f.message}});
        body["fields"] = std::move(all);
    }
    auto response = json_response(http_status(error.kind), {{"error", body}});
    add_retry_after(response, error);
    return response;
}

void add_retry_after(http::Response& response, const Error& error) {
    if (error.retry_after_seconds > 0)
        response.set_header("Retry-After", std::to_string(error.retry_after_seconds));
}

}  // namespace sendhub
