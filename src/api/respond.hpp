#pragma once
// Turns a Result into a JSON response: the value with `status`, or the error mapped once.
#include "adapter/error_response.hpp"
#include "core/error.hpp"

namespace sendhub::api {

template <class T, class ToJson>
http::Response respond(const Result<T>& result, int status, ToJson to_json) {
    if (!result) return json_error(result.error());
    return json_response(status, to_json(*result));
}

}  // namespace sendhub::api
