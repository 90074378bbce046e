#pragma once
// How a request list is searched and sorted: the words a coordinator types into the search
// box and the column they sort by.
#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "core/outreach.hpp"

namespace sendhub {

enum class RequestSortKey { preferred_date, submitted_at, school };

struct RequestSort {
    RequestSortKey key = RequestSortKey::submitted_at;
    bool descending = false;
};

//! `preferred_date`, `submitted_at` or `school`, with a leading `-` for descending; empty
//! means the list's own order (oldest request first). Anything else is 422 field `sort`.
[[nodiscard]] Result<std::optional<RequestSort>> parse_request_sort(std::string_view text);
//! The query-string form of a sort ("-school"), so links keep it.
[[nodiscard]] std::string sort_code(const RequestSort& sort);

//! The request a typed reference names: "OR-00042", "or-42" or "OR42" (not a bare number,
//! which is more likely part of a school's name).
[[nodiscard]] std::optional<RequestId> parse_request_reference(std::string_view text);

//! A LIKE pattern matching `text` anywhere, case folded, with `%`, `_` and `\` escaped
//! (the SQL says ESCAPE '\').
[[nodiscard]] std::string contains_pattern(std::string_view text);

}  // namespace sendhub
