#include "core/practitioner.hpp"

#include <gtest/gtest.h>

namespace sendhub {
namespace {
PractitionerInput good_practitioner() {
    return {"Amira Shah", "Amira@SPT.example.org", "teacher", "ta2 7qd", {"ASD", "SLCN"}, "3"};
}
}  // namespace

TEST(PractitionerValidation, AcceptsAndNormalises) {
    auto p = validate_practitioner(good_practitioner());
    ASSERT_TRUE(p);
    EXPECT_EQ(p->email, "amira@spt.example.org");
    EXPECT_EQ(p->home_postcode, "TA2 7QD");
    EXPECT_EQ(p->expertise.size(), 2u);
}

TEST(PractitionerValidation, RefusesUnknownGradesNeedsAndDays) {
    struct Case {
        void (*change)(PractitionerInput&);
        const char* field;
    };
    const Case cases[] = {
        {[](PractitionerInput& i) { i.grade = "headteacher"; }, "grade"},
        {[](PractitionerInput& i) { i.grade = "educational_psychology"; }, "grade"},
        {[](PractitionerInput& i) { i.service = "physiotherapy"; }, "service"},
        {[](PractitionerInput& i) {
             i.expertise = {"ASD", "Dyslexia"};
         },
         "expertise"},
        {[](PractitionerInput& i) { i.max_days_per_week = "6"; }, "max_days_per_week"},
        {[](PractitionerInput& i) { i.max_days_per_week = "0"; }, "max_days_per_week"},
        {[](PractitionerInput& i) { i.email = "not-an-email"; }, "email"},
        {[](PractitionerInput& i) { i.home_postcode = "TA1"; }, "home_postcode"},
    };
    for (const auto& c : cases) {
        auto input = good_practitioner();
        c.change(input);
        auto p = validate_practitioner(input);
        ASSERT_FALSE(p) << c.field;
        EXPECT_EQ(p.error().field, c.field);
    }
}

TEST(PractitionerValidation, OtherServicesTakeTheirLevelNotAGrade) {
    auto input = good_practitioner();
    input.service = "speech_and_language";
    input.grade = "";
    auto p = validate_practitioner(input);
    ASSERT_TRUE(p);
    EXPECT_EQ(p->service, Service::speech_and_language);
    EXPECT_EQ(p->grade, Grade::speech_and_language);
    input.service = "outreach";
    auto outreach = validate_practitioner(input);
    ASSERT_FALSE(outreach);
    EXPECT_EQ(outreach.error().field, "grade");
}

}  // namespace sendhub
