#include "core/assignment_packing_bound.hpp"

#include <gtest/gtest.h>

#include <random>

#include "core/assignment_relaxation.hpp"
#include "exact_assignment.hpp"
#include "small_planning_instances.hpp"

namespace sendhub {
namespace {

TEST(PackingBound, KnowsWholeRequestsDoNotSplit) {
    // One practitioner with 3 free half days; two requests of 2 half days at 10p and 20p;
    // 100p per half day left unplanned. The relaxation fits one and a half requests (120p);
    // whole, only one fits and the other is unplanned: 10p + 200p.
    AssignmentProblem p;
    p.resources = {{3, 3}};
    p.tasks = {{2, {{0, 10}}}, {2, {{0, 20}}}};
    p.unassigned_penalty = 100;
    auto relaxation = solve_relaxation(p);
    ASSERT_TRUE(relaxation);
    EXPECT_DOUBLE_EQ(relaxation->pence, 120);
    const double bound = packing_bound(p, relaxation->prices, 210);
    EXPECT_LE(bound, 210 + 1e-6);
    EXPECT_GE(bound, 205);
}

TEST(PackingBound, NeverAboveTheOptimumNorBelowTheRelaxation) {
    std::mt19937 rng(20261203);  // the relaxation test's instances, which GLPK solves quickly
    int stronger = 0;
    for (int i = 0; i < 40; ++i) {
        AssignmentProblem p = verify::small_planning_instance(rng, i);
        auto relaxation = solve_relaxation(p);
        ASSERT_TRUE(relaxation);
        auto optimum = verify::solve_with_glpk(p, 20);
        ASSERT_TRUE(optimum.optimal) << "instance " << i;
        // Aimed at a plan's cost, as the bench does.
        const auto plan = solve_assignment(p);
        const double bound = packing_bound(p, relaxation->prices, plan.objective);
        EXPECT_LE(bound, static_cast<double>(*optimum.objective) + 1e-6)
            << "instance " << i << ": the bound is not a bound";
        EXPECT_GE(bound + 1e-6, relaxation->pence) << "instance " << i;
        stronger += bound > relaxation->pence + 1;
    }
    // Whole requests matter on most of these small instances; a bound that never beat the
    // relaxation would be doing nothing.
    EXPECT_GE(stronger, 20);
}

}  // namespace
}  // namespace sendhub
