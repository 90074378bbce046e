#pragma once
// The term planner's assignment (issue 7). Each piece of work (a request's visits for the
// term, counted in half days) goes to one practitioner or stays unplanned, never beyond a
// practitioner's free half days, minimising travel plus a penalty for every half day above
// a practitioner's fair share of the term's work.
//
// That is the generalised assignment problem, which is NP-hard, so the solver is a
// heuristic with a certificate: Lagrangian relaxation of the capacities gives a price per
// half day on each practitioner and a lower bound on the optimum; each set of prices guides
// a construction with capacity repair, and local search (moves, then swaps) polishes the
// best one. Tests compare it with GLPK's exact optimum. Pure C++, no I/O.
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
    int max_iterations = 120;   // subgradient steps
    double initial_step = 2.0;  // Polyak step factor; halved when the bound stalls
    int construct_every = 0;    // build and polish an assignment this often; 0: from the budget
    std::size_t polish_budget = 2500000;  // arcs searched × constructions (5 to 24 of them)
    std::size_t max_arcs_per_task = 40;   // the cheapest arcs searched; the bound uses all
    double target_gap = 0.0005;           // stop once within this fraction of the bound
    int perturbations = 0;  // rounds of iterated local search; 0: from the budget (60 to 2000)
};

struct AssignmentSolution {
    std::vector<int> resource_of;  // per task, or kUnassigned
    std::int64_t objective = 0;
    double lower_bound = 0;  // no assignment can cost less (Lagrangian bound over all arcs)
    int iterations = 0;
};

[[nodiscard]] AssignmentSolution solve_assignment(const AssignmentProblem& problem,
                                                  const AssignmentOptions& options = {});

}  // namespace sendhub
