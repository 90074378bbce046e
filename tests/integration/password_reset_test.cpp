// Password reset by email, and failed sign-ins and lockouts in the audit log
// (api-contract-daily-use.md, Accounts).
#include <gtest/gtest.h>

#include "world.hpp"

namespace sendhub::testing {
namespace {

//! The reset token in the newest password-reset email to `email`, waiting for the mailer.
std::string emailed_token(const std::string& email, std::size_t emails_before = 0) {
    auto emails = emails_to(email, "password_reset", emails_before + 1);
    if (emails.size() <= emails_before) return {};
    return token_after(emails.back(), "/password-reset/");
}

std::size_t reset_emails(const std::string& email) {
    return emails_to(email, "password_reset", 0).size();
}

}  // namespace

TEST(PasswordReset, AnEmailedLinkSetsANewPasswordOnceAndEndsEverySession) {
    const std::string email = "forgetful@it.example.org";
    auto old_password = server().add_user(email, "coordinator");
    Client before(server().base_url());
    ASSERT_EQ(before.login_api(email, old_password), 200);

    Client anyone(server().base_url());
    // The same answer for an account and for no account.
    auto unknown =
        anyone.api("POST", "/api/v1/password-reset", {{"email", "nobody@it.example.org"}});
    EXPECT_EQ(unknown.status, 202) << unknown.body;
    auto asked =
        anyone.api("POST", "/api/v1/password-reset", {{"email", "Forgetful@it.example.org"}});
    ASSERT_EQ(asked.status, 202) << asked.body;
    EXPECT_EQ(asked.body, unknown.body);
    const std::string token = emailed_token(email);
    ASSERT_FALSE(token.empty());

    const std::string path = "/api/v1/password-reset/" + token;
    expect_error(anyone.api("POST", path, {{"password", "short"}}), 422, "too_short", "password");
    const std::string fresh = "a brand new long password";
    auto reset = anyone.api("POST", path, {{"password", fresh}});
    ASSERT_EQ(reset.status, 200) << reset.body;
    EXPECT_EQ(anyone.api("POST", path, {{"password", "another long password"}}).status, 410);
    EXPECT_EQ(
        anyone.api("POST", "/api/v1/password-reset/not-a-token", {{"password", fresh}}).status,
        410);

    EXPECT_EQ(before.api("GET", "/api/v1/me").status, 401);  // the old session has ended
    Client after(server().base_url());
    EXPECT_EQ(after.login_api(email, old_password), 401);
    EXPECT_EQ(after.login_api(email, fresh), 200);
}

TEST(PasswordReset, WorksThroughThePagesWithoutJavaScript) {
    const std::string email = "pages.reset@it.example.org";
    server().add_user(email, "finance");
    Client browser(server().base_url());
    auto login = browser.get("/login");
    EXPECT_NE(login.body.find("href=\"/password-reset\""), std::string::npos);
    auto sent = browser.post_form("/password-reset", "/password-reset", {{"email", email}});
    ASSERT_EQ(sent.status, 200) << sent.body;
    EXPECT_NE(sent.body.find("Check your email"), std::string::npos);
    const std::string token = emailed_token(email);
    ASSERT_FALSE(token.empty());
    const std::string page = "/password-reset/" + token;
    auto short_one = browser.post_form(page, page, {{"password", "short"}});
    EXPECT_EQ(short_one.status, 422);
    EXPECT_NE(short_one.body.find("id=\"password-error\""), std::string::npos);
    auto saved = browser.post_form(page, page, {{"password", "a sensible long password"}});
    EXPECT_EQ(saved.status, 303);
    EXPECT_EQ(saved.header("location"), "/login");
    EXPECT_EQ(browser.login_form(email, "a sensible long password"), 303);
}

TEST(PasswordReset, AnAdministratorEmailsALinkFromTheUsersPage) {
    World& w = world();
    const std::string email = "locked.out@it.example.org";
    auto created = w.admin.api("POST", "/api/v1/users",
                               {{"email", email},
                                {"name", "Locked Out"},
                                {"role", "finance"},
                                {"password", "the old long password"}});
    ASSERT_EQ(created.status, 201) << created.body;
    const std::string user = "/users/" + std::to_string(created.json()["id"].get<int>());

    EXPECT_EQ(w.coordinator.api("POST", "/api/v1" + user + "/password-reset").status, 403);
    EXPECT_EQ(w.admin.api("POST", "/api/v1/users/999999/password-reset").status, 404);
    Client admin = browser_for(w.admin);
    auto page = admin.get(user);
    EXPECT_NE(page.body.find("action=\"" + user + "/password-reset\""), std::string::npos);
    auto sent = admin.post_form(user, user + "/password-reset", {});
    ASSERT_EQ(sent.status, 303) << sent.body;
    const std::string token = emailed_token(email);
    ASSERT_FALSE(token.empty());

    // The old password works until the link is used; then only the new one does.
    Client person(server().base_url());
    EXPECT_EQ(person.login_api(email, "the old long password"), 200);
    Client anyone(server().base_url());
    ASSERT_EQ(
        anyone.api("POST", "/api/v1/password-reset/" + token, {{"password", "a new long password"}})
            .status,
        200);
    EXPECT_EQ(person.api("GET", "/api/v1/me").status, 401);
    EXPECT_EQ(person.login_api(email, "a new long password"), 200);
    auto audit = w.admin.api("GET", "/api/v1/audit?action=send_password_reset&limit=500");
    EXPECT_NE(audit.body.find("send_password_reset"), std::string::npos);

    // A deactivated account is reactivated first.
    ASSERT_EQ(w.admin.api("POST", "/api/v1" + user + "/deactivate").status, 200);
    expect_error(w.admin.api("POST", "/api/v1" + user + "/password-reset"), 409, "inactive",
                 nullptr);
}

TEST(PasswordReset, RequestsForOneEmailAreThrottled) {
    const std::string email = "flooded@it.example.org";
    server().add_user(email, "finance");
    Client c(server().base_url());
    long last = 0;
    for (int i = 0; i < 6; ++i)
        last = c.api("POST", "/api/v1/password-reset", {{"email", email}}).status;
    EXPECT_EQ(last, 429);
    EXPECT_LE(reset_emails(email), 5u);
}

TEST(AuditLog, FailedSignInsAndLockoutsAreRecordedWithoutThePassword) {
    World& w = world();
    const std::string email = "audited@it.example.org";
    auto password = server().add_user(email, "finance");
    Client c(server().base_url());
    for (int i = 0; i < 5; ++i)
        EXPECT_EQ(c.login_api(email, "guess-number-" + std::to_string(i)), 401);
    EXPECT_EQ(c.login_api(email, password), 429);
    auto failed = w.admin.api("GET", "/api/v1/audit?action=sign_in_failed&limit=500");
    ASSERT_EQ(failed.status, 200) << failed.body;
    EXPECT_NE(failed.body.find(email), std::string::npos);
    auto locked = w.admin.api("GET", "/api/v1/audit?action=locked_out&limit=500");
    EXPECT_NE(locked.body.find(email), std::string::npos);
    EXPECT_EQ(failed.body.find("guess-number"), std::string::npos);
    EXPECT_EQ(locked.body.find(password), std::string::npos);
}

}  // namespace sendhub::testing
