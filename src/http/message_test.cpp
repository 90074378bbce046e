#include "http/message.hpp"

#include <gtest/gtest.h>

namespace sendhub::http {

TEST(Response, RefusesALineBreakInAnyHeaderWhoeverSetsIt) {
    Response r;
    EXPECT_THROW(r.set_header("Location", "/x\r\nSet-Cookie: sendhub_session=ATTACKER"),
                 HeaderInjection);
    EXPECT_THROW(r.add_header("Set-Cookie", "a=b\nSet-Cookie: c=d"), HeaderInjection);
    EXPECT_THROW(r.add_header("X-Bad\r\nName", "value"), HeaderInjection);
    EXPECT_THROW(r.set_header("X-Nul", std::string("a\0b", 3)), HeaderInjection);
    EXPECT_TRUE(r.headers.empty());
    r.set_header("Location", "/requests?status=submitted");
    EXPECT_EQ(r.header("location"), "/requests?status=submitted");
    EXPECT_THROW((void)Response::redirect("/\r\nX: y"), HeaderInjection);
}

}  // namespace sendhub::http
