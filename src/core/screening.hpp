#pragma once
// Speech and language screening rounds (api-contract-early-identification.md): a school
// screens a cohort with one of three programmes and records how many pupils it screened,
// identified, started and finished intervention. Counts only, never a child. Pure C++, no I/O.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/dates.hpp"
#include "core/error.hpp"
#include "core/role.hpp"
#include "core/vocabulary.hpp"

namespace sendhub {

enum class ScreeningProgramme { wellcomm, talk_boost, speech_and_language_link };
[[nodiscard]] std::span<const Term<ScreeningProgramme>> screening_programme_terms();
enum class ScreeningCohort { early_years, year_3, year_7 };
[[nodiscard]] std::span<const Term<ScreeningCohort>> screening_cohort_terms();

//! The fields a round may carry; anything else is refused as `unknown_field`, so no child's
//! details can be slipped into a round.
[[nodiscard]] std::span<const std::string_view> screening_round_fields();

//! Who reads and writes screening rounds. A practitioner sees the schools they are the named
//! speech and language therapist of.
enum class ScreeningAccess {
    none,           // finance, the partnerships lead, a school's other staff
    read_all,       // administrators and coordinators: every school's, never writing
    own_school,     // a SENCO or headteacher: their own school's, reading and writing
    named_schools,  // a practitioner: the schools they are named therapist of
};
[[nodiscard]] ScreeningAccess screening_access(Role role);

struct ScreeningCounts {
    std::int64_t rounds = 0;
    std::int64_t screened = 0;
    std::int64_t identified = 0;
    std::int64_t started_intervention = 0;
    std::int64_t exited_intervention = 0;
    ScreeningCounts& operator+=(const ScreeningCounts& other);
};

//! As sent or typed.
struct ScreeningInput {
    std::string school_urn;
    std::string programme;
    std::string cohort;
    std::string date;
    std::string screened;
    std::string identified;
    std::string started_intervention;
    std::string exited_intervention;
};
struct ScreeningValues {
    std::int64_t school_urn = 0;
    ScreeningProgramme programme = ScreeningProgramme::wellcomm;
    ScreeningCohort cohort = ScreeningCohort::early_years;
    Date date;
    ScreeningCounts counts;  // rounds = 1
};
//! Every problem at once: programme and cohort from their lists, counts whole numbers from 0
//! (screened from 1), each no more than the one before it (`exceeds`, the larger count), and a
//! date that is not after `today`.
[[nodiscard]] Result<ScreeningValues> validate_screening_round(const ScreeningInput& input,
                                                               Date today);

//! identified ÷ screened in thousandths, rounded half up (5 of 40 → 125); none when nobody
//! was screened.
[[nodiscard]] std::optional<std::int64_t> identification_rate_thousandths(
    const ScreeningCounts& counts);

//! 125 → "0.125", 1000 → "1.000": the rate as the CSV file writes it.
[[nodiscard]] std::string format_rate(std::int64_t thousandths);

struct ScreeningRoundCounts {
    std::int64_t school_urn = 0;
    ScreeningProgramme programme = ScreeningProgramme::wellcomm;
    ScreeningCohort cohort = ScreeningCohort::early_years;
    ScreeningCounts counts;
};
struct ScreeningSummary {
    ScreeningCounts total;
    std::vector<std::pair<ScreeningProgramme, ScreeningCounts>> by_programme;  // list order
    std::vector<std::pair<ScreeningCohort, ScreeningCounts>> by_cohort;        // list order
    std::vector<std::pair<std::int64_t, ScreeningCounts>> by_school;           // by URN
};
//! Sums the rounds overall and by programme, cohort and school; groups with no round are
//! left out.
[[nodiscard]] ScreeningSummary summarise_screening(const std::vector<ScreeningRoundCounts>& rounds);

struct DatedScreeningCounts {
    Date date;
    ScreeningCounts counts;
};
//! Sums rounds by the school term they fell in ("Autumn term 2025-26"), oldest first, so a
//! school sees whether identification rises or falls across the year.
[[nodiscard]] std::vector<std::pair<std::string, ScreeningCounts>> screening_by_term(
    const std::vector<DatedScreeningCounts>& rounds);

}  // namespace sendhub
