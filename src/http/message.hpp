#pragma once
// sendhub's own HTTP request and response: handlers never see RESTinio.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sendhub::http {

using Headers = std::vector<std::pair<std::string, std::string>>;

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

    //! Replaces any header of that name.
    void set_header(std::string_view name, std::string value);
    void add_header(std::string name, std::string value) { headers.emplace_back(std::move(name), std::move(value)); }
    [[nodiscard]] std::optional<std::string_view> header(std::string_view name) const;

    static Response with_body(int status, std::string content_type, std::string body);
    //! 303 See Other: after a form post the browser GETs the new page (Post/Redirect/Get).
    static Response redirect(std::string location);
};

}  // namespace sendhub::http
