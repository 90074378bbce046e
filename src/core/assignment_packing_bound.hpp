#pragma once
// A lower bound on the term planner's assignment that knows work comes in whole requests.
//
// The linear relaxation lets a practitioner fill their fair share to the last half day, which
// whole requests of up to 24 half days rarely can; at the trust's scale that alone puts the
// relaxation several per cent below any real plan. Here the rule "each request goes to one
// practitioner or none" is priced instead (a price per request), and each practitioner then
// packs, exactly, the requests worth more than they cost them: a small knapsack over their
// free half days, with the overload penalty above the fair share. Every set of prices gives a
// valid bound; starting from the relaxation's and climbing by subgradient steps towards the
// best plan's cost, it is never below the relaxation and usually well above it. Pure C++.
#include <cstdint>
#include <span>

#include "core/assignment.hpp"

namespace sendhub {

struct PackingBoundOptions {
    int iterations = 300;       // subgradient steps
    double initial_step = 1.0;  // Polyak step factor; halved when the bound stalls
    int stall_limit = 10;       // steps without a better bound before the factor halves
};

//! The best bound found. `start_prices` (per practitioner, pence per half day, as the
//! relaxation gives) sets where the search starts; `target` is the cost of a known plan,
//! which the steps aim at (no bound can pass it, so the search stops if it gets there).
[[nodiscard]] double packing_bound(const AssignmentProblem& problem,
                                   std::span<const double> start_prices, std::int64_t target,
                                   const PackingBoundOptions& options = {});

}  // namespace sendhub
