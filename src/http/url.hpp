#pragma once
// Percent-decoding, query strings, HTML form bodies and cookies.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sendhub::http {

//! Decodes %XX and, for forms, '+' as space; nullopt on a malformed escape.
[[nodiscard]] std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space);
[[nodiscard]] std::string percent_encode(std::string_view text);

//! Name/value pairs of an application/x-www-form-urlencoded body or a query string.
class FormData {
  public:
    static std::optional<FormData> parse(std::string_view encoded);

    //! The first value of the field, or "" when absent.
    [[nodiscard]] std::string get(std::string_view name) const;
    [[nodiscard]] std::vector<std::string> get_all(std::string_view name) const;
    [[nodiscard]] bool has(std::string_view name) const;
    //! Adds a field as if it had been posted (a date input's three boxes read as one field).
    void add(std::string name, std::string value) {
        fields_.emplace_back(std::move(name), std::move(value));
    }
    [[nodiscard]] const std::vector<std::pair<std::string, std::string>>& fields() const {
        return fields_;
    }

  private:
    std::vector<std::pair<std::string, std::string>> fields_;
};

//! `next` after sign-in if it is a path on this site made only of URL characters (RFC 3986
//! unreserved, sub-delims, ":@/?%"), otherwise "/". Refuses "//host", "/\\host", control
//! characters (a tab makes "/\t/host" read as "//host") and anything absolute.
[[nodiscard]] std::string local_redirect_target(std::string_view next);

//! The value of one cookie from a Cookie header.
[[nodiscard]] std::optional<std::string> cookie_value(std::string_view cookie_header,
                                                      std::string_view name);

}  // namespace sendhub::http
