#pragma once
// The audit log in words an administrator reads: "Failed sign-in", "Request OR-00042",
// "Fields changed: work undertaken, next steps". Entries keep machine detail (JSON) for the
// API; pages show these sentences instead. Pure C++, no I/O.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace sendhub {

[[nodiscard]] std::string audit_action_words(std::string_view action);
[[nodiscard]] std::string audit_record_words(std::string_view entity, std::string_view entity_id);
//! One line per detail, keys as words and weekday sets as day names.
[[nodiscard]] std::vector<std::string> audit_detail_lines(const nlohmann::json& detail);

//! The names of the fields that were given a value, for audit detail that must not copy
//! what was written about a child: {"fields": ["concern", "tried"]}.
[[nodiscard]] nlohmann::json fields_given(
    std::initializer_list<std::pair<std::string_view, std::string_view>> named_values);

}  // namespace sendhub
