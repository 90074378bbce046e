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
[[nodiscard]] std::span<const Term<PrimaryNeed>> primary_need_terms();
[[nodiscard]] std::span<const Term<Phase>> phase_terms();

}  // namespace sendhub
