#include "core/json_object.hpp"

#include <gtest/gtest.h>

namespace sendhub {

TEST(JsonObject, AnyOrderOfMembersMakesTheSameObject) {
    const nlohmann::json expected{{"a", 1}, {"b", "two"}, {"c", true}};
    EXPECT_EQ(JsonObject{}("a", 1)("b", "two")("c", true).take(), expected);  // in order
    EXPECT_EQ(JsonObject{}("c", true)("a", 1)("b", "two").take(), expected);  // out of order
    EXPECT_EQ(JsonObject{}("b", "two")("c", true)("a", 1).take(), expected);
}

TEST(JsonObject, AMemberGivenTwiceKeepsTheLastValue) {
    EXPECT_EQ(JsonObject{}("a", 1)("b", 2)("a", 3).take(), (nlohmann::json{{"a", 3}, {"b", 2}}));
    EXPECT_EQ(JsonObject{}("b", 2)("b", 4).take(), (nlohmann::json{{"b", 4}}));
}

}  // namespace sendhub
