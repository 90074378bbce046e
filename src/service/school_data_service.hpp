#pragma once
// Schools' termly returns and self-evaluations (api-contract-insight.md): who reads and
// writes them is core's school_data_access; a SENCO or headteacher meets only their own
// school, and another school's is "not found". Frameworks are read by anyone signed in and
// defined by the trust's leaders; the heat map is theirs too.
#include <expected>
#include <string>
#include <vector>

#include "core/acting.hpp"
#include "core/policy.hpp"
#include "service/services.hpp"
#include "store/framework_store.hpp"
#include "store/school_return_store.hpp"

namespace sendhub {

struct SavedReturn {
    SchoolReturnRecord record;
    bool created = false;
};
[[nodiscard]] Result<SavedReturn> save_school_return(Services& s, const Actor& actor,
                                                     const SchoolReturnInput& input);
//! Filters as typed ("" for any); a bad one is 422 invalid with its field.
[[nodiscard]] Result<std::vector<SchoolReturnRecord>> list_school_returns(
    Services& s, const Actor& actor, std::string_view school_urn, std::string_view term);

//! The schools the actor may send returns and self-evaluations for: every trust and partner
//! school for administrators and coordinators, their own for a school; by name.
[[nodiscard]] std::vector<School> schools_for_returns(Services& s, const Actor& actor);
[[nodiscard]] SchoolDataAccess school_data_access_of(const Actor& actor);

//! A CSV import's failure: the error, and the file's line it was found on (1: the header).
struct ImportProblem {
    Error error;
    int line = 0;  // 0: not about a line (not allowed)
};
//! All or nothing: the first bad row stops it and nothing is stored. Returns rows imported.
[[nodiscard]] std::expected<int, ImportProblem> import_school_returns(Services& s,
                                                                      const Actor& actor,
                                                                      std::string_view csv);

[[nodiscard]] Result<Framework> create_framework(Services& s, const Actor& actor,
                                                 const FrameworkInput& input);
[[nodiscard]] std::vector<Framework> list_frameworks(Services& s);
[[nodiscard]] Result<Framework> get_framework(Services& s, std::int64_t id);

struct SelfEvaluationInput {
    std::string school_urn;
    std::string framework_id;
    std::string period;
    std::vector<RatingInput> ratings;
};
struct SavedSelfEvaluation {
    SelfEvaluationRecord record;
    bool created = false;
};
[[nodiscard]] Result<SavedSelfEvaluation> save_self_evaluation(Services& s, const Actor& actor,
                                                               const SelfEvaluationInput& input);
[[nodiscard]] Result<std::vector<SelfEvaluationRecord>> list_self_evaluations(
    Services& s, const Actor& actor, std::string_view school_urn, std::string_view framework_id,
    std::string_view period);
[[nodiscard]] Result<SelfEvaluationRecord> get_self_evaluation(Services& s, const Actor& actor,
                                                               std::int64_t id);

struct FrameworkHeatMap {
    Framework framework;
    TermPeriod period;
    int schools = 0;
    FrameworkSummary summary;
};
//! `relationship` "" for every school; trust leaders only.
[[nodiscard]] Result<FrameworkHeatMap> framework_heat_map(Services& s, const Actor& actor,
                                                          std::int64_t framework_id,
                                                          std::string_view period,
                                                          std::string_view relationship);

}  // namespace sendhub
