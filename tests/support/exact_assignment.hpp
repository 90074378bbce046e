#pragma once
// The exact optimum of an assignment problem, from GLPK's or COIN-OR CBC's branch and cut:
// the yardsticks the planner's tests and benchmark measure against. Not part of the server.
#include <optional>
#include <vector>

#include "core/assignment.hpp"

namespace sendhub::verify {

struct ExactResult {
    bool optimal = false;                   // false: the time limit came first
    std::optional<std::int64_t> objective;  // best assignment found, if any
    double bound = 0;                       // the solver's best bound
    std::vector<int> resource_of;
    double seconds = 0;
};

//! Solves the mixed-integer programme: x[t][a] binary per allowed arc, u[t] for unplanned,
//! o[r] >= 0 for half days above fair share; one choice per task; load <= capacity.
[[nodiscard]] ExactResult solve_with_glpk(const AssignmentProblem& problem,
                                          double time_limit_seconds);
//! The same programme for CBC, which proves optima of larger instances than GLPK can.
[[nodiscard]] ExactResult solve_with_cbc(const AssignmentProblem& problem,
                                         double time_limit_seconds);

}  // namespace sendhub::verify
