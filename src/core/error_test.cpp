#include "core/error.hpp"

#include <gtest/gtest.h>

namespace sendhub {

TEST(Error, AValidationErrorLeadsWithItsFirstFieldAndKeepsThemAll) {
    auto e = Error::validation(
        {{"email", "invalid", "Enter an email address"}, {"name", "required", "Enter the name"}});
    EXPECT_EQ(e.kind, ErrorKind::unprocessable);
    EXPECT_EQ(e.field, "email");
    EXPECT_EQ(e.code, "invalid");
    EXPECT_EQ(e.message, "Enter an email address");
    EXPECT_EQ(e.fields.size(), 2u);
}

TEST(Error, EachConstructorHasItsKind) {
    EXPECT_EQ(Error::not_found().kind, ErrorKind::not_found);
    EXPECT_EQ(Error::forbidden().kind, ErrorKind::forbidden);
    EXPECT_EQ(Error::unauthenticated().kind, ErrorKind::unauthenticated);
    EXPECT_EQ(Error::conflict("changed", "Reload it.").code, "changed");
    EXPECT_EQ(Error::bad_request("bad_json", "x").kind, ErrorKind::bad_request);
    EXPECT_EQ(Error::invalid("urn", "invalid", "x").field, "urn");
}

TEST(Validator, RequiredTextIsTrimmedAndLimitedInCharacters) {
    Validator v;
    EXPECT_EQ(v.required_text("name", "  Zoë  ", "Enter the name", "Name", 3), "Zoë");
    EXPECT_TRUE(v.ok());
    (void)v.required_text("blank", "   ", "Enter the reason", "Reason", 10);
    (void)v.required_text("long", "abcdef", "Enter it", "Note", 5);
    ASSERT_FALSE(v.ok());
    EXPECT_TRUE(v.has("blank"));
    EXPECT_TRUE(v.has("long"));
    auto e = std::move(v).error();
    EXPECT_EQ(e.fields[0].code, "required");
    EXPECT_EQ(e.fields[1].code, "too_long");
    EXPECT_EQ(e.fields[1].message, "Note must be 5 characters or fewer");
}

}  // namespace sendhub
