#include "web/views.hpp"

#include <cstdio>

#include "core/dates.hpp"
#include "http/url.hpp"

namespace sendhub {
namespace {
std::string count_or_blank(const std::optional<int>& n) {
    return n ? std::to_string(*n) : "Not known";
}

std::string percent_of(const std::optional<int>& part, const std::optional<int>& whole) {
    if (!part || !whole || *whole <= 0) return {};
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%.1f%%", 100.0 * *part / *whole);
    return buffer;
}
}  // namespace

nlohmann::json school_view(const School& s) {
    return {
        {"urn", std::to_string(s.urn.value)},
        {"name", s.name},
        {"postcode", s.postcode},
        {"phase", std::string(term_of(phase_terms(), s.phase).code)},
        {"phase_label", std::string(term_of(phase_terms(), s.phase).label)},
        {"local_authority", s.local_authority},
        {"school_type", s.school_type.empty() ? "Not known" : s.school_type},
        {"pupils", count_or_blank(s.pupils)},
        {"ehcp_pupils", count_or_blank(s.ehcp_pupils)},
        {"sen_support_pupils", count_or_blank(s.sen_support_pupils)},
        {"ehcp_percent", percent_of(s.ehcp_pupils, s.pupils)},
        {"sen_support_percent", percent_of(s.sen_support_pupils, s.pupils)},
        {"relationship_label",
         std::string(term_of(school_relationship_terms(), s.relationship).label)},
        {"arb_label", s.arb ? "Yes" : "No"},
        {"arb", s.arb},
    };
}

nlohmann::json practitioner_view(const Practitioner& p) {
    std::string expertise;
    for (auto need : p.expertise) {
        if (!expertise.empty()) expertise += ", ";
        expertise += std::string(term_of(primary_need_terms(), need).label);
    }
    return {
        {"id", std::to_string(p.id.value)},
        {"name", p.name},
        {"email", p.email},
        {"grade_label", std::string(term_of(level_terms(), p.grade).label)},
        {"expertise_text", expertise.empty() ? "None recorded" : expertise},
        {"home_postcode", p.home_postcode},
        {"located", p.home_latitude.has_value()},
        {"max_days_per_week", std::to_string(p.max_days_per_week)},
        {"active", p.active},
    };
}

nlohmann::json user_view(const User& u) {
    return {
        {"id", std::to_string(u.id.value)},
        {"name", u.name},
        {"email", u.email},
        {"role_label", std::string(role_label(u.role))},
        {"active", u.active},
    };
}

std::string query_string(const std::vector<std::pair<std::string, std::string>>& pairs) {
    std::string out;
    for (const auto& [name, value] : pairs) {
        if (value.empty()) continue;
        out += (out.empty() ? "?" : "&") + http::percent_encode(name) + "=" +
               http::percent_encode(value);
    }
    return out;
}

std::string readable_date(std::string_view iso) {
    if (auto date = parse_date(iso)) return format_day_month_year(*date);
    return std::string(iso);
}

}  // namespace sendhub
