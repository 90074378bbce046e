#pragma once
// A page of a keyset-paginated list (api-contract.md: {"items","next_cursor"}).
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

namespace sendhub {

inline constexpr int kDefaultPageSize = 50;
inline constexpr int kMaxPageSize = 500;

template <class T>
struct Page {
    std::vector<T> items;
    std::optional<std::string> next_cursor;
};

//! Clamps a requested page size into 1..kMaxPageSize.
[[nodiscard]] inline int page_size(std::optional<long long> requested) {
    if (!requested) return kDefaultPageSize;
    return static_cast<int>(std::clamp<long long>(*requested, 1, kMaxPageSize));
}

//! Keeps `limit` items and sets the cursor from the last kept one when more were fetched
//! (callers fetch limit + 1 rows to know whether a next page exists).
template <class T, class CursorOf>
Page<T> make_page(std::vector<T> rows, int limit, CursorOf cursor_of) {
    Page<T> page;
    if (static_cast<int>(rows.size()) > limit) {
        rows.resize(static_cast<std::size_t>(limit));
        page.next_cursor = cursor_of(rows.back());
    }
    page.items = std::move(rows);
    return page;
}

}  // namespace sendhub
