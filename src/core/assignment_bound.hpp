#pragma once
// The linear relaxation of the term planner's assignment, where a request's half days may be
// split between practitioners. With the work counted in half days it is a min-cost flow —
// each request sends its half days to practitioners it may go to, or leaves them unplanned;
// each practitioner takes up to a fair share at no charge and the rest of their free half
// days at the overload penalty — solved exactly by network simplex (LEMON).
//
// Over every allowed arc its optimum is a lower bound that holds at any size: no plan of
// whole requests can cost less, so a plan is within (objective − bound) / bound of the
// optimum. That certifies plans (tests, bench/planner); at 10,000 requests it takes longer
// than the plan itself. Over each request's nearest practitioners only, it is quick, and
// rounding its flow gives the planner a near-optimal start. Pure C++, no I/O.
#include <optional>
#include <span>
#include <vector>

#include "core/assignment.hpp"

namespace sendhub {

struct Relaxation {
    double pence = 0;   // the relaxation's optimum
    bool exact = true;  // false: arc costs were rounded down to fit, so `pence` is a little low
    //! Half days each request sends along each of its arcs (in the order given), and leaves
    //! unplanned.
    std::vector<std::vector<int>> flow;
    std::vector<int> unplanned;
};

//! Solves the relaxation over `arcs` (one list per task; every task's own arcs for a bound).
//! nullopt only if the flow solver fails, which it should not: leaving work unplanned is
//! always feasible.
[[nodiscard]] std::optional<Relaxation> solve_relaxation(
    const AssignmentProblem& problem, std::span<const std::vector<AssignmentArc>> arcs);

struct AssignmentBound {
    double pence = 0;   // no assignment costs less than this
    bool exact = true;  // false: costs were rounded down, so the bound is a little looser
};

//! The relaxation's optimum over every allowed arc.
[[nodiscard]] std::optional<AssignmentBound> relaxation_bound(const AssignmentProblem& problem);

}  // namespace sendhub
