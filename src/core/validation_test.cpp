// Table-driven validation cases for schools, practitioners and users.
#include <gtest/gtest.h>

#include "core/practitioner.hpp"
#include "core/school.hpp"
#include "core/user.hpp"

namespace sendhub {
namespace {
SchoolInput good_school() {
    return {"123641", "Coxley Primary School", "ba5 1rd", "primary", "Somerset"};
}
PractitionerInput good_practitioner() {
    return {"Amira Shah", "Amira@SPT.example.org", "teacher", "ta2 7qd", {"ASD", "SLCN"}, "3"};
}
UserInput good_user() {
    return {"Sam@School.example.org", "Sam Taylor", "senco", "a long passphrase", "123641", ""};
}

std::vector<std::string> fields_of(const Error& e) {
    std::vector<std::string> out;
    for (const auto& f : e.fields) out.push_back(f.field);
    return out;
}
}  // namespace

TEST(SchoolValidation, AcceptsAGoodSchoolAndNormalisesIt) {
    auto school = validate_school(good_school());
    ASSERT_TRUE(school);
    EXPECT_EQ(school->urn.value, 123641);
    EXPECT_EQ(school->postcode, "BA5 1RD");
    EXPECT_EQ(school->phase, Phase::primary);
}

TEST(SchoolValidation, ReportsEveryBadFieldAtOnce) {
    auto school = validate_school({"12", " ", "nowhere", "kindergarten", ""});
    ASSERT_FALSE(school);
    EXPECT_EQ(school.error().kind, ErrorKind::unprocessable);
    EXPECT_EQ(fields_of(school.error()),
              (std::vector<std::string>{"urn", "name", "postcode", "phase", "local_authority"}));
    EXPECT_EQ(school.error().field, "urn");
}

TEST(SchoolValidation, UrnMustBeSixDigits) {
    for (const char* urn : {"99999", "1000000", "12345a", "-123456", "1e5"}) {
        auto input = good_school();
        input.urn = urn;
        EXPECT_FALSE(validate_school(input)) << urn;
    }
}

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

TEST(UserValidation, ASencoNeedsASchool) {
    auto input = good_user();
    input.school_urn = "";
    auto user = validate_new_user(input);
    ASSERT_FALSE(user);
    EXPECT_EQ(user.error().field, "school_urn");
}

TEST(UserValidation, PasswordsHaveAtLeastTwelveCharacters) {
    auto input = good_user();
    input.password = "elevenchars";
    ASSERT_FALSE(validate_new_user(input));
    input.password = "twelve chars";
    EXPECT_TRUE(validate_new_user(input));
    input.password = "ëëëëëëëëëëë";  // 11 characters, 22 bytes
    EXPECT_FALSE(validate_new_user(input));
}

TEST(UserValidation, NormalisesEmailAndDropsLinksTheRoleDoesNotUse) {
    auto input = good_user();
    input.role = "finance";
    auto user = validate_new_user(input);
    ASSERT_TRUE(user);
    EXPECT_EQ(user->email, "sam@school.example.org");
    EXPECT_FALSE(user->school_urn);
}

}  // namespace sendhub
