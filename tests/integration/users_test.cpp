// Admin manages users on pages and through the API; everyone else is refused.
#include <gtest/gtest.h>

#include "world.hpp"

namespace sendhub::testing {

TEST(Users, AdminCreatesChangesRoleAndDeactivates) {
    World& w = world();
    auto created = w.admin.api("POST", "/api/v1/users",
                               {{"email", "new.person@it.example.org"},
                                {"name", "New Person"},
                                {"role", "finance"},
                                {"password", "twelve chars plus"}});
    ASSERT_EQ(created.status, 201) << created.body;
    int id = created.json()["id"];
    Client person(server().base_url());
    ASSERT_EQ(person.login_api("new.person@it.example.org", "twelve chars plus"), 200);

    auto role = w.admin.api("POST", "/api/v1/users/" + std::to_string(id) + "/role",
                            {{"role", "senco"}, {"school_urn", kOwnSchool}});
    ASSERT_EQ(role.status, 200) << role.body;
    EXPECT_EQ(role.json()["role"], "senco");
    EXPECT_EQ(person.api("GET", "/api/v1/me").status, 401);  // new rights need a new session

    ASSERT_EQ(person.login_api("new.person@it.example.org", "twelve chars plus"), 200);
    auto off = w.admin.api("POST", "/api/v1/users/" + std::to_string(id) + "/deactivate");
    ASSERT_EQ(off.status, 200);
    EXPECT_EQ(off.json()["active"], false);
    EXPECT_EQ(person.api("GET", "/api/v1/me").status, 401);
    EXPECT_EQ(person.login_api("new.person@it.example.org", "twelve chars plus"), 401);
}

TEST(Users, ShortPasswordsAndDuplicateEmailsAre422) {
    World& w = world();
    auto short_pw = w.admin.api("POST", "/api/v1/users",
                                {{"email", "short@it.example.org"},
                                 {"name", "S"},
                                 {"role", "finance"},
                                 {"password", "short"}});
    EXPECT_EQ(short_pw.status, 422);
    EXPECT_EQ(short_pw.json()["error"]["field"], "password");
    auto dup = w.admin.api("POST", "/api/v1/users",
                           {{"email", "coordinator@it.example.org"},
                            {"name", "Dup"},
                            {"role", "finance"},
                            {"password", "long enough password"}});
    EXPECT_EQ(dup.status, 422);
    EXPECT_EQ(dup.json()["error"]["code"], "taken");
    auto unknown_school = w.admin.api("POST", "/api/v1/users",
                                      {{"email", "ghost@it.example.org"},
                                       {"name", "G"},
                                       {"role", "senco"},
                                       {"school_urn", 999999},
                                       {"password", "long enough password"}});
    EXPECT_EQ(unknown_school.status, 422);
    EXPECT_EQ(unknown_school.json()["error"]["field"], "school_urn");
}

TEST(Users, OnlyAdminsManageUsersOrReadTheAuditLog) {
    World& w = world();
    for (Client* c : {&w.coordinator, &w.senco, &w.finance, &w.practitioner}) {
        EXPECT_EQ(c->api("GET", "/api/v1/users").status, 403);
        EXPECT_EQ(c->api("GET", "/api/v1/audit").status, 403);
        EXPECT_EQ(c->api("POST", "/api/v1/users", {{"email", "x@y.org"}}).status, 403);
    }
    Client browser(server().base_url());
    browser.cookies["sendhub_session"] = w.coordinator.token;
    EXPECT_EQ(browser.get("/users").status, 403);
    EXPECT_EQ(browser.get("/audit").status, 403);
}

TEST(Users, AnAdminCannotLockThemselvesOut) {
    World& w = world();
    auto me = w.admin.api("GET", "/api/v1/me").json();
    std::string id = std::to_string(me["id"].get<int>());
    EXPECT_EQ(w.admin.api("POST", "/api/v1/users/" + id + "/deactivate").status, 409);
    EXPECT_EQ(w.admin.api("POST", "/api/v1/users/" + id + "/role", {{"role", "finance"}}).status,
              422);
}

TEST(UserPages, AdminAddsAUserThroughTheForm) {
    World& w = world();
    Client browser(server().base_url());
    browser.cookies["sendhub_session"] = w.admin.token;
    auto r = browser.post_form("/users/new", "/users",
                               {{"name", "Form Person"},
                                {"email", "form.person@it.example.org"},
                                {"role", "coordinator"},
                                {"password", "a long form password"}});
    ASSERT_EQ(r.status, 303) << r.body;
    auto page = browser.get(r.header("location"));
    EXPECT_NE(page.body.find("Form Person has been added"), std::string::npos);
    Client person(server().base_url());
    EXPECT_EQ(person.login_api("form.person@it.example.org", "a long form password"), 200);
}

TEST(Audit, FiltersByUserAndDateAndRefusesBadDates) {
    World& w = world();
    auto r = w.admin.api("GET", "/api/v1/audit?user=coordinator@it.example.org&limit=500");
    ASSERT_EQ(r.status, 200);
    auto entries = r.json()["items"];  // keep the parsed body alive for the loop
    for (const auto& e : entries) EXPECT_EQ(e["user_email"], "coordinator@it.example.org");
    EXPECT_EQ(w.admin.api("GET", "/api/v1/audit?from=2026-02-30").status, 422);
    auto future = w.admin.api("GET", "/api/v1/audit?from=2100-01-01");
    EXPECT_TRUE(future.json()["items"].empty());
    Client browser(server().base_url());
    browser.cookies["sendhub_session"] = w.admin.token;
    auto page = browser.get("/audit?entity=user");
    EXPECT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("Audit log"), std::string::npos);
}

TEST(ChangePassword, TheOldPasswordStopsWorking) {
    auto password = server().add_user("changer@it.example.org", "finance");
    Client c(server().base_url());
    ASSERT_EQ(c.login_api("changer@it.example.org", password), 200);
    auto wrong = c.api("POST", "/api/v1/me/password",
                       {{"current_password", "wrong"}, {"new_password", "brand new password"}});
    EXPECT_EQ(wrong.status, 422);
    EXPECT_EQ(wrong.json()["error"]["field"], "current_password");
    auto ok = c.api("POST", "/api/v1/me/password",
                    {{"current_password", password}, {"new_password", "brand new password"}});
    EXPECT_EQ(ok.status, 200);
    Client again(server().base_url());
    EXPECT_EQ(again.login_api("changer@it.example.org", password), 401);
    EXPECT_EQ(again.login_api("changer@it.example.org", "brand new password"), 200);
}

}  // namespace sendhub::testing
