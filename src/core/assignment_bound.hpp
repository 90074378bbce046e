#pragma once
// The linear relaxation of the term planner's assignment, where a request's half days may be
// split between practitioners. With the work counted in half days it is a min-cost flow —
// each request sends its half days to practitioners it may go to, or leaves them unplanned;
// each practitioner takes up to a fair share at no charge and the rest of their free half
// days at the overload penalty — solved exactly by network simplex (LEMON).
//
// Over every allowed arc its optimum is a lower bound that holds at any size: no plan of
// whole requests can cost less, so a plan is within (objective − bound) / bound of the
// optimum. That certifies plans (tests, bench/planner); at 10,000 requests it takes about
// as long as the plan itself, so the planner does not wait for it. Pure C++, no I/O.
#include <optional>

#include "core/assignment.hpp"

namespace sendhub {

struct AssignmentBound {
    double pence = 0;   // no assignment costs less than this
    bool exact = true;  // false: costs were rounded down, so the bound is a little looser
};

//! The relaxation's optimum over every allowed arc; nullopt only if the flow solver fails,
//! which it should not (leaving work unplanned is always feasible).
[[nodiscard]] std::optional<AssignmentBound> relaxation_bound(const AssignmentProblem& problem);

}  // namespace sendhub
