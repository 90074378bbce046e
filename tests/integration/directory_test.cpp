// Schools and practitioners through the API and the pages: roles, scoping, bad input.
#include <gtest/gtest.h>

#include "world.hpp"

namespace sendhub::testing {
namespace {
nlohmann::json new_school(int urn) {
    return {{"urn", urn},
            {"name", "New School " + std::to_string(urn)},
            {"postcode", "ex4 6px"},
            {"phase", "secondary"},
            {"local_authority", "Devon"}};
}
}  // namespace

TEST(Schools, CoordinatorCreatesAndEveryStaffRoleReads) {
    World& w = world();
    auto created = w.coordinator.api("POST", "/api/v1/schools", new_school(300001));
    ASSERT_EQ(created.status, 201) << created.body;
    EXPECT_EQ(created.json()["postcode"], "EX4 6PX");
    for (Client* c : {&w.admin, &w.coordinator, &w.finance, &w.practitioner}) {
        auto r = c->api("GET", "/api/v1/schools/300001");
        EXPECT_EQ(r.status, 200);
        EXPECT_EQ(r.json()["name"], "New School 300001");
    }
}

TEST(Schools, RolesThatMayNotCreateGet403) {
    World& w = world();
    for (Client* c : {&w.senco, &w.finance, &w.practitioner}) {
        auto r = c->api("POST", "/api/v1/schools", new_school(300002));
        EXPECT_EQ(r.status, 403);
        EXPECT_EQ(r.json()["error"]["code"], "forbidden");
    }
}

TEST(Schools, ASencoSeesOnlyTheirOwnSchoolAndOthersAre404) {
    World& w = world();
    EXPECT_EQ(w.senco.api("GET", "/api/v1/schools/" + std::to_string(kOwnSchool)).status, 200);
    auto other = w.senco.api("GET", "/api/v1/schools/" + std::to_string(kOtherSchool));
    EXPECT_EQ(other.status, 404);
    EXPECT_EQ(other.json()["error"]["code"], "not_found");
    auto list = w.senco.api("GET", "/api/v1/schools?limit=500");
    ASSERT_EQ(list.status, 200);
    ASSERT_EQ(list.json()["items"].size(), 1u);
    EXPECT_EQ(list.json()["items"][0]["urn"], kOwnSchool);
    Client browser(server().base_url());
    browser.cookies["sendhub_session"] = w.senco.token;
    EXPECT_EQ(browser.get("/schools/" + std::to_string(kOtherSchool)).status, 404);
    EXPECT_EQ(browser.get("/schools/" + std::to_string(kOwnSchool)).status, 200);
}

TEST(Schools, ValidationNamesTheField) {
    World& w = world();
    auto bad = new_school(300003);
    bad["postcode"] = "not a postcode";
    auto r = w.admin.api("POST", "/api/v1/schools", bad);
    EXPECT_EQ(r.status, 422);
    EXPECT_EQ(r.json()["error"]["field"], "postcode");
    auto twice = w.admin.api("POST", "/api/v1/schools", new_school(300004));
    ASSERT_EQ(twice.status, 201);
    auto again = w.admin.api("POST", "/api/v1/schools", new_school(300004));
    EXPECT_EQ(again.status, 422);
    EXPECT_EQ(again.json()["error"]["code"], "taken");
}

TEST(Schools, WrongTypesAre422AndMalformedJsonIs400) {
    World& w = world();
    auto typed = new_school(300005);
    typed["name"] = nlohmann::json::array({"a"});
    auto r = w.admin.api("POST", "/api/v1/schools", typed);
    EXPECT_EQ(r.status, 422);
    EXPECT_EQ(r.json()["error"]["field"], "name");
    EXPECT_EQ(r.json()["error"]["code"], "invalid_type");
    auto malformed = w.admin.send(
        {"POST",
         "/api/v1/schools",
         "{\"urn\": 1,",
         {"Content-Type: application/json", "Authorization: Bearer " + w.admin.token}});
    EXPECT_EQ(malformed.status, 400);
    EXPECT_EQ(malformed.json()["error"]["code"], "malformed_json");
    auto not_object = w.admin.send(
        {"POST", "/api/v1/schools", "[1,2]", {"Authorization: Bearer " + w.admin.token}});
    EXPECT_EQ(not_object.status, 400);
}

TEST(Schools, OversizeBodiesAre413) {
    World& w = world();
    std::string big(std::size_t{1} << 21, 'x');
    auto r =
        w.admin.send({"POST", "/api/v1/schools", big, {"Authorization: Bearer " + w.admin.token}});
    EXPECT_EQ(r.status, 413);
    EXPECT_EQ(r.json()["error"]["code"], "too_large");
    EXPECT_EQ(w.admin.api("GET", "/healthz").status, 200);  // and the server is fine
}

TEST(Schools, SqlMetacharactersAreJustText) {
    World& w = world();
    auto r = w.admin.api("GET", "/api/v1/schools?q=%27%3B%20DROP%20TABLE%20schools%3B--");
    EXPECT_EQ(r.status, 200);
    EXPECT_TRUE(r.json()["items"].empty());
    auto evil = new_school(300006);
    evil["name"] = "Robert'); DROP TABLE schools;--";
    auto created = w.admin.api("POST", "/api/v1/schools", evil);
    ASSERT_EQ(created.status, 201);
    EXPECT_EQ(w.admin.api("GET", "/api/v1/schools/300006").json()["name"],
              "Robert'); DROP TABLE schools;--");
    EXPECT_EQ(w.admin.api("GET", "/api/v1/schools/" + std::to_string(kOwnSchool)).status, 200);
}

TEST(Schools, ListsPageWithACursor) {
    World& w = world();
    auto first = w.admin.api("GET", "/api/v1/schools?limit=1");
    ASSERT_EQ(first.status, 200);
    ASSERT_EQ(first.json()["items"].size(), 1u);
    auto cursor = first.json()["next_cursor"];
    ASSERT_TRUE(cursor.is_string());
    auto second = w.admin.api("GET", "/api/v1/schools?limit=1&cursor=" + cursor.get<std::string>());
    EXPECT_NE(second.json()["items"][0]["urn"], first.json()["items"][0]["urn"]);
    EXPECT_EQ(w.admin.api("GET", "/api/v1/schools?limit=501").status, 422);
}

TEST(Schools, UpdatingIsAuditedWithWhatChanged) {
    World& w = world();
    ASSERT_EQ(w.admin.api("POST", "/api/v1/schools", new_school(300007)).status, 201);
    auto changed = new_school(300007);
    changed["name"] = "Renamed School";
    auto r = w.coordinator.api("PUT", "/api/v1/schools/300007", changed);
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.json()["name"], "Renamed School");
    auto audit = w.admin.api("GET", "/api/v1/audit?entity=school&entity_id=300007");
    ASSERT_EQ(audit.status, 200);
    auto items = audit.json()["items"];
    ASSERT_EQ(items.size(), 2u);
    EXPECT_EQ(items[0]["action"], "update");
    EXPECT_EQ(items[0]["user_email"], "coordinator@it.example.org");
    EXPECT_EQ(items[0]["detail"]["name"]["to"], "Renamed School");
    EXPECT_EQ(items[1]["action"], "create");
}

