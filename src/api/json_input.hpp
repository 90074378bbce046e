#pragma once
// Reading JSON request bodies: malformed JSON is 400; a field of the wrong type is 422
// with that field named. Values are handed to the domain as text, like form fields, so
// one validator serves both the pages and the API.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/ids.hpp"
#include "http/message.hpp"
#include "http/url.hpp"

namespace sendhub {

//! Parses the body as a JSON object.
[[nodiscard]] Result<nlohmann::json> parse_json_object(const http::Request& request);

class JsonFields {
  public:
    explicit JsonFields(nlohmann::json object) : object_(std::move(object)) {}
    //! Reads a request body; a malformed one becomes the first error check() reports (400).
    [[nodiscard]] static JsonFields from_body(const http::Request& request);

    [[nodiscard]] const nlohmann::json& object() const { return object_; }

    //! A string or number as text; "" when absent or null. Other types are recorded as errors.
    [[nodiscard]] std::string text(const std::string& name);
    //! Whether the body names the field (null counts as named: it clears the field).
    [[nodiscard]] bool has(const std::string& name) const { return object_.contains(name); }
    //! Records a field error found by the caller (a nested object of the wrong shape).
    void fail(FieldError error) { errors_.push_back(std::move(error)); }
    //! An array of strings (or whole numbers, as text); empty when absent.
    [[nodiscard]] std::vector<std::string> strings(const std::string& name);
    //! A boolean; `fallback` when absent.
    [[nodiscard]] bool boolean(const std::string& name, bool fallback);
    //! A malformed body (400), else the type errors met so far (422).
    [[nodiscard]] Result<void> check() const;

  private:
    nlohmann::json object_;
    std::optional<Error> body_error_;
    std::vector<FieldError> errors_;
};

//! ?limit= (default 50, max 500) and ?cursor=, per api-contract.md.
struct ListParams {
    int limit = 50;
    std::string cursor;
};
[[nodiscard]] Result<ListParams> list_params(const http::FormData& query);
//! ?school_urn= as an optional list filter; anything but a number is 422.
[[nodiscard]] Result<std::optional<SchoolUrn>> school_filter(const http::FormData& query);
//! {"items":[…],"next_cursor":…}
[[nodiscard]] nlohmann::json list_body(nlohmann::json items,
                                       const std::optional<std::string>& next_cursor);

}  // namespace sendhub
