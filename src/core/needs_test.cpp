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
