#include "core/school.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/error.hpp"

namespace sendhub {
namespace {
SchoolInput good_school() {
    return {"123641", "Coxley Primary School", "ba5 1rd", "primary", "Somerset"};
}

std::vector<std::string> fields_of(const Error& e) {
    std::vector<std::string> out;
    out.reserve(e.fields.size());
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

}  // namespace sendhub
