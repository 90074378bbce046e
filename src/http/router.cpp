#include "http/router.hpp"

namespace sendhub::http {

std::optional<PathParams> PathPattern::match(std::string_view path) const {
    if (path.empty() || path.front() != '/') return std::nullopt;
    auto parts = split(path.substr(1), '/');
    if (parts.size() != segments_.size()) return std::nullopt;
    PathParams params;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const auto& segment = segments_[i];
        auto close = segment.find('}');
        if (segment.size() > 2 && segment.front() == '{' && close != std::string::npos) {
            // "{id}" or "{id}.pdf": a parameter, optionally followed by a fixed suffix.
            std::string_view suffix = std::string_view(segment).substr(close + 1);
            const std::string& part = parts[i];
            if (part.size() <= suffix.size() || !std::string_view(part).ends_with(suffix))
                return std::nullopt;
            params.emplace(segment.substr(1, close - 1),
                           part.substr(0, part.size() - suffix.size()));
        } else if (segment != parts[i]) {
            return std::nullopt;
        }
    }
    return params;
}

}  // namespace sendhub::http
