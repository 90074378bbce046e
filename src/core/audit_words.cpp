#include "core/audit_words.hpp"

#include <array>
#include <cstdio>

namespace sendhub {
namespace {

struct Words {
    std::string_view code;
    std::string_view words;
};

constexpr std::array<Words, 26> kActions{{
    {"sign_in", "Signed in"},
    {"sign_out", "Signed out"},
    {"sign_in_failed", "Failed sign-in"},
    {"locked_out", "Sign-in refused: locked after failed attempts"},
    {"change_password", "Changed their password"},
    {"reset_password", "Reset their password by email link"},
    {"send_password_reset", "Emailed a link to set a new password"},
    {"change_role", "Changed the role"},
    {"deactivate", "Deactivated the account"},
    {"reactivate", "Reactivated the account"},
    {"create", "Created"},
    {"update", "Changed"},
    {"delete", "Deleted"},
    {"replace", "Replaced"},
    {"import", "Imported"},
    {"accept", "Accepted"},
    {"ask_for_change", "Asked for a change"},
    {"complete", "Completed"},
    {"cancel", "Cancelled"},
    {"move", "Moved"},
    {"plan", "Planned"},
    {"report", "Wrote the report"},
    {"progress", "Recorded progress"},
    {"feedback", "Gave feedback"},
    {"pay", "Recorded a payment"},
    {"credit", "Issued a credit note"},
}};

constexpr std::array<std::string_view, 7> kDayNames{"Mon", "Tue", "Wed", "Thu",
                                                    "Fri", "Sat", "Sun"};

// "half_days" → "half days"; the first letter capitalised when `capital`.
std::string spaced(std::string_view code, bool capital) {
    std::string out(code);
    for (char& ch : out)
        if (ch == '_') ch = ' ';
    if (capital && !out.empty() && out[0] >= 'a' && out[0] <= 'z')
        out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out;
}

std::string weekdays(std::int64_t mask) {
    std::string out;
    for (std::size_t day = 0; day < kDayNames.size(); ++day)
        if ((mask >> day) & 1) out += (out.empty() ? "" : ", ") + std::string(kDayNames[day]);
    return out.empty() ? "none" : out;
}

std::string value_words(std::string_view key, const nlohmann::json& value) {
    if (value.is_string()) return spaced(value.get<std::string>(), false);
    if (value.is_boolean()) return value.get<bool>() ? "yes" : "no";
    if (value.is_number_integer() && key == "working_days")
        return weekdays(value.get<std::int64_t>());
    if (value.is_array()) {
        std::string out;
        for (const auto& item : value) out += (out.empty() ? "" : ", ") + value_words(key, item);
        return out;
    }
    if (value.is_object()) {
        std::string out;
        for (const auto& [inner, v] : value.items())
            out += (out.empty() ? "" : ", ") + spaced(inner, false) + " " + value_words(key, v);
        return out;
    }
    return value.dump();
}

}  // namespace

std::string audit_action_words(std::string_view action) {
    for (const auto& a : kActions)
        if (a.code == action) return std::string(a.words);
    return spaced(action, true);
}

std::string audit_record_words(std::string_view entity, std::string_view entity_id) {
    std::string noun = spaced(entity, true);
    if (entity_id.empty()) return noun;
    if (entity == "request") {
        long long id = 0;
        if (std::sscanf(std::string(entity_id).c_str(), "%lld", &id) == 1) {
            char reference[32];
            std::snprintf(reference, sizeof reference, "OR-%05lld", id);
            return "Request " + std::string(reference);
        }
    }
    if (entity == "term_dates") return "Term dates of local authority " + std::string(entity_id);
    return noun + " " + std::string(entity_id);
}

std::vector<std::string> audit_detail_lines(const nlohmann::json& detail) {
    std::vector<std::string> lines;
    if (!detail.is_object()) return lines;
    for (const auto& [key, value] : detail.items()) {
        if (key == "fields") {
            if (!value.empty()) lines.push_back("Fields given: " + value_words(key, value));
            continue;
        }
        lines.push_back(spaced(key, true) + ": " + value_words(key, value));
    }
    return lines;
}

nlohmann::json fields_given(
    std::initializer_list<std::pair<std::string_view, std::string_view>> named_values) {
    nlohmann::json names = nlohmann::json::array();
    for (const auto& [name, value] : named_values)
        if (!value.empty()) names.push_back(name);
    return names;
}

}  // namespace sendhub
