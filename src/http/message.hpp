#pragma once
// sendhub's own HTTP request and response: handlers never see RESTinio.
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sendhub::http {

using Headers = std::vector<std::pair<std::string, std::string>>;

//! A response header would have carried a line break: a bug or an attack, never sent.
struct HeaderInjection : std::invalid_argument {
    using std::invalid_argument::invalid_argument;
};

struct Request {
    std::string method;  // upper case
    std::string path;    // decoded path, no query
    std::string query;   // raw query string, without '?'
    Headers headers;     // names in lower case
    std::string body;
    std::string remote_address;

    [[nodiscard]] std::optional<std::string_view> header(std::string_view lower_name) const;
};

struct Response {
    int status = 200;
    Headers headers;
    std::string body;

    //! Replaces any header of that name. Throws HeaderInjection for a CR, LF or NUL in the
    //! name or value, whoever the caller: RESTinio would write it out as it is (RFC 9110 §5.5).
    void set_header(std::string_view name, std::string value);
    void add_header(std::string name, std::string value);
    [[nodiscard]] std::optional<std::string_view> header(std::string_view name) const;

    static Response with_body(int status, std::string content_type, std::string body);
    //! 303 See Other: after a form post the browser GETs the new page (Post/Redirect/Get).
    static Response redirect(std::string location);
};

}  // namespace sendhub::http
