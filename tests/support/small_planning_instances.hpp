#pragma once
// Small random term plans for the planner's tests: practitioners and schools scattered on a
// 40-mile square, a third of the pairs not allowed. GLPK proves each one's optimum quickly,
// so the tests can compare the planner and its bounds with the true answer.
#include <cmath>
#include <random>
#include <utility>
#include <vector>

#include "core/assignment.hpp"

namespace sendhub::verify {

//! The i-th instance from `rng`: 3 to 7 practitioners and 8 to 24 requests, with fair shares set.
inline AssignmentProblem small_planning_instance(std::mt19937& rng, int i) {
    std::uniform_real_distribution<double> coord(0, 40);
    std::uniform_int_distribution<int> visits(1, 6), session(1, 2), capacity(4, 30);
    AssignmentProblem p;
    const int resources = 3 + i % 5, tasks = 8 + i % 17;
    std::vector<std::pair<double, double>> homes(resources);
    for (int r = 0; r < resources; ++r) {
        homes[r] = {coord(rng), coord(rng)};
        p.resources.push_back({capacity(rng), 0});
    }
    for (int t = 0; t < tasks; ++t) {
        AssignmentTask task{visits(rng) * session(rng), {}};
        double x = coord(rng), y = coord(rng);
        for (int r = 0; r < resources; ++r)
            if ((r + t) % 3 != 0)
                task.arcs.push_back(
                    {r, std::llround(60 * std::hypot(x - homes[r].first, y - homes[r].second))});
        p.tasks.push_back(std::move(task));
    }
    set_fair_shares(p);
    return p;
}

}  // namespace sendhub::verify
