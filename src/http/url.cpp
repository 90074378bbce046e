#include "http/url.hpp"

#include <algorithm>
#include <cctype>

#include "core/percent_encoding.hpp"
#include "core/text.hpp"

namespace sendhub::http {
namespace {
int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}
}  // namespace

std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '%') {
            if (i + 2 >= text.size()) return std::nullopt;
            int hi = hex_value(text[i + 1]);
            int lo = hex_value(text[i + 2]);
            if (hi < 0 || lo < 0) return std::nullopt;
            out += static_cast<char>(hi * 16 + lo);
            i += 2;
        } else if (c == '+' && plus_is_space) {
            out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

std::string percent_encode(std::string_view text) {
    return percent_encode_except(text);
}

std::optional<FormData> FormData::parse(std::string_view encoded) {
    FormData form;
    if (encoded.empty()) return form;
    for (const auto& part : split(encoded, '&')) {
        if (part.empty()) continue;
        auto eq = part.find('=');
        auto name = percent_decode(std::string_view(part).substr(0, eq), true);
        auto value = eq == std::string::npos
                         ? std::optional<std::string>("")
                         : percent_decode(std::string_view(part).substr(eq + 1), true);
        if (!name || !value || !is_valid_utf8(*name) || !is_valid_utf8(*value)) return std::nullopt;
        form.fields_.emplace_back(std::move(*name), std::move(*value));
    }
    return form;
}

std::string FormData::get(std::string_view name) const {
    for (const auto& [key, value] : fields_) {
        if (key == name) return value;
    }
    return {};
}

std::vector<std::string> FormData::get_all(std::string_view name) const {
    std::vector<std::string> values;
    for (const auto& [key, value] : fields_) {
        if (key == name) values.push_back(value);
    }
    return values;
}

bool FormData::has(std::string_view name) const {
    for (const auto& field : fields_) {
        if (field.first == name) return true;
    }
    return false;
}

std::optional<std::string> cookie_value(std::string_view cookie_header, std::string_view name) {
    for (const auto& part : split(cookie_header, ';')) {
        std::string pair = trim(part);
        auto eq = pair.find('=');
        if (eq == std::string::npos) continue;
        if (std::string_view(pair).substr(0, eq) == name) return pair.substr(eq + 1);
    }
    return std::nullopt;
}

std::string local_redirect_target(std::string_view next) {
    auto url_character = [](unsigned char c) {
        return std::isalnum(c) ||
               std::string_view("-._~!$&'()*+,;=:@/?%").find(static_cast<char>(c)) !=
                   std::string_view::npos;
    };
    bool local = next.size() > 1 && next.front() == '/' && next[1] != '/' && next.size() <= 2000;
    if (!local || !std::ranges::all_of(next, url_character)) return "/";
    return std::string(next);
}

}  // namespace sendhub::http
