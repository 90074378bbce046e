// The inbox (api-contract-daily-use.md): every email also lands in its recipient's inbox.
#include <gtest/gtest.h>

#include "world.hpp"

namespace sendhub::testing {
namespace {

//! The signed-in person's message about `link`, or null.
nlohmann::json message_about(Client& c, const std::string& link, bool unread_only = false) {
    auto r =
        c.api("GET", std::string("/api/v1/notifications") + (unread_only ? "?unread=true" : ""));
    EXPECT_EQ(r.status, 200) << r.body;
    const auto body = r.json();  // kept: a range-for over a temporary's member dangles
    for (const auto& m : body["items"])
        if (m["link"] == link) return m;
    return nullptr;
}

}  // namespace

TEST(Inbox, EveryEmailIsAlsoAMessageToReadOnSendhub) {
    World& w = world();
    auto request = w.senco.api("POST", "/api/v1/requests", individual());
    ASSERT_EQ(request.status, 201) << request.body;
    const std::string link = "/requests/" + std::to_string(request.json()["id"].get<int>());

    // The coordinators hear of it, and so does the school, each in their own inbox.
    auto coordinators = message_about(w.coordinator, link, true);
    ASSERT_FALSE(coordinators.is_null());
    EXPECT_EQ(coordinators["read"], false);
    EXPECT_NE(coordinators["subject"].get<std::string>().find("New outreach request"),
              std::string::npos);
    EXPECT_FALSE(coordinators["created_at"].get<std::string>().empty());
    auto schools = message_about(w.senco, link);
    ASSERT_FALSE(schools.is_null());
    EXPECT_NE(schools["id"], coordinators["id"]);
    EXPECT_TRUE(message_about(w.finance, link).is_null());

    // Another person's message is not there to read.
    const std::string read =
        "/api/v1/notifications/" + std::to_string(coordinators["id"].get<int>()) + "/read";
    EXPECT_EQ(w.senco.api("POST", read).status, 404);
    EXPECT_EQ(w.senco.api("POST", "/api/v1/notifications/not-a-number/read").status, 404);
    auto marked = w.coordinator.api("POST", read);
    ASSERT_EQ(marked.status, 200) << marked.body;
    EXPECT_EQ(marked.json()["read"], true);
    EXPECT_TRUE(message_about(w.coordinator, link, true).is_null());  // no longer unread
    EXPECT_EQ(message_about(w.coordinator, link)["read"], true);

    // The page shows it; opening the school's message marks it read and goes to the request.
    auto pages = browser_for(w.senco);
    auto inbox = pages.get("/inbox");
    ASSERT_EQ(inbox.status, 200) << inbox.body;
    EXPECT_NE(inbox.body.find(schools["subject"].get<std::string>()), std::string::npos);
    EXPECT_NE(inbox.body.find("unread</span>"), std::string::npos);  // the header's count
    auto opened = pages.post_form(
        "/inbox", "/inbox/" + std::to_string(schools["id"].get<int>()) + "/open", {});
    EXPECT_EQ(opened.status, 303);
    EXPECT_EQ(opened.header("location"), link);
    EXPECT_EQ(message_about(w.senco, link)["read"], true);
}

}  // namespace sendhub::testing
