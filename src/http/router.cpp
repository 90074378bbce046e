#include "http/router.hpp"

namespace sendhub::http {

std::optional<PathParams> PathPattern::match(std::string_view path) const {
    if (path.empty() || path.front() != '/') return std::nullopt;
    auto parts = split(path.substr(1), '/');
    if (parts.size() != segments_.size()) return std::nullopt;
    PathParams params;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const auto& segment = segments_[i];
        if (segment.size() > 2 && segment.front() == '{' && segment.back() == '}') {
            if (parts[i].empty()) return std::nullopt;
            params.emplace(segment.substr(1, segment.size() - 2), parts[i]);
        } else if (segment != parts[i]) {
            return std::nullopt;
        }
    }
    return params;
}

}  // namespace sendhub::http
