#include "core/needs.hpp"

#include <array>

namespace sendhub {
namespace {
constexpr std::array<Term<Grade>, 5> kLevels{{
    {Grade::specialist_ta, "specialist_ta", "Specialist teaching assistant"},
    {Grade::teacher, "teacher", "Teacher"},
    {Grade::slt, "slt", "Specialist senior leader"},
    {Grade::educational_psychology, "educational_psychology", "Educational psychologist"},
    {Grade::speech_and_language, "speech_and_language", "Speech and language therapist"},
}};

constexpr std::array<Term<PrimaryNeed>, 14> kNeeds{{
    {PrimaryNeed::SPLD, "SPLD", "Specific learning difficulty"},
    {PrimaryNeed::MLD, "MLD", "Moderate learning difficulty"},
    {PrimaryNeed::SLD, "SLD", "Severe learning difficulty"},
    {PrimaryNeed::PMLD, "PMLD", "Profound and multiple learning difficulty"},
    {PrimaryNeed::SEMH, "SEMH", "Social, emotional and mental health"},
    {PrimaryNeed::SLCN, "SLCN", "Speech, language and communication needs"},
    {PrimaryNeed::HI, "HI", "Hearing impairment"},
    {PrimaryNeed::VI, "VI", "Vision impairment"},
    {PrimaryNeed::MSI, "MSI", "Multi-sensory impairment"},
    {PrimaryNeed::PD, "PD", "Physical disability"},
    {PrimaryNeed::ASD, "ASD", "Autistic spectrum disorder"},
    {PrimaryNeed::OTH, "OTH", "Other difficulty or disability"},
    {PrimaryNeed::NSA, "NSA", "SEN support but no specialist assessment of type of need"},
    {PrimaryNeed::DS, "DS", "Down syndrome"},
}};

constexpr std::array<Term<Phase>, 6> kPhases{{
    {Phase::nursery, "nursery", "Nursery"},
    {Phase::primary, "primary", "Primary"},
    {Phase::secondary, "secondary", "Secondary"},
    {Phase::all_through, "all_through", "All-through"},
    {Phase::sixteen_plus, "sixteen_plus", "16 plus"},
    {Phase::not_applicable, "not_applicable", "Not applicable"},
}};
}  // namespace

std::span<const Term<Grade>> grade_terms() {
    return std::span<const Term<Grade>>(kLevels).first(3);
}
std::span<const Term<Grade>> level_terms() {
    return kLevels;
}
std::span<const Term<PrimaryNeed>> primary_need_terms() {
    return kNeeds;
}
std::span<const Term<Phase>> phase_terms() {
    return kPhases;
}

}  // namespace sendhub
