#include "core/role.hpp"

#include <gtest/gtest.h>

namespace sendhub {

TEST(Role, EveryRoleReadsBackFromItsCode) {
    for (const auto& term : role_terms()) {
        EXPECT_EQ(parse_role(term.code), term.value) << term.code;
        EXPECT_EQ(role_code(term.value), term.code);
        EXPECT_FALSE(role_label(term.value).empty());
    }
    EXPECT_EQ(parse_role("senco"), Role::senco);
    EXPECT_FALSE(parse_role("SENCO"));
    EXPECT_FALSE(parse_role("governor"));
    EXPECT_FALSE(parse_role(""));
}

}  // namespace sendhub
