#include "http/router.hpp"

#include <stdexcept>

namespace sendhub::http {

PathSegments::PathSegments(std::string_view path) {
    std::string_view rest = path.substr(1);
    while (true) {
        if (count == kMax) {
            fits = false;
            return;
        }
        auto slash = rest.find('/');
        parts[count++] = rest.substr(0, slash);
        if (slash == std::string_view::npos) return;
        rest.remove_prefix(slash + 1);
    }
}

PathPattern::PathPattern(std::string_view pattern) {
    PathSegments parts(pattern);
    if (!parts.fits) throw std::logic_error("route too long: " + std::string(pattern));
    for (auto part : parts.view()) {
        auto close = part.find('}');
        if (part.size() > 2 && part.front() == '{' && close != std::string_view::npos)
            segments_.push_back({.text = std::string(part.substr(1, close - 1)),
                                 .suffix = std::string(part.substr(close + 1)),
                                 .parameter = true});
        else
            segments_.push_back({.text = std::string(part)});
    }
}

bool PathPattern::matches(std::span<const std::string_view> parts) const {
    if (parts.size() != segments_.size()) return false;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const auto& segment = segments_[i];
        if (!segment.parameter) {
            if (segment.text != parts[i]) return false;
        } else if (parts[i].size() <= segment.suffix.size() ||
                   !parts[i].ends_with(segment.suffix)) {
            return false;  // a parameter is never empty
        }
    }
    return true;
}

PathParams PathPattern::params(std::span<const std::string_view> parts) const {
    PathParams params;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const auto& segment = segments_[i];
        if (segment.parameter)
            params.emplace(segment.text,
                           parts[i].substr(0, parts[i].size() - segment.suffix.size()));
    }
    return params;
}

std::string PathPattern::text() const {
    std::string text;
    for (const auto& segment : segments_) {
        text += '/';
        text += segment.parameter ? "{" + segment.text + "}" + segment.suffix : segment.text;
    }
    return text;
}

}  // namespace sendhub::http
