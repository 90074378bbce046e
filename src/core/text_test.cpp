#include "core/text.hpp"

#include <gtest/gtest.h>

namespace sendhub {

TEST(Text, ParsesWholeIntegersOnly) {
    EXPECT_EQ(parse_int("42"), 42);
    EXPECT_EQ(parse_int("-7"), -7);
    EXPECT_FALSE(parse_int("42x"));
    EXPECT_FALSE(parse_int(""));
    EXPECT_FALSE(parse_int("1 OR 1=1"));
}

TEST(Text, ValidatesUtf8) {
    EXPECT_TRUE(is_valid_utf8("plain"));
    EXPECT_TRUE(is_valid_utf8("Zoë – £87"));
    EXPECT_FALSE(is_valid_utf8("\xC3"));
    EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));
    EXPECT_FALSE(is_valid_utf8("\x80"));
    EXPECT_FALSE(is_valid_utf8("\xF5\x80\x80\x80"));
}

TEST(Text, CountsCharactersNotBytes) {
    EXPECT_EQ(utf8_length("Zoë"), 3u);
}

TEST(Text, TrimsAndSplits) {
    EXPECT_EQ(trim("  a b \t"), "a b");
    EXPECT_EQ(split("a,,b", ','), (std::vector<std::string>{"a", "", "b"}));
}

}  // namespace sendhub
