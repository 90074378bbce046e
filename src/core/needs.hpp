#pragma once
// Vocabularies of SEND work: practitioner grades (seed 002 price list), the DfE
// census primary-need codes (api-contract.md) and school phases (GIAS).
#include <optional>
#include <span>
#include <string_view>

#include "core/vocabulary.hpp"

namespace sendhub {

//! The level a day of work is priced at: an outreach practitioner's grade (also the expertise
//! level a school asks for), or one of the services with a single day rate, whatever the
//! seniority of its educational psychologists or therapists (core/services.hpp).
enum class Grade { specialist_ta, teacher, slt, educational_psychology, speech_and_language };

//! DfE school census primary type of need (SEN2 / census codes).
enum class PrimaryNeed { SPLD, MLD, SLD, PMLD, SEMH, SLCN, HI, VI, MSI, PD, ASD, OTH, NSA, DS };

enum class Phase { nursery, primary, secondary, all_through, sixteen_plus, not_applicable };

//! The three outreach grades: what a school or the practitioner form may choose.
[[nodiscard]] std::span<const Term<Grade>> grade_terms();
//! Every level, the grades and the two service levels: for showing and storing a level.
[[nodiscard]] std::span<const Term<Grade>> level_terms();
[[nodiscard]] constexpr bool is_outreach_grade(Grade level) {
    return level <= Grade::slt;
}

//! Higher grades may cover lower-level work only where the trust allows it (a setting).
enum class HigherGradeCover { not_allowed, allowed };
//! Whether a practitioner of `grade` may take work accepted at `level`: the same grade, or
//! a higher one where the trust allows it. The one home of this rule. A service level is
//! covered only by practitioners of that service.
[[nodiscard]] constexpr bool grade_covers(Grade grade, Grade level, HigherGradeCover cover) {
    return grade == level || (cover == HigherGradeCover::allowed && is_outreach_grade(grade) &&
                              is_outreach_grade(level) && grade > level);
}
[[nodiscard]] constexpr HigherGradeCover higher_grade_cover(bool allowed) {
    return allowed ? HigherGradeCover::allowed : HigherGradeCover::not_allowed;
}
[[nodiscard]] std::span<const Term<PrimaryNeed>> primary_need_terms();
[[nodiscard]] std::span<const Term<Phase>> phase_terms();

}  // namespace sendhub
