#pragma once
// Matches "METHOD /path/{param}/…" patterns. The routes themselves are listed in one
// place, src/app/routes.cpp; this only finds which one a request names.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.hpp"

namespace sendhub::http {

using PathParams = std::map<std::string, std::string, std::less<>>;

class PathPattern {
  public:
    explicit PathPattern(std::string_view pattern) : segments_(split(pattern.substr(1), '/')) {}
    [[nodiscard]] std::optional<PathParams> match(std::string_view path) const;

  private:
    std::vector<std::string> segments_;
};

template <class Route>
class Router {
  public:
    struct Match {
        const Route* route = nullptr;
        PathParams params;
        bool path_known = false;  // some route has this path, for another method (405)
    };

    void add(std::string method, std::string_view pattern, Route route) {
        entries_.push_back({std::move(method), PathPattern(pattern), std::move(route)});
    }

    [[nodiscard]] Match find(std::string_view method, std::string_view path) const {
        Match result;
        for (const auto& entry : entries_) {
            auto params = entry.pattern.match(path);
            if (!params) continue;
            if (entry.method == method || (method == "HEAD" && entry.method == "GET")) {
                result.route = &entry.route;
                result.params = std::move(*params);
                return result;
            }
            result.path_known = true;
        }
        return result;
    }

  private:
    struct Entry {
        std::string method;
        PathPattern pattern;
        Route route;
    };
    std::vector<Entry> entries_;
};

}  // namespace sendhub::http
