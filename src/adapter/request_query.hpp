#pragma once
// Reads a request list's filters, search and sort from a query string; shared by the
// requests page, the JSON list and the CSV export.
#include <string_view>

#include "core/error.hpp"
#include "http/url.hpp"
#include "service/outreach_service.hpp"

namespace sendhub {

//! `cursor` is the list's next_cursor: a request id in the default order, "o" and the offset when
//! sorted. An unknown status or sort, or a school_urn that is not a number, is 422.
[[nodiscard]] Result<RequestFilter> request_filter_from(const http::FormData& query,
                                                        std::string_view cursor, int limit);

}  // namespace sendhub
