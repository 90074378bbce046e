#include "adapter/request_query.hpp"

#include <algorithm>

#include "core/needs.hpp"
#include "core/text.hpp"

namespace sendhub {

Result<RequestFilter> request_filter_from(const http::FormData& query, std::string_view cursor,
                                          int limit) {
    RequestFilter filter{.search = std::string(query.get("q")), .limit = limit};
    SENDHUB_ASSIGN_OR_RETURN(filter.sort, parse_request_sort(query.get("sort")));
    if (filter.sort && cursor.starts_with('o'))
        filter.offset = std::max<std::int64_t>(0, parse_int(cursor.substr(1)).value_or(0));
    else if (!filter.sort)
        filter.after_id = parse_int(cursor);
    if (auto text = query.get("status"); !text.empty()) {
        filter.status = parse_term(request_status_terms(), text);
        if (!filter.status)
            return std::unexpected(Error::invalid("status", "invalid", "Unknown status"));
    }
    if (auto text = trim(query.get("school_urn")); !text.empty()) {
        auto urn = parse_int(text);
        if (!urn)
            return std::unexpected(
                Error::invalid("school_urn", "invalid", "A school URN is a number, like 123641"));
        filter.school_urn = SchoolUrn{*urn};
    }
    filter.level = parse_term(grade_terms(), query.get("level"));
    if (auto text = trim(query.get("service")); !text.empty()) {
        filter.service = parse_term(service_terms(), text);
        if (!filter.service)
            return std::unexpected(Error::invalid(
                "service", "invalid",
                "service must be outreach, educational_psychology or speech_and_language"));
    }
    filter.need = parse_term(primary_need_terms(), query.get("need"));
    if (auto days = parse_int(query.get("older_than_days")))
        filter.older_than_days = static_cast<int>(*days);
    return filter;
}

}  // namespace sendhub