TEST(Practitioners, HomePostcodeIsShownOnlyToAdminAndCoordinator) {
    World& w = world();
    std::string path = "/api/v1/practitioners/" + std::to_string(w.practitioner_id);
    EXPECT_EQ(w.coordinator.api("GET", path).json()["home_postcode"], "TA1 3ES");
    EXPECT_EQ(w.admin.api("GET", path).json()["home_postcode"], "TA1 3ES");
    for (Client* c : {&w.finance, &w.practitioner}) {
        auto r = c->api("GET", path);
        ASSERT_EQ(r.status, 200);
        EXPECT_FALSE(r.json().contains("home_postcode"));
    }
    EXPECT_EQ(w.senco.api("GET", path).status, 403);
}

TEST(Practitioners, GradeAndExpertiseAreChecked) {
    World& w = world();
    nlohmann::json p{{"name", "X"},          {"email", "x@it.example.org"},
                     {"grade", "head"},      {"home_postcode", "TA1 3ES"},
                     {"expertise", {"ASD"}}, {"max_days_per_week", 2}};
    EXPECT_EQ(w.coordinator.api("POST", "/api/v1/practitioners", p).json()["error"]["field"],
              "grade");
    p["grade"] = "slt";
    p["expertise"] = "ASD";
    EXPECT_EQ(w.coordinator.api("POST", "/api/v1/practitioners", p).json()["error"]["field"],
              "expertise");
    p["expertise"] = {"ASD", "SEMH"};
    auto r = w.coordinator.api("POST", "/api/v1/practitioners", p);
    ASSERT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(r.json()["grade"], "slt");
}

