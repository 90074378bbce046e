#include "core/error.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace sendhub {

Error Error::validation(std::vector<FieldError> errors) {
    Error e{
        .kind = ErrorKind::unprocessable, .code = "invalid", .message = "The input is not valid."};
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
    return {.kind = ErrorKind::unauthenticated,
            .code = "unauthenticated",
            .message = std::move(message)};
}

Error Error::bad_request(std::string code, std::string message) {
    return {.kind = ErrorKind::bad_request, .code = std::move(code), .message = std::move(message)};
}

std::string Validator::required_text(std::string field, std::string_view value,
                                     std::string_view missing, std::string_view label,
                                     std::size_t max) {
    std::string text = trim(value);
    if (text.empty())
        fail(std::move(field), "required", std::string(missing));
    else if (utf8_length(text) > max)
        fail(std::move(field), "too_long",
             std::string(label) + " must be " + std::to_string(max) + " characters or fewer");
    return text;
}

bool Validator::has(std::string_view field) const {
    return std::ranges::any_of(errors_, [&](const FieldError& e) { return e.field == field; });
}

}  // namespace sendhub
