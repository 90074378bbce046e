#include "core/self_evaluation.hpp"

#include <gtest/gtest.h>

namespace sendhub {
namespace {

TEST(SelfEvaluation, AFrameworkNeedsANameAScaleAndStatementsInEveryArea) {
    auto ok = validate_framework({"SEND review", "", {{"Leadership", {"A", "B"}}}});
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->scale_max, 4);
    struct Case {
        FrameworkInput input;
        const char* field;
        const char* code;
    };
    for (const auto& [input, field, code] :
         {Case{{"", "4", {{"A", {"s"}}}}, "name", "required"},
          Case{{"F", "1", {{"A", {"s"}}}}, "scale_max", "invalid"},
          Case{{"F", "11", {{"A", {"s"}}}}, "scale_max", "invalid"},
          Case{{"F", "2.5", {{"A", {"s"}}}}, "scale_max", "invalid"},
          Case{{"F", "10", {}}, "areas", "required"},
          Case{{"F", "4", {{"A", {"s"}}, {"B", {}}}}, "areas[1].statements", "required"},
          Case{{"F", "4", {{"", {"s"}}}}, "areas[0].title", "required"}}) {
        auto r = validate_framework(input);
        ASSERT_FALSE(r) << field;
        EXPECT_EQ(r.error().field, field);
        EXPECT_EQ(r.error().code, code);
    }
}

TEST(SelfEvaluation, AnOutlineIsAreasWithTheirStatementsBeneath) {
    auto areas = parse_framework_outline(
        "Leadership\n- Vision is shared\r\n* Governors know SEND\n\n"
        "Teaching [Adaptive teaching]\n-Adaptive teaching\n");
    ASSERT_EQ(areas.size(), 2u);
    EXPECT_EQ(areas[0].title, "Leadership");
    ASSERT_EQ(areas[0].statements.size(), 2u);
    EXPECT_EQ(areas[0].statements[1], "Governors know SEND");
    EXPECT_EQ(areas[1].statements[0], "Adaptive teaching");
    EXPECT_EQ(areas[0].topic, "");
    EXPECT_EQ(areas[1].title, "Teaching");
    EXPECT_EQ(areas[1].topic, "Adaptive teaching");
    auto topical = validate_framework({"F", "", areas});
    ASSERT_TRUE(topical);
    EXPECT_EQ(topical->areas[1].topic, "adaptive teaching") << "tags are kept in lower case";
}

const std::vector<FrameworkStatement> kStatements{
    {1, "A", "one"}, {2, "A", "two"}, {3, "B", "three"}};

TEST(SelfEvaluation, RatingsAreStatementsOfTheFrameworkOnceEachWithinTheScale) {
    EXPECT_TRUE(validate_ratings({{"1", "4", "Seen in lessons"}, {"3", "1", ""}}, kStatements, 4));
    struct Case {
        std::vector<RatingInput> input;
        const char* field;
    };
    for (const auto& [input, field] :
         {Case{{}, "ratings"}, Case{{{"9", "2", ""}}, "ratings[0].statement_id"},
          Case{{{"1", "2", ""}, {"1", "3", ""}}, "ratings[1].statement_id"},
          Case{{{"1", "5", ""}}, "ratings[0].rating"}, Case{{{"1", "0", ""}}, "ratings[0].rating"},
          Case{{{"2", "x", ""}}, "ratings[0].rating"}}) {
        auto r = validate_ratings(input, kStatements, 4);
        ASSERT_FALSE(r) << field;
        EXPECT_EQ(r.error().field, field);
    }
}

TEST(SelfEvaluation, TheHeatMapGivesMeansLowCountsAndPrioritiesLowestFirst) {
    // Scale 4: the midpoint is 2.5. Statement 1: 1, 2, 2 → 1.67 (priority); statement 2:
    // 2, 3 → 2.5 (not below the midpoint); statement 3: no responses.
    std::vector<std::vector<Rating>> evaluations{
        {{1, 1, ""}, {2, 2, ""}}, {{1, 2, ""}, {2, 3, ""}}, {{1, 2, ""}}};
    auto s = summarise_framework(kStatements, evaluations, 4);
    ASSERT_EQ(s.statements.size(), 3u);
    EXPECT_EQ(s.statements[0].mean_hundredths, 167);
    EXPECT_EQ(s.statements[0].at_or_below_2, 3);
    EXPECT_TRUE(s.statements[0].priority);
    EXPECT_EQ(s.statements[1].mean_hundredths, 250);
    EXPECT_FALSE(s.statements[1].priority);
    EXPECT_EQ(s.statements[1].at_or_below_2, 1);
    EXPECT_EQ(s.statements[2].mean_hundredths, std::nullopt);
    EXPECT_EQ(s.statements[2].responses, 0);
    EXPECT_EQ(s.priorities, std::vector<std::int64_t>{1});

    // Half up: 1, 2, 2, 2, 2, 2 → 1.8333 → 1.83; 2, 2, 3 → 2.3333; 1, 2 → 1.5 first.
    auto t = summarise_framework(kStatements,
                                 {{{1, 1, ""}, {2, 1, ""}, {3, 2, ""}},
                                  {{1, 2, ""}, {2, 2, ""}, {3, 2, ""}},
                                  {{1, 2, ""}, {3, 3, ""}},
                                  {{1, 2, ""}},
                                  {{1, 2, ""}},
                                  {{1, 2, ""}}},
                                 4);
    EXPECT_EQ(t.statements[0].mean_hundredths, 183);
    EXPECT_EQ(t.statements[2].mean_hundredths, 233);
    EXPECT_EQ(t.priorities, (std::vector<std::int64_t>{2, 1, 3}));
    EXPECT_EQ(format_hundredths(183), "1.83");
    EXPECT_EQ(format_hundredths(205), "2.05");
    EXPECT_EQ(format_hundredths(400), "4.00");
}

}  // namespace
}  // namespace sendhub
