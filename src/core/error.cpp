#include "core/error.hpp"

#include <algorithm>

namespace sendhub {

Error Error::validation(std::vector<FieldError> errors) {
    Error e{.kind = ErrorKind::unprocessable, .code = "invalid", .message = "The input is not valid."};
    if (!errors.empty()) {
        e.code = errors.front().code;
        e.message = errors.front().message;
        e.field = errors.front().field;
    }
    e.fields = std::move(errors);
    return e;
}

Error Error::invalid(std::string field, std::string code, std::string message) {
    return validation({{std::move(field), std::move(code), std::move(message)}});
}

Error Error::not_found(std::string message) {
    return {.kind = ErrorKind::not_found, .code = "not_found", .message = std::move(message)};
}

Error Error::conflict(std::string code, std::string message) {
    return {.kind = ErrorKind::conflict, .code = std::move(code), .message = std::move(message)};
}

Error Error::forbidden(std::string message) {
    return {.kind = ErrorKind::forbidden, .code = "forbidden", .message = std::move(message)};
}

Error Error::unauthenticated(std::string message) {
    return {.kind = ErrorKind::unauthenticated, .code = "unauthenticated", .message = std::move(message)};
}

Error Error::bad_request(std::string code, std::string message) {
    return {.kind = ErrorKind::bad_request, .code = std::move(code), .message = std::move(message)};
}

bool Validator::has(std::string_view field) const {
    return std::ranges::any_of(errors_, [&](const FieldError& e) { return e.field == field; });
}

}  // namespace sendhub
