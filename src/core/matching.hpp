#pragma once
// Choosing the best practitioner for a request (seed 002: "identify the best practitioner
// for the work"). Hard constraints filter (active, grade, room that week); a score ranks
// what is left, and every candidate carries its reasons in plain words. Pure rules, no I/O.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/ids.hpp"
#include "core/needs.hpp"

namespace sendhub {

//! Points of the score, settings documented in docs/matching.md. Higher scores are better.
struct MatchWeights {
    double per_matching_need = 30;       // each distinct pupil need the practitioner specialises in
    double per_return_mile = 0.5;        // taken off per mile of the return journey
    double unknown_distance_miles = 80;  // assumed when a home or school has no coordinates
    double continuity = 20;              // already works with this school
    double per_active_request = 4;       // taken off per request the practitioner already carries
};

//! What the request asks for.
struct MatchNeed {
    Grade level = Grade::teacher;
    bool higher_grade_may_cover = false;
    std::vector<PrimaryNeed> needs;  // the pupils' primary needs
    int session_half_days = 2;       // one visit
    std::int64_t mileage_pence_per_mile = 30;
};

//! One practitioner as the ranking sees them.
struct CandidateInput {
    PractitionerId id;
    std::string name;
    Grade grade = Grade::teacher;
    bool active = true;
    std::optional<std::int64_t> return_tenths;  // home → school → home, estimated
    std::vector<PrimaryNeed> expertise;
    int max_days_per_week = 5;
    //! Half days still free in the week of the preferred date: working days, leave, visits
    //! booked or held, and max days a week all taken into account (core/visit_calendar.hpp).
    int free_half_days_that_week = 10;
    int active_requests = 0;
    bool works_with_school = false;
    std::optional<std::int64_t> day_rate_pence;  // for their level, today; none while unpriced
};

struct Candidate {
    PractitionerId id;
    std::string name;
    Grade grade = Grade::teacher;
    double score = 0;
    std::optional<std::int64_t> travel_tenths;
    std::int64_t travel_pence = 0;
    std::optional<std::int64_t> day_rate_pence;
    std::vector<std::string> reasons;
};

//! Everyone who may take the work, best first (ties by shorter travel, then id).
[[nodiscard]] std::vector<Candidate> rank_candidates(const MatchNeed& need,
                                                     std::span<const CandidateInput> people,
                                                     const MatchWeights& weights = {});

}  // namespace sendhub
