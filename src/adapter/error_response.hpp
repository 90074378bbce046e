#pragma once
// The one mapping from Error to HTTP: status codes and the JSON error body
// {"error":{"code","message","field"}} (api-contract.md, Conventions).
#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "http/message.hpp"

namespace sendhub {

[[nodiscard]] int http_status(ErrorKind kind);
[[nodiscard]] http::Response json_response(int status, const nlohmann::json& body);
[[nodiscard]] http::Response json_error(const Error& error);
//! Retry-After from the error, when it says how long to wait.
void add_retry_after(http::Response& response, const Error& error);

}  // namespace sendhub
