#include "core/assignment_relaxation.hpp"

#include <gtest/gtest.h>

#include <random>

#include "exact_assignment.hpp"
#include "small_planning_instances.hpp"

namespace sendhub {
namespace {

TEST(Relaxation, SplitsWorkAsTheRelaxationMay) {
    // One practitioner with 3 free half days; two requests of 2 half days at 10p and 20p;
    // 100p per half day left unplanned.
    struct Case {
        int fair_share;
        std::int64_t overload_penalty;
        double bound;            // worked by hand
        std::vector<int> given;  // half days of each request given to the practitioner
        double price;            // what one more free half day would save
    };
    const Case cases[] = {
        // The cheaper request whole (10p), half of the other (10p), one half day unplanned.
        // One more half day would plan that one at 10p instead of 100p.
        {3, 5, 120, {2, 1}, 90},
        // The same, with the 2 half days above a fair share of 1 charged 5p each.
        {1, 5, 130, {2, 1}, 90},
        // Overload dearer than leaving work unplanned: one half day of the cheaper request,
        // the rest unplanned. One more half day within the fair share would plan another
        // half day of it at 5p instead of 100p.
        {1, 200, 5 + 100 + 100 + 100, {1, 0}, 95},
    };
    for (const auto& c : cases) {
        AssignmentProblem p;
        p.resources = {{3, c.fair_share}};
        p.tasks = {{2, {{0, 10}}}, {2, {{0, 20}}}};
        p.overload_penalty = c.overload_penalty;
        p.unassigned_penalty = 100;
        auto relaxation = solve_relaxation(p);
        ASSERT_TRUE(relaxation);
        EXPECT_TRUE(relaxation->exact);
        EXPECT_DOUBLE_EQ(relaxation->pence, c.bound) << "fair share " << c.fair_share;
        for (std::size_t t = 0; t < 2; ++t) {
            int given = 0;
            for (const auto& share : relaxation->shares[t]) given += share.half_days;
            EXPECT_EQ(given, c.given[t]) << "fair share " << c.fair_share << ", request " << t;
        }
        ASSERT_EQ(relaxation->prices.size(), 1U);
        EXPECT_DOUBLE_EQ(relaxation->prices[0], c.price) << "fair share " << c.fair_share;
        // Priced at the relaxation's own prices, the Lagrangian bound is the optimum again.
        EXPECT_NEAR(priced_bound(p, relaxation->prices), c.bound, 1e-9);
    }
}

TEST(Relaxation, NeverAboveTheOptimumAndItsPricesCertifyIt) {
    std::mt19937 rng(20261203);
    for (int i = 0; i < 40; ++i) {
        AssignmentProblem p = verify::small_planning_instance(rng, i);
        auto bound = solve_relaxation(p);
        ASSERT_TRUE(bound);
        // Strong duality: the relaxation's prices price every arc to its optimum, which is
        // what lets the planner certify a plan with a bound over arcs it never searched.
        EXPECT_NEAR(priced_bound(p, bound->prices), bound->pence, 1e-6) << "instance " << i;
        auto optimum = verify::solve_with_glpk(p, 20);
        ASSERT_TRUE(optimum.optimal) << "instance " << i;
        EXPECT_LE(bound->pence, static_cast<double>(*optimum.objective) + 1e-6)
            << "instance " << i << ": the bound is not a bound";
        // The planner's bound is priced from a relaxation over fewer arcs, so it can only
        // approach this one from below.
        EXPECT_GE(bound->pence + 1e-6, solve_assignment(p).lower_bound) << "instance " << i;
    }
}

}  // namespace
}  // namespace sendhub
