#include "core/services.hpp"

#include <gtest/gtest.h>

namespace sendhub {
namespace {

TEST(Services, EachServiceHasOneLevelAndOutreachUsesGrades) {
    EXPECT_EQ(service_level(Service::outreach), std::nullopt);
    for (auto s : {Service::educational_psychology, Service::speech_and_language}) {
        auto level = service_level(s);
        ASSERT_TRUE(level);
        EXPECT_FALSE(is_outreach_grade(*level));
        EXPECT_EQ(service_of(*level), s);
    }
    for (const auto& g : grade_terms()) EXPECT_EQ(service_of(g.value), Service::outreach);
}

TEST(Services, OnlyAServicesOwnPractitionersCoverItsLevel) {
    struct Row {
        Grade grade, level;
        HigherGradeCover cover;
        bool covers;
    };
    const Row rows[] = {
        {Grade::slt, Grade::teacher, HigherGradeCover::allowed, true},
        {Grade::slt, Grade::teacher, HigherGradeCover::not_allowed, false},
        {Grade::educational_psychology, Grade::teacher, HigherGradeCover::allowed, false},
        {Grade::speech_and_language, Grade::slt, HigherGradeCover::allowed, false},
        {Grade::slt, Grade::educational_psychology, HigherGradeCover::allowed, false},
        {Grade::speech_and_language, Grade::educational_psychology, HigherGradeCover::allowed,
         false},
        {Grade::educational_psychology, Grade::educational_psychology,
         HigherGradeCover::not_allowed, true},
    };
    for (const auto& r : rows)
        EXPECT_EQ(grade_covers(r.grade, r.level, r.cover), r.covers)
            << term_of(level_terms(), r.grade).code << " on "
            << term_of(level_terms(), r.level).code;
}

TEST(Services, CodesAreTheContracts) {
    EXPECT_EQ(parse_term(service_terms(), "speech_and_language"), Service::speech_and_language);
    EXPECT_EQ(parse_term(work_type_terms(), "whole_school_training"),
              WorkType::whole_school_training);
    EXPECT_EQ(parse_term(grade_terms(), "educational_psychology"), std::nullopt);
    EXPECT_EQ(parse_term(level_terms(), "educational_psychology"), Grade::educational_psychology);
}

}  // namespace
}  // namespace sendhub
