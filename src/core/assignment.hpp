#pragma once
// The term planner's assignment (issue 7). Each piece of work (a request's visits for the
// term, counted in half days) goes to one practitioner or stays unplanned, never beyond a
// practitioner's free half days, minimising travel plus a penalty for every half day above
// a practitioner's fair share of the term's work.
//
// That is the generalised assignment problem, which is NP-hard, so the solver is a
// heuristic with a certificate. The linear relaxation (a min-cost flow, where a request's half
// days may be split) gives a lower bound on the optimum and a price per half day on each
// practitioner; rounding its flow gives a plan, and local search (moves, chains, swaps, then
// rounds that ruin and rebuild the work of a few practitioners, or re-pack two exactly)
// polishes it. Tests compare it with GLPK's exact optimum. Pure C++, no I/O.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace sendhub {

inline constexpr int kUnassigned = -1;

//! Work may go to `resource` at `cost` (pence of travel for all its visits).
struct AssignmentArc {
    int resource = 0;
    std::int64_t cost = 0;
};

//! One request's work; only the arcs listed are allowed (hard constraints are decided by
//! whoever builds the problem: grade, pins, availability).
struct AssignmentTask {
    int demand = 1;  // half days
    std::vector<AssignmentArc> arcs;
};

struct AssignmentResource {
    int capacity = 0;    // free half days in the term
    int fair_share = 0;  // half days above this are penalised
};

struct AssignmentProblem {
    std::vector<AssignmentTask> tasks;
    std::vector<AssignmentResource> resources;
    std::int64_t overload_penalty = 1000;       // pence per half day above fair share
    std::int64_t unassigned_penalty = 1000000;  // pence per half day left unplanned
};

//! Sets every fair share: each task's demand spread over the practitioners it may go to in
//! proportion to their free half days, summed and rounded down. Work spread that way costs
//! nothing beyond travel.
void set_fair_shares(AssignmentProblem& problem);

//! Total cost of an assignment (travel, overload and unplanned penalties).
[[nodiscard]] std::int64_t assignment_objective(const AssignmentProblem& problem,
                                                std::span<const int> resource_of);
//! Empty when the assignment keeps every rule (allowed arcs only, capacities), else what it breaks.
[[nodiscard]] std::string assignment_violation(const AssignmentProblem& problem,
                                               std::span<const int> resource_of);

struct AssignmentOptions {
    std::size_t polish_budget = 2500000;  // arcs searched × starts: below it, one start
    std::size_t max_arcs_per_task = 40;   // the cheapest arcs searched; the bound uses all
    double target_gap = 0.0005;           // stop once within this fraction of the bound
    int perturbations = 0;                // search rounds; 0: 40 per practitioner, 240 to 8,000
    int relaxation_rounds = 2;    // relaxations solved, adding arcs its prices show are missing
    std::size_t max_starts = 24;  // plans built and polished where the budget allows
    std::size_t two_cores_from = 200;  // practitioners from which the search runs in two halves
};

struct AssignmentSolution {
    std::vector<int> resource_of;  // per task, or kUnassigned
    std::int64_t objective = 0;
    double lower_bound = 0;  // no assignment can cost less (priced bound over all arcs)
    int iterations = 0;      // relaxations solved
};

[[nodiscard]] AssignmentSolution solve_assignment(const AssignmentProblem& problem,
                                                  const AssignmentOptions& options = {});

}  // namespace sendhub
