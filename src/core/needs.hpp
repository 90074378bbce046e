#pragma once
// Vocabularies of SEND work: practitioner grades (seed 002 price list), the DfE
// census primary-need codes (api-contract.md) and school phases (GIAS).
#include <optional>
#include <span>
#include <string_view>

#include "core/vocabulary.hpp"

namespace sendhub {

//! Grade of an outreach practitioner; also the expertise level a school asks for.
enum class Grade { specialist_ta, teacher, slt };

//! DfE school census primary type of need (SEN2 / census codes).
enum class PrimaryNeed { SPLD, MLD, SLD, PMLD, SEMH, SLCN, HI, VI, MSI, PD, ASD, OTH, NSA, DS };

enum class Phase { nursery, primary, secondary, all_through, sixteen_plus, not_applicable };

[[nodiscard]] std::span<const Term<Grade>> grade_terms();

//! Higher grades may cover lower-level work only where the trust allows it (a setting).
enum class HigherGradeCover { not_allowed, allowed };
//! Whether a practitioner of `grade` may take work accepted at `level`: the same grade, or
//! a higher one where the trust allows it. The one home of this rule.
[[nodiscard]] constexpr bool grade_covers(Grade grade, Grade level, HigherGradeCover cover) {
    return grade == level || (cover == HigherGradeCover::allowed && grade > level);
}
[[nodiscard]] constexpr HigherGradeCover higher_grade_cover(bool allowed) {
    return allowed ? HigherGradeCover::allowed : HigherGradeCover::not_allowed;
}
[[nodiscard]] std::span<const Term<PrimaryNeed>> primary_need_terms();
[[nodiscard]] std::span<const Term<Phase>> phase_terms();

}  // namespace sendhub
