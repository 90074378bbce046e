#include "app/demo_school_data.hpp"

#include "service/school_data_service.hpp"

namespace sendhub {
namespace {

const std::vector<FrameworkAreaInput>& demo_areas() {
    static const std::vector<FrameworkAreaInput> areas{
        {"Leadership and vision",
         {"Leaders at every level share a clear vision for pupils with SEND",
          "The SENCO is part of the senior leadership team",
          "Governors check the impact of SEND provision",
          "Funding for SEND is planned and its impact reviewed"},
         "senco"},
        {"Identification and assessment",
         {"Needs are identified early and accurately",
          "Assessment informs each pupil's support plan",
          "Parents and carers contribute to assessment", "Pupils' views are sought and recorded"}},
        {"Teaching and the curriculum",
         {"Adaptive teaching meets most needs in class",
          "The curriculum is ambitious for pupils with SEND",
          "Teaching assistants are deployed to promote independence",
          "Interventions are time-limited and their impact measured"},
         "adaptive teaching"},
        {"Working with families and partners",
         {"Families know who to speak to and feel listened to",
          "The local offer is clear and up to date",
          "Health and care professionals are involved in planning",
          "Transitions between phases are planned well ahead"}},
        {"Staff development and preparing for adulthood",
         {"All staff receive regular training on SEND",
          "Staff are confident supporting autistic pupils",
          "Pupils are prepared for adulthood from the earliest years",
          "Staff share practice with other schools"},
         "autism"},
    };
    return areas;
}

TermPeriod term_before(const TermPeriod& term) {
    switch (term.season) {
        case TermSeason::autumn: {
            const int start = std::stoi(term.academic_year.substr(0, 4)) - 1;
            const int end = (start + 1) % 100;
            return {std::to_string(start) + "-" + (end < 10 ? "0" : "") + std::to_string(end),
                    TermSeason::summer};
        }
        case TermSeason::spring:
            return {term.academic_year, TermSeason::autumn};
        case TermSeason::summer:
            break;
    }
    return {term.academic_year, TermSeason::spring};
}

//! A steady spread of ratings: the last area (training and adulthood) lowest, most middling.
int rating_for(std::int64_t urn, std::size_t statement, int term) {
    const int base = static_cast<int>((urn / 7 + statement * 5 + term) % 4) + 1;
    if (statement >= 16) return std::max(1, base - 2);
    if (statement % 4 == 0) return std::min(4, base + 1);
    return base;
}

std::string percent(double v) {
    return std::to_string(static_cast<int>(v * 10) / 10) + "." +
           std::to_string(static_cast<int>(v * 10) % 10);
}

}  // namespace

Result<void> load_demo_school_data(Services& s, const Actor& coordinator,
                                   const School& senco_school, std::FILE* out) {
    SENDHUB_ASSIGN_OR_RETURN(
        auto framework,
        create_framework(s, coordinator, {"SEND self-evaluation", "4", demo_areas()}));
    std::vector<School> schools;
    for (const auto& school : schools_for_returns(s, coordinator))
        if (school.relationship == SchoolRelationship::trust) schools.push_back(school);
    schools.push_back(senco_school);
    const TermPeriod now = term_period_of(s.clock().today());
    const TermPeriod before = term_before(now);
    const auto statements = framework.statements();
    int returns = 0;
    for (const auto& school : schools) {
        const std::int64_t urn = school.urn.value;
        for (const auto& [index, term] : {std::pair{0, before}, std::pair{1, now}}) {
            SelfEvaluationInput evaluation{
                std::to_string(urn), std::to_string(framework.id), term_name(term), {}};
            for (std::size_t i = 0; i < statements.size(); ++i)
                evaluation.ratings.push_back(
                    {std::to_string(statements[i].id), std::to_string(rating_for(urn, i, index)),
                     i % 3 == 0 ? "Seen in lesson visits and the SEND register" : ""});
            SENDHUB_TRY(save_self_evaluation(s, coordinator, evaluation));
            const double shift = static_cast<double>(urn % 9) / 2 + index;
            SchoolReturnInput r{std::to_string(urn), term_name(term), {}};
            r.measures["sen_support_attendance_pct"] = percent(90.5 + shift / 2);
            r.measures["sen_support_persistent_absence_pct"] = percent(22.0 - shift);
            r.measures["ehcp_attendance_pct"] = percent(87.0 + shift / 2);
            r.measures["ehcp_persistent_absence_pct"] = percent(29.5 - shift);
            if (school.phase == Phase::primary || school.phase == Phase::all_through) {
                r.measures["sen_support_ks2_rwm_pct"] = percent(21.0 + shift);
                r.measures["ehcp_ks2_rwm_pct"] = percent(7.5 + shift / 2);
            }
            if (school.phase != Phase::primary) {
                r.measures["sen_support_ks4_em_pct"] = percent(26.0 + shift);
                r.measures["ehcp_ks4_em_pct"] = percent(6.0 + shift / 2);
            }
            SENDHUB_TRY(save_school_return(s, coordinator, r));
            ++returns;
        }
    }
    std::fprintf(out,
                 "self-evaluation: a framework of %zu statements rated by %zu schools; "
                 "termly returns: %d\n",
                 statements.size(), schools.size(), returns);
    return {};
}

}  // namespace sendhub