TEST(Idempotency, ARepeatReturnsTheFirstResponseAndChangesNothing) {
    World& w = world();
    auto body = new_school(300008);
    auto first = w.admin.api("POST", "/api/v1/schools", body, {"Idempotency-Key: school-300008"});
    ASSERT_EQ(first.status, 201);
    auto repeat = w.admin.api("POST", "/api/v1/schools", body, {"Idempotency-Key: school-300008"});
    EXPECT_EQ(repeat.status, 201);
    EXPECT_EQ(repeat.body, first.body);
    auto other_body = new_school(300009);
    auto reused =
        w.admin.api("POST", "/api/v1/schools", other_body, {"Idempotency-Key: school-300008"});
    EXPECT_EQ(reused.status, 422);
    EXPECT_EQ(w.admin.api("GET", "/api/v1/schools/300009").status, 404);
    auto audit = w.admin.api("GET", "/api/v1/audit?entity=school&entity_id=300008&action=create");
    EXPECT_EQ(audit.json()["items"].size(), 1u);
}

TEST(SchoolPages, AFormWithErrorsComesBackFilledInWithMessagesBesideFields) {
    World& w = world();
    Client browser(server().base_url());
    browser.cookies["sendhub_session"] = w.coordinator.token;
    auto r = browser.post_form("/schools/new", "/schools",
                               {{"urn", "300010"},
                                {"name", "Typed Name"},
                                {"postcode", "bad"},
                                {"phase", "primary"},
                                {"local_authority", "Devon"}});
    EXPECT_EQ(r.status, 422);
    EXPECT_NE(r.body.find("govuk-error-summary"), std::string::npos);
    EXPECT_NE(r.body.find("href=\"#postcode\""), std::string::npos);
    EXPECT_NE(r.body.find("id=\"postcode-error\""), std::string::npos);
    EXPECT_NE(r.body.find("value=\"Typed Name\""), std::string::npos);
    EXPECT_NE(r.body.find("value=\"bad\""), std::string::npos);
    auto fixed = browser.post_form("/schools/new", "/schools",
                                   {{"urn", "300010"},
                                    {"name", "Typed Name"},
                                    {"postcode", "EX1 1AA"},
                                    {"phase", "primary"},
                                    {"local_authority", "Devon"}});
    EXPECT_EQ(fixed.status, 303);
    EXPECT_EQ(fixed.header("location"), "/schools/300010");
    auto shown = browser.get("/schools/300010");
    EXPECT_NE(shown.body.find("Typed Name has been added"), std::string::npos);
}

TEST(SchoolPages, AFormPostWithoutTheTokenChangesNothing) {
    World& w = world();
    Client browser(server().base_url());
    browser.cookies["sendhub_session"] = w.coordinator.token;
    auto r = browser.send({"POST",
                           "/schools",
                           form_encode({{"urn", "300011"},
                                        {"name", "No Token"},
                                        {"postcode", "EX1 1AA"},
                                        {"phase", "primary"},
                                        {"local_authority", "Devon"}}),
                           {"Content-Type: application/x-www-form-urlencoded"}});
    EXPECT_EQ(r.status, 403);
    EXPECT_EQ(w.admin.api("GET", "/api/v1/schools/300011").status, 404);
}

}  // namespace sendhub::testing
