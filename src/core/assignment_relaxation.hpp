#pragma once
// The linear relaxation of the term planner's assignment, where a request's half days may be
// split between practitioners. With the work counted in half days it is a min-cost flow —
// each request sends its half days to practitioners it may go to, or leaves them unplanned;
// each practitioner takes up to a fair share at no charge and the rest of their free half
// days at the overload penalty — solved exactly by network simplex (LEMON).
//
// Its optimum over every allowed arc is a lower bound that holds at any size, and its dual
// (a price per half day on each practitioner) is where the planner starts: rounding the
// relaxation's flow gives a plan close to the optimum before any search. Pure C++, no I/O.
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "core/assignment.hpp"

namespace sendhub {

//! Half days of one request given to one practitioner in the relaxation.
struct RelaxedShare {
    int resource = 0;
    int half_days = 0;
};

struct Relaxation {
    double pence = 0;            // the optimum: no assignment over these arcs costs less
    bool exact = true;           // false: costs were rounded down, so the optimum is a little low
    std::vector<double> prices;  // per practitioner, pence per half day, >= 0
    std::vector<std::vector<RelaxedShare>> shares;  // per request; what is missing is unplanned
};

//! Solves the relaxation over every allowed arc; nullopt only if the flow solver fails, which
//! it should not (leaving work unplanned is always feasible).
[[nodiscard]] std::optional<Relaxation> solve_relaxation(const AssignmentProblem& problem);
//! The same over only the arcs given for each task (`arcs[t]`, a subset of the problem's).
[[nodiscard]] std::optional<Relaxation> solve_relaxation(
    const AssignmentProblem& problem, std::span<const std::vector<AssignmentArc>> arcs);

//! The Lagrangian bound for `prices` over every allowed arc: each request at its cheapest
//! priced option, less what the practitioners' half days are worth at those prices. Any
//! non-negative prices give a valid lower bound; the relaxation's own prices give its optimum.
[[nodiscard]] double priced_bound(const AssignmentProblem& problem, std::span<const double> prices);

}  // namespace sendhub
