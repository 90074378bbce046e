#include "core/matching.hpp"

#include <gtest/gtest.h>

#include <random>

namespace sendhub {
namespace {

CandidateInput person(std::int64_t id, Grade grade, std::int64_t return_tenths) {
    return {.id = PractitionerId{id},
            .name = "P" + std::to_string(id),
            .grade = grade,
            .return_tenths = return_tenths};
}

bool has_reason(const Candidate& c, std::string_view text) {
    return std::ranges::any_of(
        c.reasons, [&](const std::string& r) { return r.find(text) != std::string::npos; });
}

}  // namespace

TEST(Matching, OnlyTheRightGradeUnlessAHigherOneMayCover) {
    std::vector<CandidateInput> people{person(1, Grade::specialist_ta, 100),
                                       person(2, Grade::teacher, 100), person(3, Grade::slt, 100)};
    MatchNeed need{.level = Grade::teacher};
    auto strict = rank_candidates(need, people);
    ASSERT_EQ(strict.size(), 1u);
    EXPECT_EQ(strict[0].id, PractitionerId{2});
    need.higher_grade_may_cover = true;
    auto covered = rank_candidates(need, people);
    ASSERT_EQ(covered.size(), 2u);
    EXPECT_TRUE(has_reason(covered[1], "higher grade"));
}

TEST(Matching, InactiveOrFullyBookedPeopleAreNeverCandidates) {
    auto away = person(1, Grade::teacher, 10);
    away.active = false;
    auto full = person(2, Grade::teacher, 10);
    full.max_days_per_week = 2;
    full.free_half_days_that_week = 1;  // half a day left, the visit needs a whole one
    auto free = person(3, Grade::teacher, 500);
    std::vector<CandidateInput> people{away, full, free};
    auto ranked = rank_candidates({.level = Grade::teacher, .session_half_days = 2}, people);
    ASSERT_EQ(ranked.size(), 1u);
    EXPECT_EQ(ranked[0].id, PractitionerId{3});
    EXPECT_EQ(rank_candidates({.level = Grade::teacher, .session_half_days = 1}, people).size(),
              2u);
}

TEST(Matching, ExpertiseContinuityTravelAndWorkloadEachMoveTheScore) {
    auto near = person(1, Grade::teacher, 100);
    auto expert = person(2, Grade::teacher, 300);
    expert.expertise = {PrimaryNeed::ASD};
    MatchNeed need{.level = Grade::teacher, .needs = {PrimaryNeed::ASD, PrimaryNeed::ASD}};
    std::vector<CandidateInput> people{near, expert};
    auto ranked = rank_candidates(need, people);
    EXPECT_EQ(ranked[0].id, PractitionerId{2});  // +30 for ASD beats 10 more miles (−5)
    EXPECT_TRUE(has_reason(ranked[0], "ASD specialist"));
    EXPECT_TRUE(has_reason(ranked[0], "15 mi from home (30 mi return, £9.00)"));

    people[0].works_with_school = true;
    people[1].active_requests = 3;
    ranked = rank_candidates(need, people);
    EXPECT_EQ(ranked[0].id, PractitionerId{1});  // 20 for continuity and 12 for workload swing it
    EXPECT_TRUE(has_reason(ranked[0], "already supports this school"));
    EXPECT_TRUE(has_reason(ranked[1], "3 active requests"));
}

TEST(Matching, TravelCostUsesTheMileageRateAndUnknownDistanceIsPenalised) {
    auto known = person(1, Grade::teacher, 281);  // 28.1 miles at 30p = 843p
    auto unknown = person(2, Grade::teacher, 0);
    unknown.return_tenths.reset();
    std::vector<CandidateInput> people{unknown, known};
    auto ranked = rank_candidates({.level = Grade::teacher, .mileage_pence_per_mile = 30}, people);
    EXPECT_EQ(ranked[0].id, PractitionerId{1});
    EXPECT_EQ(ranked[0].travel_pence, 843);
    EXPECT_TRUE(has_reason(ranked[1], "distance not known"));
}

TEST(Matching, RankingIsBestFirstAndKeepsEveryHardConstraintOnRandomInstances) {
    std::mt19937 rng(2026);
    for (int round = 0; round < 200; ++round) {
        std::vector<CandidateInput> people;
        for (int i = 0; i < 30; ++i) {
            auto p = person(i + 1, static_cast<Grade>(rng() % 3),
                            static_cast<std::int64_t>(rng() % 1200));
            p.active = rng() % 10 != 0;
            p.max_days_per_week = 1 + static_cast<int>(rng() % 5);
            p.free_half_days_that_week = static_cast<int>(rng() % 11);
            p.active_requests = static_cast<int>(rng() % 6);
            p.works_with_school = rng() % 4 == 0;
            if (rng() % 2) p.expertise.push_back(static_cast<PrimaryNeed>(rng() % 14));
            people.push_back(p);
        }
        MatchNeed need{.level = static_cast<Grade>(rng() % 3),
                       .higher_grade_may_cover = rng() % 2 == 0,
                       .needs = {static_cast<PrimaryNeed>(rng() % 14)},
                       .session_half_days = 1 + static_cast<int>(rng() % 2)};
        auto ranked = rank_candidates(need, people);
        for (std::size_t i = 0; i < ranked.size(); ++i) {
            const auto& p = people.at(static_cast<std::size_t>(ranked[i].id.value - 1));
            EXPECT_TRUE(p.active);
            EXPECT_TRUE(p.grade == need.level ||
                        (need.higher_grade_may_cover && p.grade > need.level));
            EXPECT_GE(p.free_half_days_that_week, need.session_half_days);
            if (i > 0) {
                EXPECT_GE(ranked[i - 1].score, ranked[i].score);
            }
        }
    }
}

}  // namespace sendhub
