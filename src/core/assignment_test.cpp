#include "core/assignment.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "exact_assignment.hpp"

namespace sendhub {
namespace {

//! Schools and homes scattered over a county-sized square; travel costs by distance; three
//! grades, so each request may go to about a third of the practitioners.
AssignmentProblem random_problem(std::mt19937& rng, int tasks, int resources, double load_factor) {
    std::uniform_real_distribution<double> coord(0, 60);
    std::uniform_int_distribution<int> grade(0, 2), visits(1, 6), session(1, 2);
    AssignmentProblem p;
    std::vector<std::pair<double, double>> homes(resources);
    std::vector<int> grades(resources);
    for (int r = 0; r < resources; ++r) homes[r] = {coord(rng), coord(rng)}, grades[r] = r % 3;
    int demand = 0;
    for (int t = 0; t < tasks; ++t) {
        AssignmentTask task{visits(rng) * session(rng), {}};
        demand += task.demand;
        double x = coord(rng), y = coord(rng);
        int g = grade(rng);
        for (int r = 0; r < resources; ++r) {
            if (grades[r] != g) continue;
            double miles = 2 * std::hypot(x - homes[r].first, y - homes[r].second) * 1.3;
            task.arcs.push_back({r, std::llround(miles * 30) * (task.demand + 1) / 2});
        }
        p.tasks.push_back(std::move(task));
    }
    int capacity = std::max(2, static_cast<int>(demand / load_factor / resources));
    std::uniform_int_distribution<int> spread(capacity / 2, capacity * 3 / 2);
    for (int r = 0; r < resources; ++r) p.resources.push_back({spread(rng), 0});
    set_fair_shares(p);
    return p;
}

TEST(Assignment, SmallCasesHaveTheObviousAnswer) {
    AssignmentProblem p;
    p.resources = {{4, 0}, {4, 0}};
    p.tasks = {{2, {{0, 100}, {1, 500}}}, {2, {{0, 100}, {1, 300}}}, {2, {{0, 100}, {1, 200}}}};
    set_fair_shares(p);  // 6 half days over 8: shares of 3 and 3
    auto s = solve_assignment(p);
    EXPECT_EQ(assignment_violation(p, s.resource_of), "");
    // Two fit on practitioner 0; the one that loses least by moving (cost 200) goes to 1.
    EXPECT_EQ(s.resource_of, (std::vector<int>{0, 0, 1}));
    EXPECT_EQ(s.objective,
              100 + 100 + 200 + 1000);  // practitioner 0 carries one half day over its share
    EXPECT_LE(s.lower_bound, static_cast<double>(s.objective) + 1e-6);
}

TEST(Assignment, WorkThatFitsNowhereIsLeftUnplanned) {
    AssignmentProblem p;
    p.resources = {{2, 0}};
    p.tasks = {{2, {{0, 10}}}, {2, {{0, 20}}}, {3, {}}};
    set_fair_shares(p);
    auto s = solve_assignment(p);
    EXPECT_EQ(assignment_violation(p, s.resource_of), "");
    EXPECT_EQ(s.resource_of, (std::vector<int>{0, kUnassigned, kUnassigned}));
}

TEST(Assignment, ViolationsAreNamed) {
    AssignmentProblem p;
    p.resources = {{2, 0}};
    p.tasks = {{2, {{0, 10}}}, {2, {}}};
    EXPECT_NE(assignment_violation(p, std::vector<int>{0, 0}), "");  // task 1 may not go to 0
    p.tasks[1].arcs.push_back({0, 5});
    EXPECT_NE(assignment_violation(p, std::vector<int>{0, 0}), "");  // over capacity
    EXPECT_EQ(assignment_violation(p, std::vector<int>{0, kUnassigned}), "");
}

// The heart of the verification: on many generated instances the planner's assignment is
// compared with GLPK's proven optimum (and, on some, CBC's).
TEST(Assignment, MatchesTheExactOptimumOnGeneratedInstances) {
    std::mt19937 rng(20261123);
    int instances = 0, exact = 0;
    double worst = 0, total_gap = 0;
    for (int i = 0; i < 150; ++i) {
        int tasks = 6 + i % 25, resources = 3 + i % 7;
        double load = i % 3 == 0 ? 1.1 : 0.8;  // some instances cannot fit everything
        auto p = random_problem(rng, tasks, resources, load);
        auto ours = solve_assignment(p);
        auto optimum = verify::solve_with_glpk(p, 20);
        ASSERT_TRUE(optimum.optimal) << "instance " << i;
        if (i < 30) {  // the two exact solvers agree, so the yardstick itself is checked
            auto cbc = verify::solve_with_cbc(p, 20);
            ASSERT_TRUE(cbc.optimal) << "instance " << i;
            ASSERT_EQ(*cbc.objective, *optimum.objective) << "instance " << i;
        }
        ASSERT_EQ(assignment_violation(p, ours.resource_of), "") << "instance " << i;
        ASSERT_EQ(ours.objective, assignment_objective(p, ours.resource_of));
        ASSERT_GE(ours.objective, *optimum.objective)
            << "instance " << i << ": better than the optimum means a broken rule";
        ASSERT_LE(ours.lower_bound, static_cast<double>(*optimum.objective) + 1e-3)
            << "instance " << i << ": the bound is not a bound";
        double gap = static_cast<double>(ours.objective - *optimum.objective) /
                     static_cast<double>(*optimum.objective);
        worst = std::max(worst, gap);
        total_gap += gap;
        exact += ours.objective == *optimum.objective;
        ++instances;
    }
    double mean = total_gap / instances;
    std::printf("assignment vs GLPK: %d instances, %d optimal, mean gap %.4f%%, worst %.4f%%\n",
                instances, exact, mean * 100, worst * 100);
    EXPECT_LE(mean, 0.001);  // issue 7 asks for 0.5 % at scale; small instances do far better
    EXPECT_LE(worst, 0.01);
    EXPECT_GE(exact, instances * 4 / 5);
}

// The search on two cores moves only the requests of one half in each thread and merges the
// halves: its plans must keep every rule, cost what they say, not depend on how the threads
// ran, and come as close to the optimum as the search on one core. One start, so that the
// search does the work.
TEST(Assignment, TheSearchInTwoHalvesKeepsEveryRule) {
    std::mt19937 rng(20261123);  // the instances of the test above, which GLPK solves quickly
    double halves_gap = 0, one_core_gap = 0;
    for (int i = 0; i < 40; ++i) {
        auto p = random_problem(rng, 6 + i % 25, 3 + i % 7, i % 3 == 0 ? 1.1 : 0.8);
        const AssignmentOptions halves{.max_starts = 1, .two_cores_from = 2};
        auto ours = solve_assignment(p, halves);
        ASSERT_EQ(assignment_violation(p, ours.resource_of), "") << "instance " << i;
        ASSERT_EQ(ours.objective, assignment_objective(p, ours.resource_of)) << "instance " << i;
        ASSERT_EQ(solve_assignment(p, halves).resource_of, ours.resource_of) << "instance " << i;
        auto one_core = solve_assignment(p, {.max_starts = 1, .two_cores_from = 1000});
        auto optimum = verify::solve_with_glpk(p, 20);
        ASSERT_TRUE(optimum.optimal) << "instance " << i;
        ASSERT_GE(ours.objective, *optimum.objective) << "instance " << i;
        auto gap = [&](std::int64_t objective) {
            return static_cast<double>(objective - *optimum.objective) /
                   static_cast<double>(*optimum.objective);
        };
        halves_gap += gap(ours.objective) / 40;
        one_core_gap += gap(one_core.objective) / 40;
    }
    EXPECT_LE(halves_gap, one_core_gap + 0.001);
}

TEST(Assignment, NeverBreaksAHardConstraint) {
    std::mt19937 rng(7);
    for (int i = 0; i < 300; ++i) {
        auto p = random_problem(rng, 1 + i % 60, 1 + i % 13, 0.5 + (i % 5) * 0.2);
        // Some tasks are pinned to one practitioner, as the coordinator may do.
        for (std::size_t t = 0; t < p.tasks.size(); t += 7)
            if (p.tasks[t].arcs.size() > 1) p.tasks[t].arcs.resize(1);
        auto s = solve_assignment(p, {.max_arcs_per_task = 3, .perturbations = 20});
        ASSERT_EQ(assignment_violation(p, s.resource_of), "") << "instance " << i;
        ASSERT_EQ(s.objective, assignment_objective(p, s.resource_of));
        ASSERT_LE(s.lower_bound, static_cast<double>(s.objective) + 1e-6);
    }
}

}  // namespace
}  // namespace sendhub
