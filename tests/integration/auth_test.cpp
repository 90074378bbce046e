// Signing in and out, sessions, CSRF, throttling and security headers, over real HTTP.
#include <gtest/gtest.h>

#include "world.hpp"

namespace sendhub::testing {

TEST(Health, AnswersWithoutSignIn) {
    Client c(server().base_url());
    auto r = c.get("/healthz");
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.json(), nlohmann::json({{"status", "ok"}}));
}

TEST(SecurityHeaders, EveryPageSendsAStrictPolicy) {
    Client c(server().base_url());
    for (const char* path : {"/login", "/healthz", "/nowhere"}) {
        auto r = c.get(path);
        auto csp = r.header("content-security-policy");
        EXPECT_NE(csp.find("script-src 'self'"), std::string::npos) << path;
        EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos) << path;
        EXPECT_NE(csp.find("object-src 'none'"), std::string::npos) << path;
        EXPECT_NE(csp.find("base-uri 'none'"), std::string::npos) << path;
        EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos) << path;
        EXPECT_EQ(r.header("x-content-type-options"), "nosniff") << path;
        EXPECT_FALSE(r.header("referrer-policy").empty()) << path;
        EXPECT_FALSE(r.header("x-request-id").empty()) << path;
    }
}

TEST(ApiLogin, WrongPasswordIs401AndRightPasswordGivesATokenAndCookie) {
    auto password = server().add_user("login.ok@it.example.org", "coordinator");
    Client c(server().base_url());
    EXPECT_EQ(c.login_api("login.ok@it.example.org", "not the password"), 401);
    EXPECT_EQ(c.login_api("nobody@it.example.org", "whatever whatever"), 401);
    auto r = c.api("POST", "/api/v1/login",
                   {{"email", "Login.OK@it.example.org"}, {"password", password}});
    ASSERT_EQ(r.status, 200) << r.body;
    auto body = r.json();
    EXPECT_FALSE(body["token"].get<std::string>().empty());
    EXPECT_EQ(body["user"]["role"], "coordinator");
    EXPECT_EQ(body["user"]["email"], "login.ok@it.example.org");
    EXPECT_TRUE(body["user"].contains("school_urn"));
    auto cookies = r.set_cookies();
    ASSERT_FALSE(cookies.empty());
    EXPECT_NE(cookies.front().find("HttpOnly"), std::string::npos);
    EXPECT_NE(cookies.front().find("SameSite=Lax"), std::string::npos);
}

TEST(ApiLogin, FiveFailuresLockTheEmailEvenForTheRightPassword) {
    auto password = server().add_user("locked@it.example.org", "finance");
    Client c(server().base_url());
    for (int i = 0; i < 5; ++i)
        EXPECT_EQ(c.login_api("locked@it.example.org", "wrong password"), 401);
    EXPECT_EQ(c.login_api("locked@it.example.org", password), 429);
    auto r = c.api("POST", "/api/v1/login",
                   {{"email", "locked@it.example.org"}, {"password", password}});
    EXPECT_EQ(r.json()["error"]["code"], "too_many_attempts");
}

TEST(ApiLogin, LogoutEndsTheToken) {
    auto password = server().add_user("logout@it.example.org", "coordinator");
    Client c(server().base_url());
    ASSERT_EQ(c.login_api("logout@it.example.org", password), 200);
    EXPECT_EQ(c.api("GET", "/api/v1/me").status, 200);
    EXPECT_EQ(c.api("POST", "/api/v1/logout").status, 200);
    EXPECT_EQ(c.api("GET", "/api/v1/me").status, 401);
}

TEST(ApiLogin, EachSignInStartsAFreshSession) {
    auto password = server().add_user("rotate@it.example.org", "coordinator");
    Client first(server().base_url());
    Client second(server().base_url());
    ASSERT_EQ(first.login_api("rotate@it.example.org", password), 200);
    ASSERT_EQ(second.login_api("rotate@it.example.org", password), 200);
    EXPECT_NE(first.token, second.token);
}

TEST(ApiLogin, UnsignedRequestsAre401WithTheErrorShape) {
    Client c(server().base_url());
    auto r = c.api("GET", "/api/v1/schools");
    EXPECT_EQ(r.status, 401);
    EXPECT_EQ(r.json()["error"]["code"], "unauthenticated");
    c.token = "forged-token";
    EXPECT_EQ(c.api("GET", "/api/v1/schools").status, 401);
}

TEST(FormLogin, TheFormCarriesAHiddenCsrfToken) {
    Client c(server().base_url());
    auto page = c.get("/login");
    EXPECT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("<title>Sign in – sendhub</title>"), std::string::npos);
    EXPECT_FALSE(csrf_from(page.body).empty());
    EXPECT_NE(page.body.find("name=\"email\""), std::string::npos);
    EXPECT_NE(page.body.find("name=\"password\""), std::string::npos);
}

