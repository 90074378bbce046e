#pragma once
// A hash that lets a map keyed by std::string be searched with a std::string_view, so a
// statement cache finds a prepared statement without building a key string per query.
#include <functional>
#include <string_view>

namespace sendhub {

struct TransparentHash : std::hash<std::string_view> {
    using is_transparent = void;  // NOLINT(readability-identifier-naming): the standard's name
};

}  // namespace sendhub
