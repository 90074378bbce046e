#include "http/multipart.hpp"

#include <algorithm>
#include <cctype>

namespace sendhub::http {
namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    std::ranges::transform(out, out.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

std::string_view trim_spaces(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

//! The value of `key=` in a header's parameters ("form-data; name=\"file\"; filename=…"):
//! quoted (with \" and \\ escapes) or bare. Parameter names are matched without case.
std::optional<std::string> parameter(std::string_view header, std::string_view key) {
    std::size_t at = header.find(';');
    while (at != std::string_view::npos) {
        std::string_view rest = trim_spaces(header.substr(at + 1));
        const auto equals = rest.find('=');
        if (equals == std::string_view::npos) return std::nullopt;
        const bool wanted = lower(trim_spaces(rest.substr(0, equals))) == key;
        std::string_view value = rest.substr(equals + 1);
        std::string out;
        std::size_t consumed = 0;
        if (value.starts_with('"')) {
            std::size_t i = 1;
            for (; i < value.size() && value[i] != '"'; ++i) {
                // A backslash escapes only a quote or itself: elsewhere it is a Windows path's
                // separator, which some browsers send in a file name.
                if (value[i] == '\\' && i + 1 < value.size() &&
                    (value[i + 1] == '"' || value[i + 1] == '\\'))
                    ++i;
                out += value[i];
            }
            if (i >= value.size()) return std::nullopt;  // unterminated
            consumed = i + 1;
        } else {
            consumed = std::min(value.find(';'), value.size());
            out = std::string(trim_spaces(value.substr(0, consumed)));
        }
        if (wanted) return out;
        const auto next = value.substr(consumed).find(';');
        if (next == std::string_view::npos) return std::nullopt;
        at = static_cast<std::size_t>(value.data() + consumed + next - header.data());
    }
    return std::nullopt;
}

std::optional<MultipartPart> parse_part(std::string_view part) {
    const auto end_of_headers = part.find("\r\n\r\n");
    if (end_of_headers == std::string_view::npos) return std::nullopt;
    MultipartPart out;
    bool named = false;
    std::string_view headers = part.substr(0, end_of_headers);
    while (!headers.empty()) {
        const auto eol = headers.find("\r\n");
        std::string_view line = headers.substr(0, eol);
        headers = eol == std::string_view::npos ? std::string_view{} : headers.substr(eol + 2);
        const auto colon = line.find(':');
        if (colon == std::string_view::npos) return std::nullopt;
        const std::string name = lower(trim_spaces(line.substr(0, colon)));
        const std::string_view value = trim_spaces(line.substr(colon + 1));
        if (name == "content-disposition") {
            if (!lower(value).starts_with("form-data")) return std::nullopt;
            auto field = parameter(value, "name");
            if (!field) return std::nullopt;
            out.name = std::move(*field);
            out.filename = parameter(value, "filename");
            named = true;
        } else if (name == "content-type") {
            out.content_type = std::string(value);
        }
    }
    if (!named) return std::nullopt;
    out.body = std::string(part.substr(end_of_headers + 4));
    return out;
}

}  // namespace

std::optional<std::string> multipart_boundary(std::string_view content_type) {
    const auto semicolon = content_type.find(';');
    if (lower(trim_spaces(content_type.substr(0, semicolon))) != "multipart/form-data")
        return std::nullopt;
    auto boundary = parameter(content_type, "boundary");
    if (!boundary || boundary->empty() || boundary->size() > 70) return std::nullopt;
    return boundary;
}

std::optional<std::vector<MultipartPart>> parse_multipart(std::string_view body,
                                                          std::string_view boundary,
                                                          std::size_t max_parts) {
    const std::string opening = "--" + std::string(boundary);
    const std::string delimiter = "\r\n" + opening;
    // The first boundary may follow a preamble, which is ignored.
    std::size_t at = body.starts_with(opening) ? 0 : body.find(delimiter);
    if (at == std::string_view::npos) return std::nullopt;
    at += at == 0 && body.starts_with(opening) ? opening.size() : delimiter.size();
    std::vector<MultipartPart> parts;
    for (;;) {
        std::string_view rest = body.substr(at);
        if (rest.starts_with("--")) return parts;  // the closing boundary
        if (!rest.starts_with("\r\n")) return std::nullopt;
        rest.remove_prefix(2);
        const auto end = rest.find(delimiter);
        if (end == std::string_view::npos) return std::nullopt;
        if (parts.size() == max_parts) return std::nullopt;
        auto part = parse_part(rest.substr(0, end));
        if (!part) return std::nullopt;
        parts.push_back(std::move(*part));
        at = static_cast<std::size_t>(rest.data() - body.data()) + end + delimiter.size();
    }
}

}  // namespace sendhub::http
