#include "http/url.hpp"

#include <gtest/gtest.h>

#include "http/router.hpp"

namespace sendhub::http {

TEST(Url, DecodesFormsWithPlusAsSpace) {
    auto form = FormData::parse("name=Zo%C3%AB+Smith&expertise=ASD&expertise=SLCN&empty=");
    ASSERT_TRUE(form);
    EXPECT_EQ(form->get("name"), "Zoë Smith");
    EXPECT_EQ(form->get_all("expertise"), (std::vector<std::string>{"ASD", "SLCN"}));
    EXPECT_TRUE(form->has("empty"));
    EXPECT_EQ(form->get("missing"), "");
}

TEST(Url, RefusesBrokenEscapesAndInvalidUtf8) {
    EXPECT_FALSE(FormData::parse("a=%4"));
    EXPECT_FALSE(FormData::parse("a=%zz"));
    EXPECT_FALSE(FormData::parse("a=%C3"));
}

TEST(Url, EncodesWhatItDecodes) {
    std::string text = "a b&c=d/é";
    EXPECT_EQ(percent_decode(percent_encode(text), false), text);
}

TEST(Url, FindsOneCookieAmongMany) {
    EXPECT_EQ(cookie_value("a=1; sendhub_session=abc; b=2", "sendhub_session"), "abc");
    EXPECT_FALSE(cookie_value("a=1", "sendhub_session"));
}

TEST(Url, AfterSignInGoesOnlyToAPathOnThisSite) {
    struct Case {
        std::string_view next, expected;
    };
    const Case cases[] = {
        {"/requests/12", "/requests/12"},
        {"/requests?status=submitted&page=2", "/requests?status=submitted&page=2"},
        {"/schools/100001/edit", "/schools/100001/edit"},
        {"", "/"},
        {"/", "/"},
        {"//evil.example", "/"},
        {"/\\evil.example", "/"},
        {"/\t/evil.example", "/"},       // browsers drop the tab and read //evil.example
        {"/x\r\nSet-Cookie: a=b", "/"},  // header injection
        {std::string_view("/x\0y", 4), "/"},
        {"https://evil.example/", "/"},
        {"evil.example", "/"},
        {"/caf\xc3\xa9", "/"},  // raw non-ASCII: only URL characters pass
        {"/a b", "/"},
    };
    for (const auto& c : cases) EXPECT_EQ(local_redirect_target(c.next), c.expected) << c.next;
}

TEST(Router, MatchesParametersAndKnowsOtherMethods) {
    Router<int> router;
    router.add("GET", "/api/v1/schools/{urn}", 1);
    router.add("POST", "/api/v1/schools", 2);
    auto m = router.find("GET", "/api/v1/schools/123641");
    ASSERT_TRUE(m.route);
    EXPECT_EQ(*m.route, 1);
    EXPECT_EQ(m.params.at("urn"), "123641");
    auto wrong_method = router.find("DELETE", "/api/v1/schools");
    EXPECT_FALSE(wrong_method.route);
    EXPECT_TRUE(wrong_method.path_known);
    EXPECT_FALSE(router.find("GET", "/api/v1/schools/").route);
    EXPECT_FALSE(router.find("GET", "/api/v1/schools/1/x").route);
}

TEST(Router, AParameterMayCarryAFixedSuffix) {
    Router<int> router;
    router.add("GET", "/api/v1/agreements/{id}.pdf", 1);
    router.add("GET", "/api/v1/agreements/{id}", 2);
    auto pdf = router.find("GET", "/api/v1/agreements/42.pdf");
    ASSERT_TRUE(pdf.route);
    EXPECT_EQ(*pdf.route, 1);
    EXPECT_EQ(pdf.params.at("id"), "42");
    EXPECT_EQ(*router.find("GET", "/api/v1/agreements/42").route, 2);
    EXPECT_FALSE(router.find("GET", "/api/v1/agreements/.pdf").route &&
                 *router.find("GET", "/api/v1/agreements/.pdf").route == 1);
}

}  // namespace sendhub::http
