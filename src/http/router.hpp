#pragma once
// Matches "METHOD /path/{param}/…" patterns. The routes themselves are listed by area in
// src/app/routes_*.cpp; this only finds which one a request names. Every request asks,
// so a path is split once, into views, and only the route that matches copies anything.
#include <array>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sendhub::http {

using PathParams = std::map<std::string, std::string, std::less<>>;

//! A path's segments, as views into it: "/a/b/" is "a", "b", "". A path longer than any
//! route has `fits` false.
struct PathSegments {
    static constexpr std::size_t kMax = 16;
    std::array<std::string_view, kMax> parts{};
    std::size_t count = 0;
    bool fits = true;

    explicit PathSegments(std::string_view path);
    [[nodiscard]] std::span<const std::string_view> view() const { return {parts.data(), count}; }
};

class PathPattern {
  public:
    explicit PathPattern(std::string_view pattern);
    [[nodiscard]] bool matches(std::span<const std::string_view> parts) const;
    //! The parameters of a path that matches().
    [[nodiscard]] PathParams params(std::span<const std::string_view> parts) const;
    //! The pattern as it was written, rebuilt for listings (never on a request's path).
    [[nodiscard]] std::string text() const;

  private:
    struct Segment {
        std::string text;    // the literal, or the parameter's name
        std::string suffix;  // after a parameter: "{id}.pdf" has ".pdf"
        bool parameter = false;
    };
    std::vector<Segment> segments_;
};

template <class Route>
class Router {
  public:
    struct Match {
        const Route* route = nullptr;
        PathParams params;
        bool path_known = false;  // some route has this path, for another method (405)
    };

    //! A route as it was added, for tests that look at the whole table.
    struct Listed {
        std::string_view method;
        std::string pattern;
        const Route* route = nullptr;
    };

    void add(std::string method, std::string_view pattern, Route route) {
        entries_.push_back({std::move(method), PathPattern(pattern), std::move(route)});
    }

    //! Every route, in the order find() tries them.
    [[nodiscard]] std::vector<Listed> listing() const {
        std::vector<Listed> listed;
        listed.reserve(entries_.size());
        for (const auto& entry : entries_)
            listed.push_back({entry.method, entry.pattern.text(), &entry.route});
        return listed;
    }

    [[nodiscard]] Match find(std::string_view method, std::string_view path) const {
        Match result;
        if (path.empty() || path.front() != '/') return result;
        PathSegments segments(path);
        if (!segments.fits) return result;
        for (const auto& entry : entries_) {
            if (!entry.pattern.matches(segments.view())) continue;
            if (entry.method == method || (method == "HEAD" && entry.method == "GET")) {
                result.route = &entry.route;
                result.params = entry.pattern.params(segments.view());
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