TEST(FormLogin, APostWithoutAValidTokenSignsNobodyIn) {
    auto password = server().add_user("csrf@it.example.org", "coordinator");
    Client c(server().base_url());
    c.get("/login");
    auto r = c.send({"POST",
                     "/login",
                     form_encode({{"email", "csrf@it.example.org"}, {"password", password}}),
                     {"Content-Type: application/x-www-form-urlencoded"}});
    EXPECT_EQ(r.status, 403);
    EXPECT_FALSE(c.cookies.contains("sendhub_session"));
    auto forged = c.send(
        {"POST",
         "/login",
         form_encode(
             {{"csrf_token", "forged"}, {"email", "csrf@it.example.org"}, {"password", password}}),
         {"Content-Type: application/x-www-form-urlencoded"}});
    EXPECT_EQ(forged.status, 403);
    EXPECT_FALSE(c.cookies.contains("sendhub_session"));
}

TEST(FormLogin, SignsInRedirectsHomeAndSignsOut) {
    auto password = server().add_user("form@it.example.org", "coordinator");
    Client c(server().base_url());
    EXPECT_EQ(c.login_form("form@it.example.org", password), 303);
    ASSERT_TRUE(c.cookies.contains("sendhub_session"));
    auto home = c.get("/");
    EXPECT_EQ(home.status, 200);
    EXPECT_NE(home.body.find("Outreach coordinator"), std::string::npos);
    auto out = c.post_form("/", "/logout", {});
    EXPECT_EQ(out.status, 303);
    EXPECT_EQ(c.get("/").status, 303);  // back to the sign-in page
}

TEST(FormLogin, AWrongPasswordShowsTheErrorBesideTheFieldAndKeepsTheEmail) {
    Client c(server().base_url());
    auto page = c.get("/login");
    auto r = c.send({"POST",
                     "/login",
                     form_encode({{"csrf_token", csrf_from(page.body)},
                                  {"email", "someone@it.example.org"},
                                  {"password", "nope"}}),
                     {"Content-Type: application/x-www-form-urlencoded"}});
    EXPECT_EQ(r.status, 401);
    EXPECT_NE(r.body.find("govuk-error-summary"), std::string::npos);
    EXPECT_NE(r.body.find("<title>Error: Sign in – sendhub</title>"), std::string::npos);
    EXPECT_NE(r.body.find("value=\"someone@it.example.org\""), std::string::npos);
}

TEST(CookieApi, UnsafeRequestsNeedTheCsrfHeader) {
    auto password = server().add_user("cookieapi@it.example.org", "admin");
    Client c(server().base_url());
    auto login = c.api("POST", "/api/v1/login",
                       {{"email", "cookieapi@it.example.org"}, {"password", password}});
    ASSERT_EQ(login.status, 200);
    nlohmann::json school{{"urn", 222333},
                          {"name", "Cookie School"},
                          {"postcode", "TA1 3ES"},
                          {"phase", "primary"},
                          {"local_authority", "Somerset"}};
    auto refused = c.api("POST", "/api/v1/schools", school);  // cookie only, no bearer
    EXPECT_EQ(refused.status, 403);
    EXPECT_EQ(refused.json()["error"]["code"], "csrf");
    auto accepted = c.api("POST", "/api/v1/schools", school,
                          {"X-CSRF-Token: " + login.json()["csrf_token"].get<std::string>()});
    EXPECT_EQ(accepted.status, 201);
}

TEST(Pages, EachRoleLandsOnItsOwnHomeWithOnlyItsNavigation) {
    World& w = world();
    struct Case {
        Client* client;
        const char* email;
        bool sees_users;
        bool sees_practitioners;
    };
    Case cases[] = {{&w.admin, "admin@it.example.org", true, true},
                    {&w.coordinator, "coordinator@it.example.org", false, true},
                    {&w.senco, "senco@it.example.org", false, false},
                    {&w.finance, "finance@it.example.org", false, true}};
    for (auto& c : cases) {
        Client browser(server().base_url());
        browser.cookies["sendhub_session"] = c.client->token;
        auto home = browser.get("/");
        ASSERT_EQ(home.status, 200) << c.email;
        EXPECT_EQ(home.body.find("href=\"/users\"") != std::string::npos, c.sees_users) << c.email;
        EXPECT_EQ(home.body.find("href=\"/practitioners\"") != std::string::npos,
                  c.sees_practitioners)
            << c.email;
    }
}

}  // namespace sendhub::testing

namespace sendhub::testing {

TEST(BehindTls, TheSessionCookieIsHostPrefixedAndSecureAndHstsIsSent) {
    Server tls(std::vector<std::string>{"--behind-tls"});
    auto password = tls.add_user("tls@it.example.org", "coordinator");
    Client c(tls.base_url());
    auto r =
        c.api("POST", "/api/v1/login", {{"email", "tls@it.example.org"}, {"password", password}});
    ASSERT_EQ(r.status, 200);
    auto cookies = r.set_cookies();
    ASSERT_FALSE(cookies.empty());
    EXPECT_TRUE(cookies.front().starts_with("__Host-sendhub_session=")) << cookies.front();
    EXPECT_NE(cookies.front().find("; Secure"), std::string::npos);
    EXPECT_NE(cookies.front().find("Path=/"), std::string::npos);
    EXPECT_EQ(cookies.front().find("Domain"), std::string::npos);
    EXPECT_FALSE(r.header("strict-transport-security").empty());
    EXPECT_EQ(c.get("/").status, 200);  // the __Host- cookie signs the browser in
}

}  // namespace sendhub::testing
