#include "core/page_links.hpp"

#include <gtest/gtest.h>

namespace sendhub {

TEST(PageLinks, NotificationsLeadToPagesOfThisSiteOnly) {
    EXPECT_EQ(request_link(RequestId{12}), "/requests/12");
    EXPECT_EQ(visit_link(VisitId{7}), "/visits/7");
    struct Case {
        const char* link;
        const char* expected;
    };
    const Case cases[] = {
        {"/requests/12", "/requests/12"},   {"", "/inbox"},
        {"//evil.example/x", "/inbox"},     {"/\\evil.example", "/inbox"},
        {"https://evil.example", "/inbox"}, {"requests/12", "/inbox"},
    };
    for (const auto& c : cases) EXPECT_EQ(local_link_or(c.link, "/inbox"), c.expected) << c.link;
}

}  // namespace sendhub
