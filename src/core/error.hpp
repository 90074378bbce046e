#pragma once
// One error vocabulary for the whole service. Expected failures are values
// (std::expected<T, Error>); one function in the web layer maps them to HTTP.
#include <expected>
#include <string>
#include <utility>
#include <vector>

namespace sendhub {

//! The kind of failure: decides the HTTP status (see api/error_response.cpp).
enum class ErrorKind {
    bad_request,         // 400: malformed JSON or form
    unauthenticated,     // 401
    forbidden,           // 403: the role may not do this
    not_found,           // 404: missing, or not visible to this user
    method_not_allowed,  // 405
    conflict,            // 409: not allowed in the current state
    gone,                // 410: a one-time link that has been used or has expired
    payload_too_large,   // 413
    unprocessable,       // 422: validation
    too_many_requests,   // 429
    internal,            // 500: never carries detail to the client
    unavailable,         // 503: busy for a moment; the client may try again
};

//! One invalid field, with a machine code and a sentence for a person.
struct FieldError {
    std::string field;
    std::string code;
    std::string message;
};

//! An expected failure. For validation, `fields` lists every invalid field and the
//! first one is copied into code/field/message (the JSON API reports one).
struct Error {
    ErrorKind kind = ErrorKind::internal;
    std::string code;
    std::string message;
    std::string field;
    std::vector<FieldError> fields;
    //! For 429 and 503: when the client may try again (sent as Retry-After).
    int retry_after_seconds = 0;

    static Error validation(std::vector<FieldError> errors);
    static Error invalid(std::string field, std::string code, std::string message);
    static Error not_found(std::string message = "Not found.");
    static Error conflict(std::string code, std::string message);
    static Error forbidden(std::string message = "You do not have permission to do this.");
    static Error unauthenticated(std::string message = "Sign in to continue.");
    static Error bad_request(std::string code, std::string message);
};

template <class T>
using Result = std::expected<T, Error>;

//! Collects field errors while validating a whole form, so a person sees all of them at once.
class Validator {
  public:
    void fail(std::string field, std::string code, std::string message) {
        errors_.push_back({std::move(field), std::move(code), std::move(message)});
    }
    //! Trims free text; records "required" with `missing` when blank, or "too_long" when over
    //! `max` characters (as "<label> must be <max> characters or fewer"). Returns the trimmed text.
    std::string required_text(std::string field, std::string_view value, std::string_view missing,
                              std::string_view label, std::size_t max);
    [[nodiscard]] bool ok() const { return errors_.empty(); }
    [[nodiscard]] bool has(std::string_view field) const;
    [[nodiscard]] Error error() && { return Error::validation(std::move(errors_)); }

  private:
    std::vector<FieldError> errors_;
};

}  // namespace sendhub

#define SENDHUB_CONCAT_INNER(a, b) a##b
#define SENDHUB_CONCAT(a, b) SENDHUB_CONCAT_INNER(a, b)

//! Evaluates a Result-returning expression; on failure returns its error from the caller.
#define SENDHUB_TRY(expr)                                                                       \
    do {                                                                                        \
        auto&& sendhub_try_result = (expr);                                                     \
        if (!sendhub_try_result) return std::unexpected(std::move(sendhub_try_result).error()); \
    } while (false)

//! `SENDHUB_ASSIGN_OR_RETURN(auto x, f())`: binds the value or returns the error. `lhs` is a
//! declaration, which parentheses would break.
// NOLINTBEGIN(bugprone-macro-parentheses)
#define SENDHUB_ASSIGN_OR_RETURN(lhs, expr)                                                   \
    auto SENDHUB_CONCAT(sendhub_result_, __LINE__) = (expr);                                  \
    if (!SENDHUB_CONCAT(sendhub_result_, __LINE__))                                           \
        return std::unexpected(std::move(SENDHUB_CONCAT(sendhub_result_, __LINE__)).error()); \
    lhs = std::move(*SENDHUB_CONCAT(sendhub_result_, __LINE__))
// NOLINTEND(bugprone-macro-parentheses)
