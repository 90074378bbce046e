#include "core/needs.hpp"

#include <gtest/gtest.h>

#include <set>

namespace sendhub {

TEST(Needs, TheDfEPrimaryNeedCodesAreAllThere) {
    std::set<std::string_view> codes;
    for (const auto& t : primary_need_terms()) codes.insert(t.code);
    for (const char* code :
         {"SPLD", "MLD", "SLD", "PMLD", "SEMH", "SLCN", "HI", "VI", "MSI", "PD", "ASD", "OTH"})
        EXPECT_TRUE(codes.contains(code)) << code;
    EXPECT_EQ(parse_term(primary_need_terms(), "ASD"), PrimaryNeed::ASD);
    EXPECT_FALSE(parse_term(primary_need_terms(), "asd"));
}

TEST(Needs, GradesRunFromSpecialistTaToSeniorLeader) {
    EXPECT_EQ(parse_term(grade_terms(), "specialist_ta"), Grade::specialist_ta);
    EXPECT_EQ(parse_term(grade_terms(), "teacher"), Grade::teacher);
    EXPECT_EQ(parse_term(grade_terms(), "slt"), Grade::slt);
    EXPECT_LT(Grade::specialist_ta, Grade::teacher);
    EXPECT_LT(Grade::teacher, Grade::slt);
    EXPECT_EQ(term_of(phase_terms(), Phase::primary).code, "primary");
}

}  // namespace sendhub

namespace sendhub {

TEST(Needs, AGradeCoversItsOwnLevelAndHigherGradesOnlyWhereAllowed) {
    struct Case {
        Grade grade, level;
        HigherGradeCover cover;
        bool covers;
    };
    const Case cases[] = {
        {Grade::teacher, Grade::teacher, HigherGradeCover::not_allowed, true},
        {Grade::slt, Grade::teacher, HigherGradeCover::not_allowed, false},
        {Grade::slt, Grade::teacher, HigherGradeCover::allowed, true},
        {Grade::slt, Grade::specialist_ta, HigherGradeCover::allowed, true},
        {Grade::specialist_ta, Grade::teacher, HigherGradeCover::allowed, false},
        {Grade::teacher, Grade::slt, HigherGradeCover::allowed, false},
    };
    for (const auto& c : cases) EXPECT_EQ(grade_covers(c.grade, c.level, c.cover), c.covers);
}

}  // namespace sendhub
