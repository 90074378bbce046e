#include "core/user.hpp"

#include <gtest/gtest.h>

namespace sendhub {
namespace {
UserInput good_user() {
    return {"Sam@School.example.org", "Sam Taylor", "senco", "a long passphrase", "123641", ""};
}
}  // namespace

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
