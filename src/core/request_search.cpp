#include "core/request_search.hpp"

#include <array>
#include <cctype>
#include <charconv>

#include "core/text.hpp"

namespace sendhub {
namespace {

struct SortName {
    RequestSortKey key;
    std::string_view code;
};
constexpr std::array<SortName, 3> kSortNames{{
    {RequestSortKey::preferred_date, "preferred_date"},
    {RequestSortKey::submitted_at, "submitted_at"},
    {RequestSortKey::school, "school"},
}};

}  // namespace

Result<std::optional<RequestSort>> parse_request_sort(std::string_view typed) {
    const std::string trimmed = trim(typed);
    std::string_view text = trimmed;
    if (text.empty()) return std::optional<RequestSort>{};
    RequestSort sort;
    if (text.front() == '-') {
        sort.descending = true;
        text.remove_prefix(1);
    }
    for (const auto& name : kSortNames) {
        if (name.code == text) {
            sort.key = name.key;
            return std::optional<RequestSort>{sort};
        }
    }
    return std::unexpected(
        Error::invalid("sort", "invalid",
                       "Sort by preferred_date, submitted_at or school (with - for newest first)"));
}

std::string sort_code(const RequestSort& sort) {
    for (const auto& name : kSortNames)
        if (name.key == sort.key) return (sort.descending ? "-" : "") + std::string(name.code);
    return {};
}

std::optional<RequestId> parse_request_reference(std::string_view typed) {
    const std::string trimmed = trim(typed);
    std::string_view text = trimmed;
    if (text.size() < 3 || std::tolower(static_cast<unsigned char>(text[0])) != 'o' ||
        std::tolower(static_cast<unsigned char>(text[1])) != 'r')
        return std::nullopt;
    text.remove_prefix(2);
    if (text.front() == '-') text.remove_prefix(1);
    if (text.empty() || text.size() > 12) return std::nullopt;
    std::int64_t id = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec != std::errc{} || end != text.data() + text.size() || id <= 0) return std::nullopt;
    return RequestId{id};
}

std::string contains_pattern(std::string_view text) {
    std::string pattern = "%";
    for (char ch : trim(text)) {
        if (ch == '%' || ch == '_' || ch == '\\') pattern += '\\';
        pattern += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    }
    pattern += '%';
    return pattern;
}

}  // namespace sendhub
