#include "core/school_returns.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace sendhub {

const std::array<ReturnMeasure, 8>& return_measures() {
    static const std::array<ReturnMeasure, 8> measures{{
        {"sen_support_attendance_pct", "Attendance of pupils on SEN support"},
        {"sen_support_persistent_absence_pct", "Persistent absence of pupils on SEN support"},
        {"sen_support_ks2_rwm_pct",
         "Pupils on SEN support at the expected standard in reading, writing and maths (KS2)"},
        {"sen_support_ks4_em_pct",
         "Pupils on SEN support with grade 4 or above in English and maths (KS4)"},
        {"ehcp_attendance_pct", "Attendance of pupils with an EHC plan"},
        {"ehcp_persistent_absence_pct", "Persistent absence of pupils with an EHC plan"},
        {"ehcp_ks2_rwm_pct",
         "Pupils with an EHC plan at the expected standard in reading, writing and maths (KS2)"},
        {"ehcp_ks4_em_pct",
         "Pupils with an EHC plan with grade 4 or above in English and maths (KS4)"},
    }};
    return measures;
}

SchoolDataAccess school_data_access(Role role) {
    switch (role) {
        case Role::admin:
        case Role::coordinator:
            return SchoolDataAccess::write_all;
        case Role::partnerships:
            return SchoolDataAccess::read_all;
        case Role::senco:
        case Role::headteacher:
            return SchoolDataAccess::own_school;
        case Role::practitioner:
        case Role::finance:
        case Role::school_staff:
            break;
    }
    return SchoolDataAccess::none;
}

bool is_return_measure(std::string_view code) {
    return std::ranges::any_of(return_measures(),
                               [&](const ReturnMeasure& m) { return m.code == code; });
}

std::optional<std::string> parse_school_year(std::string_view text) {
    const std::string t = trim(text);
    if (t.size() != 7 || t[4] != '-') return std::nullopt;
    auto first = parse_int(std::string_view(t).substr(0, 4));
    auto second = parse_int(std::string_view(t).substr(5, 2));
    if (!first || !second || *first < 2000 || *first > 2099 || (*first + 1) % 100 != *second)
        return std::nullopt;
    return t;
}

std::optional<TermPeriod> parse_term_name(std::string_view text) {
    const std::string t = trim(text);
    const auto space = t.find(' ');
    if (space == std::string::npos) return std::nullopt;
    auto year = parse_school_year(std::string_view(t).substr(0, space));
    if (!year) return std::nullopt;
    auto season = parse_term(term_season_terms(), std::string_view(t).substr(space + 1));
    if (!season) return std::nullopt;
    return TermPeriod{*year, *season};
}

std::string term_name(const TermPeriod& term) {
    return term.academic_year + " " + std::string(term_of(term_season_terms(), term.season).code);
}

std::string term_sort_key(const TermPeriod& term) {
    return term.academic_year + " " + std::to_string(static_cast<int>(term.season));
}

Result<SchoolReturnValues> validate_school_return(const SchoolReturnInput& input) {
    Validator v;
    SchoolReturnValues out;
    if (auto urn = parse_int(trim(input.school_urn)); urn && *urn > 0)
        out.school_urn = *urn;
    else
        v.fail("school_urn", trim(input.school_urn).empty() ? "required" : "unknown_school",
               "Choose the school");
    if (auto term = parse_term_name(input.term))
        out.term = *term;
    else
        v.fail("term", "invalid", "Enter the term as a school year and term, like 2026-27 autumn");
    for (const auto& m : return_measures()) {
        out.measures[std::string(m.code)] = std::nullopt;
        auto it = input.measures.find(std::string(m.code));
        if (it == input.measures.end() || trim(it->second).empty()) continue;
        auto value = parse_double(trim(it->second));
        if (!value || *value < 0 || *value > 100) {
            v.fail(std::string(m.code), "invalid",
                   std::string(m.label) + " must be a percentage from 0 to 100");
            continue;
        }
        out.measures[std::string(m.code)] = *value;
    }
    if (!v.ok()) return std::unexpected(std::move(v).error());
    return out;
}

}  // namespace sendhub
