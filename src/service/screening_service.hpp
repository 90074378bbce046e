#pragma once
// Speech and language screening rounds (api-contract-early-identification.md). Who reads and
// writes is service/slcn_service: a school's SENCO, headteacher and named therapist its own,
// administrators and coordinators every school's (reading only); another school's round is
// "not found".
#include <string>
#include <vector>

#include "core/policy.hpp"
#include "service/services.hpp"
#include "store/screening_store.hpp"

namespace sendhub {

[[nodiscard]] Result<ScreeningRound> create_screening_round(Services& s, const Actor& actor,
                                                            const ScreeningInput& input);
//! The same rules; the round's school cannot change (`invalid`, school_urn).
[[nodiscard]] Result<ScreeningRound> update_screening_round(Services& s, const Actor& actor,
                                                            std::int64_t id,
                                                            const ScreeningInput& input);
[[nodiscard]] Result<ScreeningRound> get_screening_round(Services& s, const Actor& actor,
                                                         std::int64_t id);

//! Filters as typed ("" for any): a bad one is 422 invalid with its field; a school the
//! actor may not see is 404.
struct ScreeningQuery {
    std::string school_urn;
    std::string programme;
    std::string cohort;
    std::string from;
    std::string to;
};
[[nodiscard]] Result<std::vector<ScreeningRound>> list_screening_rounds(
    Services& s, const Actor& actor, const ScreeningQuery& query);

struct SchoolScreening {
    std::int64_t urn = 0;
    std::string name;
    ScreeningCounts counts;
};
struct ScreeningOverview {
    ScreeningSummary summary;
    std::vector<SchoolScreening> by_school;  // by name
};
[[nodiscard]] Result<ScreeningOverview> screening_overview(Services& s, const Actor& actor,
                                                           const ScreeningQuery& query);

}  // namespace sendhub
