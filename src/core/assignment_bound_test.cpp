#include "core/assignment_bound.hpp"

#include <gtest/gtest.h>

#include <random>

#include "exact_assignment.hpp"

namespace sendhub {
namespace {

TEST(RelaxationBound, SplitsWorkAsTheRelaxationMay) {
    // One practitioner with 3 free half days; two requests of 2 half days at 10p and 20p;
    // 100p per half day left unplanned.
    struct Case {
        int fair_share;
        std::int64_t overload_penalty;
        double bound;  // worked by hand
    };
    const Case cases[] = {
        // The cheaper request whole (10p), half of the other (10p), one half day unplanned.
        {3, 5, 120},
        // The same, with the 2 half days above a fair share of 1 charged 5p each.
        {1, 5, 130},
        // Overload dearer than leaving work unplanned: 1 half day of each, the rest unplanned.
        {1, 200, 5 + 100 + 100 + 100},
    };
    for (const auto& c : cases) {
        AssignmentProblem p;
        p.resources = {{3, c.fair_share}};
        p.tasks = {{2, {{0, 10}}}, {2, {{0, 20}}}};
        p.overload_penalty = c.overload_penalty;
        p.unassigned_penalty = 100;
        auto bound = relaxation_bound(p);
        ASSERT_TRUE(bound);
        EXPECT_TRUE(bound->exact);
        EXPECT_DOUBLE_EQ(bound->pence, c.bound) << "fair share " << c.fair_share;
    }
}

TEST(RelaxationBound, NeverAboveTheOptimumAndAtLeastTheLagrangianBound) {
    std::mt19937 rng(20261203);
    std::uniform_real_distribution<double> coord(0, 40);
    std::uniform_int_distribution<int> visits(1, 6), session(1, 2), capacity(4, 30);
    for (int i = 0; i < 40; ++i) {
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
                    task.arcs.push_back({r, std::llround(60 * std::hypot(x - homes[r].first,
                                                                         y - homes[r].second))});
            p.tasks.push_back(std::move(task));
        }
        set_fair_shares(p);
        auto bound = relaxation_bound(p);
        ASSERT_TRUE(bound);
        auto optimum = verify::solve_with_glpk(p, 20);
        ASSERT_TRUE(optimum.optimal) << "instance " << i;
        EXPECT_LE(bound->pence, static_cast<double>(*optimum.objective) + 1e-6)
            << "instance " << i << ": the bound is not a bound";
        // The Lagrangian dual of the capacities is this same relaxation, so its bound can
        // only approach this one from below.
        EXPECT_GE(bound->pence + 1e-6, solve_assignment(p).lower_bound) << "instance " << i;
    }
}

}  // namespace
}  // namespace sendhub
