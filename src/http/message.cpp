#include "http/message.hpp"

#include <strings.h>

#include <algorithm>

namespace sendhub::http {
namespace {
bool same_name(std::string_view a, std::string_view b) {
    return a.size() == b.size() && strncasecmp(a.data(), b.data(), a.size()) == 0;
}

void refuse_line_breaks(std::string_view name, std::string_view value) {
    // A plain loop: find_first_of with a set of three searches the set once per character.
    auto breaks = [](std::string_view s) {
        return std::ranges::any_of(s, [](char c) { return c == '\r' || c == '\n' || c == '\0'; });
    };
    if (breaks(name) || breaks(value))
        throw HeaderInjection("refused a line break in the response header " + std::string(name));
}
}  // namespace

std::optional<std::string_view> Request::header(std::string_view lower_name) const {
    for (const auto& [name, value] : headers) {
        if (name == lower_name) return value;
    }
    return std::nullopt;
}

void Response::set_header(std::string_view name, std::string value) {
    refuse_line_breaks(name, value);
    std::erase_if(headers, [&](const auto& h) { return same_name(h.first, name); });
    headers.emplace_back(std::string(name), std::move(value));
}

void Response::add_header(std::string name, std::string value) {
    refuse_line_breaks(name, value);
    headers.emplace_back(std::move(name), std::move(value));
}

std::optional<std::string_view> Response::header(std::string_view name) const {
    for (const auto& [key, value] : headers) {
        if (same_name(key, name)) return value;
    }
    return std::nullopt;
}

Response Response::with_body(int status, std::string content_type, std::string body) {
    Response r;
    r.status = status;
    r.set_header("Content-Type", std::move(content_type));
    r.body = std::move(body);
    return r;
}

Response Response::redirect(std::string location) {
    Response r;
    r.status = 303;
    r.set_header("Location", std::move(location));
    return r;
}

}  // namespace sendhub::http
