// Two-step sign-in (api-contract-trust.md): setting it up, signing in with a code or a
// recovery code (each accepted once), the five-failure lock, required roles and the
// administrator's reset, through the API and the pages.
#include <gtest/gtest.h>

#include <ctime>

#include "core/totp.hpp"
#include "world.hpp"

namespace sendhub::testing {
namespace {

struct MfaUser {
    std::string email;
    std::string password;
    std::vector<std::uint8_t> key;
    std::vector<std::string> recovery_codes;
    std::int64_t confirmed_step = 0;
    int id = 0;
};

std::int64_t now_step() {
    return totp_step(static_cast<std::int64_t>(std::time(nullptr)));
}

// A new user of `role` with two-step sign-in set up through the API.
MfaUser user_with_mfa(const std::string& name, const std::string& role) {
    MfaUser u{name + "@it.example.org", server().add_user(name + "@it.example.org", role)};
    Client c(server().base_url());
    EXPECT_EQ(c.login_api(u.email, u.password), 200);
    u.id = c.api("GET", "/api/v1/me").json()["id"].get<int>();
    auto setup = c.api("POST", "/api/v1/me/mfa/setup", {{"password", u.password}});
    EXPECT_EQ(setup.status, 200) << setup.body;
    u.key = base32_decode(setup.json()["secret"].get<std::string>()).value();
    u.confirmed_step = now_step();
    auto confirmed =
        c.api("POST", "/api/v1/me/mfa/confirm", {{"code", totp_code(u.key, u.confirmed_step)}});
    EXPECT_EQ(confirmed.status, 200) << confirmed.body;
    const auto answer = confirmed.json();
    for (const auto& code : answer["recovery_codes"])
        u.recovery_codes.push_back(code.get<std::string>());
    return u;
}

HttpResponse login_with(Client& c, const MfaUser& u, const std::optional<std::string>& code) {
    nlohmann::json body{{"email", u.email}, {"password", u.password}};
    if (code) body["mfa_code"] = *code;
    auto r = c.api("POST", "/api/v1/login", body);
    if (r.status == 200) c.token = r.json()["token"].get<std::string>();
    return r;
}

}  // namespace

TEST(TwoStepSignIn, SetUpShowsTheSecretOnceAndConfirmsWithACode) {
    const std::string email = "mfa-setup@it.example.org";
    auto password = server().add_user(email, "finance");
    Client c(server().base_url());
    ASSERT_EQ(c.login_api(email, password), 200);

    auto wrong = c.api("POST", "/api/v1/me/mfa/setup", {{"password", "not the password"}});
    EXPECT_EQ(wrong.status, 422);
    EXPECT_EQ(wrong.json()["error"]["field"], "password");

    auto setup = c.api("POST", "/api/v1/me/mfa/setup", {{"password", password}});
    ASSERT_EQ(setup.status, 200) << setup.body;
    const std::string secret = setup.json()["secret"];
    EXPECT_GE(secret.size(), 32U);  // ≥ 160 bits of base32
    EXPECT_EQ(secret.find('='), std::string::npos);
    EXPECT_EQ(setup.json()["otpauth_uri"].get<std::string>().rfind(
                  "otpauth://totp/Special%20Partnership%20Trust:" + email + "?secret=" + secret, 0),
              0U)
        << setup.body;
    auto key = base32_decode(secret).value();
    EXPECT_EQ(key.size(), 20U);

    auto status = c.api("GET", "/api/v1/me/mfa");
    EXPECT_EQ(status.json(), (nlohmann::json{{"enabled", false}, {"recovery_codes_left", 0}}));

    auto bad = c.api("POST", "/api/v1/me/mfa/confirm", {{"code", "000000"}});
    if (totp_code(key, now_step()) != "000000") {
        EXPECT_EQ(bad.status, 422);
        EXPECT_EQ(bad.json()["error"]["field"], "code");
    }
    auto confirmed =
        c.api("POST", "/api/v1/me/mfa/confirm", {{"code", totp_code(key, now_step())}});
    ASSERT_EQ(confirmed.status, 200) << confirmed.body;
    EXPECT_EQ(confirmed.json()["enabled"], true);
    const auto codes = confirmed.json()["recovery_codes"];
    ASSERT_EQ(codes.size(), 10U);
    std::set<std::string> distinct;
    for (const auto& code : codes) distinct.insert(code.get<std::string>());
    EXPECT_EQ(distinct.size(), 10U);

    status = c.api("GET", "/api/v1/me/mfa");
    EXPECT_EQ(status.json(), (nlohmann::json{{"enabled", true}, {"recovery_codes_left", 10}}));
    EXPECT_EQ(status.body.find(secret), std::string::npos);
    EXPECT_EQ(c.api("POST", "/api/v1/me/mfa/setup", {{"password", password}}).status, 409);
}

TEST(TwoStepSignIn, SignInNeedsTheCodeAndAcceptsEachCodeOnce) {
    auto u = user_with_mfa("mfa-signin", "finance");
    ASSERT_EQ(u.recovery_codes.size(), 10U);
    Client c(server().base_url());

    auto none = login_with(c, u, std::nullopt);
    EXPECT_EQ(none.status, 401);
    EXPECT_EQ(none.json()["error"]["code"], "mfa_required");
    EXPECT_FALSE(none.json().contains("token"));

    // The confirming code's step was used: only a later step's code is accepted.
    auto replay = login_with(c, u, totp_code(u.key, u.confirmed_step));
    EXPECT_EQ(replay.status, 401);
    EXPECT_EQ(replay.json()["error"]["code"], "mfa_invalid");

    const std::string next = totp_code(u.key, u.confirmed_step + 1);
    auto ok = login_with(c, u, next);
    ASSERT_EQ(ok.status, 200) << ok.body;
    EXPECT_EQ(c.api("GET", "/api/v1/me").status, 200);
    Client again(server().base_url());
    EXPECT_EQ(login_with(again, u, next).status, 401);  // never twice

    Client recovered(server().base_url());
    auto with_recovery = login_with(recovered, u, u.recovery_codes[0]);
    ASSERT_EQ(with_recovery.status, 200) << with_recovery.body;
    EXPECT_EQ(recovered.api("GET", "/api/v1/me/mfa").json()["recovery_codes_left"], 9);
    Client reused(server().base_url());
    EXPECT_EQ(login_with(reused, u, u.recovery_codes[0]).status, 401);
    // Typed in capitals without the dash, a recovery code still works.
    std::string typed;
    for (char ch : u.recovery_codes[1])
        if (ch != '-') typed += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    Client capitals(server().base_url());
    EXPECT_EQ(login_with(capitals, u, typed).status, 200);

    // A right password without a code is not a failure: asking ten times locks nothing.
    for (int i = 0; i < 6; ++i) EXPECT_EQ(login_with(again, u, std::nullopt).status, 401);
    EXPECT_EQ(login_with(again, u, u.recovery_codes[2]).status, 200);
}

TEST(TwoStepSignIn, FiveWrongCodesLockTheAccount) {
    auto u = user_with_mfa("mfa-lock", "finance");
    ASSERT_EQ(u.recovery_codes.size(), 10U);
    Client c(server().base_url());
    for (int i = 0; i < 5; ++i) {
        auto r = login_with(c, u, "zzzzz-zzzzz");
        EXPECT_EQ(r.status, 401);
        EXPECT_EQ(r.json()["error"]["code"], "mfa_invalid");
    }
    EXPECT_EQ(login_with(c, u, u.recovery_codes[0]).status, 429);
}

TEST(TwoStepSignIn, PagesAskForTheCodeBeforeAnyoneIsSignedIn) {
    auto u = user_with_mfa("mfa-pages", "finance");
    ASSERT_EQ(u.recovery_codes.size(), 10U);
    Client browser(server().base_url());
    auto page = browser.get("/login");
    auto posted = browser.send(
        {"POST",
         "/login",
         form_encode(
             {{"csrf_token", csrf_from(page.body)}, {"email", u.email}, {"password", u.password}}),
         {"Content-Type: application/x-www-form-urlencoded"}});
    ASSERT_EQ(posted.status, 303);
    EXPECT_EQ(posted.header("location").rfind("/login/mfa", 0), 0U) << posted.header("location");
    // Nobody is signed in yet.
    EXPECT_EQ(browser.get("/finance").status, 303);

    auto wrong = browser.post_form("/login/mfa", "/login/mfa", {{"mfa_code", "zzzzz-zzzzz"}});
    EXPECT_EQ(wrong.status, 422);
    EXPECT_NE(wrong.body.find("href=\"#mfa_code\""), std::string::npos) << wrong.body;

    auto right = browser.post_form("/login/mfa", "/login/mfa", {{"mfa_code", u.recovery_codes[0]}});
    ASSERT_EQ(right.status, 303) << right.body;
    EXPECT_EQ(right.header("location"), "/");
    EXPECT_EQ(browser.get("/finance").status, 200);
    EXPECT_EQ(browser.get("/account/mfa").body.find("9 unused recovery codes") != std::string::npos,
              true);
}

TEST(TwoStepSignIn, PagesSetItUpWithAQrCode) {
    const std::string email = "mfa-page-setup@it.example.org";
    auto password = server().add_user(email, "finance");
    Client browser(server().base_url());
    ASSERT_EQ(browser.login_form(email, password), 303);
    auto setup = browser.post_form("/account/mfa", "/account/mfa/setup", {{"password", password}});
    ASSERT_EQ(setup.status, 200) << setup.body;
    EXPECT_NE(setup.body.find("<svg"), std::string::npos);
    auto key_at = setup.body.find("class=\"app-secret\">");
    ASSERT_NE(key_at, std::string::npos);
    auto start = key_at + std::string("class=\"app-secret\">").size();
    std::string secret = setup.body.substr(start, setup.body.find('<', start) - start);
    auto key = base32_decode(secret).value();
    auto wrong = browser.post_form("/account/mfa", "/account/mfa/confirm", {{"code", "12"}});
    EXPECT_EQ(wrong.status, 422);
    EXPECT_NE(wrong.body.find("<svg"), std::string::npos);  // the QR code again
    auto done = browser.post_form("/account/mfa", "/account/mfa/confirm",
                                  {{"code", totp_code(key, now_step())}});
    ASSERT_EQ(done.status, 200) << done.body;
    EXPECT_NE(done.body.find("Keep your recovery codes"), std::string::npos);
}

TEST(TwoStepSignIn, RequiredRolesMayDoNothingElseUntilTheyHaveSetItUp) {
    World& w = world();
    const std::string email = "mfa-required@it.example.org";
    auto password = server().add_user(email, "finance");
    Client api(server().base_url());
    ASSERT_EQ(api.login_api(email, password), 200);  // a session opened before the rule
    Client browser(server().base_url());
    ASSERT_EQ(browser.login_form(email, password), 303);

    EXPECT_EQ(w.admin.api("GET", "/api/v1/settings/mfa").json(),
              (nlohmann::json{{"required_roles", nlohmann::json::array()}}));
    auto unknown = w.admin.api("PUT", "/api/v1/settings/mfa", {{"required_roles", {"governor"}}});
    EXPECT_EQ(unknown.status, 422);
    EXPECT_EQ(unknown.json()["error"]["field"], "required_roles");
    EXPECT_EQ(w.senco.api("PUT", "/api/v1/settings/mfa", {{"required_roles", {"finance"}}}).status,
              403);
    auto set = w.admin.api("PUT", "/api/v1/settings/mfa", {{"required_roles", {"finance"}}});
    ASSERT_EQ(set.status, 200) << set.body;
    struct Restore {
        ~Restore() {
            world().admin.api("PUT", "/api/v1/settings/mfa",
                              {{"required_roles", nlohmann::json::array()}});
        }
    } restore;

    auto blocked = api.api("GET", "/api/v1/invoices");
    EXPECT_EQ(blocked.status, 403);
    EXPECT_EQ(blocked.json()["error"]["code"], "mfa_setup_required");
    EXPECT_EQ(api.api("GET", "/api/v1/me").status, 200);
    EXPECT_EQ(api.api("GET", "/api/v1/me/mfa").status, 200);
    auto page = browser.get("/finance");
    EXPECT_EQ(page.status, 303);
    EXPECT_EQ(page.header("location"), "/account/mfa");
    EXPECT_EQ(browser.get("/account/mfa").status, 200);

    auto setup = api.api("POST", "/api/v1/me/mfa/setup", {{"password", password}});
    ASSERT_EQ(setup.status, 200);
    auto key = base32_decode(setup.json()["secret"].get<std::string>()).value();
    ASSERT_EQ(
        api.api("POST", "/api/v1/me/mfa/confirm", {{"code", totp_code(key, now_step())}}).status,
        200);
    EXPECT_EQ(api.api("GET", "/api/v1/invoices").status, 200);
    EXPECT_EQ(browser.get("/finance").status, 200);
}

TEST(TwoStepSignIn, AnAdministratorResetsItForSomeoneWhoLostTheirPhone) {
    World& w = world();
    auto u = user_with_mfa("mfa-reset", "finance");
    ASSERT_EQ(u.recovery_codes.size(), 10U);
    Client signed_in(server().base_url());
    ASSERT_EQ(login_with(signed_in, u, u.recovery_codes[0]).status, 200);
    const std::string path = "/api/v1/users/" + std::to_string(u.id) + "/mfa/reset";
    EXPECT_EQ(w.coordinator.api("POST", path).status, 403);
    auto reset = w.admin.api("POST", path);
    ASSERT_EQ(reset.status, 200) << reset.body;
    EXPECT_EQ(reset.json(), (nlohmann::json{{"id", u.id}, {"mfa_enabled", false}}));
    EXPECT_EQ(signed_in.api("GET", "/api/v1/me").status, 401);  // the lost phone's sessions end
    Client c(server().base_url());
    EXPECT_EQ(login_with(c, u, std::nullopt).status, 200);
    auto audit = w.admin.api(
        "GET", "/api/v1/audit?action=mfa_reset&entity=user&entity_id=" + std::to_string(u.id));
    ASSERT_EQ(audit.status, 200);
    EXPECT_EQ(audit.json()["items"].size(), 1U);
    EXPECT_EQ(w.admin.api("POST", "/api/v1/users/999999/mfa/reset").status, 404);
}

}  // namespace sendhub::testing
