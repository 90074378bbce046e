#include "core/json_records.hpp"

#include <gtest/gtest.h>

namespace sendhub {

TEST(JsonRecords, APractitionersHomeIsShownOnlyWhenAsked) {
    Practitioner p;
    p.id = PractitionerId{7};
    p.name = "Amira Shah";
    p.grade = Grade::slt;
    p.expertise = {PrimaryNeed::ASD, PrimaryNeed::SLCN};
    p.home_postcode = "TA2 7QD";
    auto hidden = practitioner_json(p, HomeAddress::hidden);
    EXPECT_EQ(hidden["grade"], "slt");
    EXPECT_EQ(hidden["expertise"], nlohmann::json({"ASD", "SLCN"}));
    EXPECT_FALSE(hidden.contains("home_postcode"));
    EXPECT_EQ(practitioner_json(p, HomeAddress::shown)["home_postcode"], "TA2 7QD");
}

TEST(JsonRecords, MissingLinksAndFiguresAreNullNotZero) {
    User u{.id = UserId{3}, .email = "f@example.org", .name = "F", .role = Role::finance};
    auto user = user_json(u);
    EXPECT_EQ(user["role"], "finance");
    EXPECT_TRUE(user["school_urn"].is_null());
    EXPECT_TRUE(user["practitioner_id"].is_null());
    School s;
    s.urn = SchoolUrn{123641};
    auto school = school_json(s);
    EXPECT_EQ(school["urn"], 123641);
    EXPECT_TRUE(school["pupils"].is_null());
    EXPECT_TRUE(school["latitude"].is_null());
}

}  // namespace sendhub
