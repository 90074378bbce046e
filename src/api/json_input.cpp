#include "api/json_input.hpp"

#include "core/page.hpp"
#include "core/text.hpp"

namespace sendhub {

Result<nlohmann::json> parse_json_object(const http::Request& request) {
    auto parsed = nlohmann::json::parse(request.body, nullptr, false);
    if (parsed.is_discarded())
        return std::unexpected(
            Error::bad_request("malformed_json", "The request body is not valid JSON."));
    if (!parsed.is_object())
        return std::unexpected(
            Error::bad_request("malformed_json", "The request body must be a JSON object."));
    return parsed;
}

JsonFields JsonFields::from_body(const http::Request& request) {
    auto parsed = parse_json_object(request);
    if (parsed) return JsonFields(std::move(*parsed));
    JsonFields empty(nlohmann::json::object());
    empty.body_error_ = parsed.error();
    return empty;
}

std::string JsonFields::text(const std::string& name) {
    auto it = object_.find(name);
    if (it == object_.end() || it->is_null()) return {};
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number_integer()) return std::to_string(it->get<long long>());
    if (it->is_number()) return it->dump();
    errors_.push_back({name, "invalid_type", name + " must be a string or a number"});
    return {};
}

std::vector<std::string> JsonFields::strings(const std::string& name) {
    auto it = object_.find(name);
    if (it == object_.end() || it->is_null()) return {};
    std::vector<std::string> out;
    if (it->is_array()) {
        for (const auto& item : *it) {
            if (item.is_number_integer()) {  // ids and URNs may come as numbers
                out.push_back(std::to_string(item.get<long long>()));
                continue;
            }
            if (!item.is_string()) {
                errors_.push_back({name, "invalid_type", name + " must be a list of strings"});
                return {};
            }
            out.push_back(item.get<std::string>());
        }
        return out;
    }
    errors_.push_back({name, "invalid_type", name + " must be a list of strings"});
    return {};
}

bool JsonFields::boolean(const std::string& name, bool fallback) {
    auto it = object_.find(name);
    if (it == object_.end() || it->is_null()) return fallback;
    if (it->is_boolean()) return it->get<bool>();
    errors_.push_back({name, "invalid_type", name + " must be true or false"});
    return fallback;
}

Result<void> JsonFields::check() const {
    if (body_error_) return std::unexpected(*body_error_);
    if (errors_.empty()) return {};
    return std::unexpected(Error::validation(errors_));
}

Result<ListParams> list_params(const http::FormData& query) {
    ListParams params;
    if (auto text = query.get("limit"); !text.empty()) {
        auto limit = parse_int(text);
        if (!limit || *limit < 1 || *limit > kMaxPageSize)
            return std::unexpected(
                Error::invalid("limit", "invalid", "limit must be a whole number from 1 to 500"));
        params.limit = static_cast<int>(*limit);
    }
    params.cursor = query.get("cursor");
    // A request id, or "o" and an offset for sorted lists (request_store.hpp).
    std::string_view number = params.cursor;
    if (number.starts_with('o')) number.remove_prefix(1);
    if (!params.cursor.empty() && !parse_int(number))
        return std::unexpected(Error::invalid("cursor", "invalid", "cursor is not valid"));
    return params;
}

nlohmann::json list_body(nlohmann::json items, const std::optional<std::string>& next_cursor) {
    return {{"items", std::move(items)},
            {"next_cursor", next_cursor ? nlohmann::json(*next_cursor) : nlohmann::json()}};
}

Result<std::optional<SchoolUrn>> school_filter(const http::FormData& query) {
    auto text = query.get("school_urn");
    if (text.empty()) return std::nullopt;
    auto urn = parse_int(text);
    if (!urn)
        return std::unexpected(
            Error::invalid("school_urn", "invalid", "school_urn must be a number"));
    return SchoolUrn{*urn};
}

}  // namespace sendhub
