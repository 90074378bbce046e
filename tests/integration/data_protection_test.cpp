// Children's data (api-contract-trust.md, Audit log): every opening of a child's request is in
// the audit log, and no entry holds a pupil's reference or text written about a child.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "world.hpp"

namespace sendhub::testing {
namespace {

nlohmann::json reads_of(const std::string& request_id) {
    auto r = world().admin.api("GET",
                               "/api/v1/audit?action=read&entity=request&entity_id=" + request_id);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json()["items"];
}

}  // namespace

TEST(DataProtection, EveryOpeningOfARequestIsAudited) {
    World& w = world();
    auto created = w.senco.api("POST", "/api/v1/requests", individual(15));
    ASSERT_EQ(created.status, 201) << created.body;
    const std::string id = std::to_string(created.json()["id"].get<int>());
    EXPECT_TRUE(reads_of(id).empty());

    ASSERT_EQ(w.senco.api("GET", "/api/v1/requests/" + id).status, 200);
    Client coordinator = browser_for(w.coordinator);
    ASSERT_EQ(coordinator.get("/requests/" + id).status, 200);
    auto reads = reads_of(id);
    ASSERT_EQ(reads.size(), 2U);
    EXPECT_EQ(reads[0]["user_email"], "coordinator@it.example.org");  // newest first
    EXPECT_EQ(reads[1]["user_email"], "senco@it.example.org");
    // Someone who may not see it leaves no read behind.
    EXPECT_EQ(w.finance.api("GET", "/api/v1/requests/" + id).status, 403);
    auto other = w.headteacher.api("GET", "/api/v1/requests/" + id);
    EXPECT_EQ(other.status, 200);
    EXPECT_EQ(reads_of(id).size(), 3U);
}

TEST(DataProtection, NoAuditEntryHoldsAPupilsReferenceOrTextAboutAChild) {
    World& w = world();
    auto body = individual(16);
    body["pupils"][0]["ref"] = "QZ";
    body["concern"] = "Distinctive concern words for the audit check.";
    auto created = w.senco.api("POST", "/api/v1/requests", body);
    ASSERT_EQ(created.status, 201) << created.body;
    const std::string id = std::to_string(created.json()["id"].get<int>());
    ASSERT_EQ(w.senco.api("GET", "/api/v1/requests/" + id).status, 200);
    auto entries = w.admin.api("GET", "/api/v1/audit?entity=request&entity_id=" + id);
    ASSERT_EQ(entries.status, 200);
    ASSERT_GE(entries.json()["items"].size(), 2U);
    const auto items = entries.json()["items"];
    for (const auto& e : items) {
        const std::string text = e.dump();
        EXPECT_EQ(text.find("\"QZ\""), std::string::npos) << text;
        EXPECT_EQ(text.find("Distinctive concern"), std::string::npos) << text;
    }
}

}  // namespace sendhub::testing

namespace sendhub::testing {

TEST(NeedCodes, APupilsNeedCarriesItsSourceAndDate) {
    World& w = world();
    auto body = individual(17);
    body["pupils"][0]["need_route"] = "ehcp";
    auto created = w.senco.api("POST", "/api/v1/requests", body);
    ASSERT_EQ(created.status, 201) << created.body;
    EXPECT_EQ(created.json()["pupils"][0]["primary_need_source"], "local_authority");
    EXPECT_TRUE(created.json()["pupils"][0]["primary_need_recorded_on"].is_null());

    body["pupils"][0]["primary_need_source"] = "school";
    body["pupils"][0]["primary_need_recorded_on"] = day(-90);
    created = w.senco.api("POST", "/api/v1/requests", body);
    ASSERT_EQ(created.status, 201) << created.body;
    const std::string id = std::to_string(created.json()["id"].get<int>());
    auto read = w.coordinator.api("GET", "/api/v1/requests/" + id).json();
    EXPECT_EQ(read["pupils"][0]["primary_need_source"], "school");
    EXPECT_EQ(read["pupils"][0]["primary_need_recorded_on"], day(-90));
    Client page = browser_for(w.coordinator);
    EXPECT_NE(page.get("/requests/" + id).body.find("Recorded by the school"), std::string::npos);

    body["pupils"][0]["primary_need_source"] = "parent";
    expect_error(w.senco.api("POST", "/api/v1/requests", body), 422, "invalid",
                 "pupils.0.primary_need_source");
    body["pupils"][0]["primary_need_source"] = "school";
    body["pupils"][0]["primary_need_recorded_on"] = day(1);
    expect_error(w.senco.api("POST", "/api/v1/requests", body), 422, "invalid",
                 "pupils.0.primary_need_recorded_on");
}

}  // namespace sendhub::testing

namespace sendhub::testing {

TEST(Concerns, AConcernReachesTheSchoolsDslAsALinkAndOnlyTheRightPeopleReadIt) {
    World& w = world();
    Delivered work = deliver(w, {-330}, 2);
    const std::string raise = "/api/v1/visits/" + std::to_string(work.visit_ids[0]) + "/concerns";
    const std::string summary = "Distinctive safeguarding words seen in class.";

    // Only the visit's practitioner raises one, and each field is checked.
    EXPECT_EQ(w.coordinator.api("POST", raise, {{"summary", summary}}).status, 403);
    expect_error(
        w.practitioner.api("POST", raise, {{"summary", ""}, {"dsl_told_in_person", false}}), 422,
        "required", "summary");
    expect_error(
        w.practitioner.api("POST", raise, {{"summary", summary}, {"dsl_told_in_person", true}}),
        422, "required", "dsl_name");
    expect_error(
        w.practitioner.api("POST", raise, {{"summary", summary}, {"dsl_told_in_person", "yes"}}),
        422, "invalid", "dsl_told_in_person");

    // With no DSL recorded, the school's headteacher and SENCO are emailed a link. Other tests
    // on this server may have raised concerns at this school already: wait for one more.
    std::map<std::string, std::size_t> earlier;
    for (const char* email : {"head@it.example.org", "senco@it.example.org"})
        earlier[email] = emails_to(email, "concern_raised", 0).size();
    auto first = w.practitioner.api(
        "POST", raise,
        {{"summary", summary}, {"dsl_told_in_person", true}, {"dsl_name", "Jo Head"}});
    ASSERT_EQ(first.status, 201) << first.body;
    EXPECT_EQ(first.json()["status"], "raised");
    const std::string path = "/api/v1/concerns/" + std::to_string(first.json()["id"].get<int>());
    for (const char* email : {"head@it.example.org", "senco@it.example.org"}) {
        auto mail = emails_to(email, "concern_raised", earlier[email] + 1);
        ASSERT_GT(mail.size(), earlier[email]) << email;
        EXPECT_NE(mail.back().find(path.substr(7)), std::string::npos) << email;  // /concerns/N
        EXPECT_EQ(mail.back().find("Distinctive safeguarding"), std::string::npos) << email;
    }

    // The school records its DSL; the next concern goes to them.
    const std::string dsl = "/api/v1/schools/" + std::to_string(kOwnSchool) + "/dsl";
    expect_error(w.headteacher.api("PUT", dsl, {{"name", "Dee Lead"}, {"email", "nope"}}), 422,
                 "invalid", "email");
    auto set =
        w.headteacher.api("PUT", dsl, {{"name", "Dee Lead"}, {"email", "dsl@own.example.org"}});
    ASSERT_EQ(set.status, 200) << set.body;
    EXPECT_EQ(w.senco.api("GET", dsl).json()["email"], "dsl@own.example.org");
    EXPECT_EQ(w.coordinator.api("PUT", dsl, {{"name", "X"}, {"email", "x@example.org"}}).status,
              403);
    EXPECT_EQ(w.senco.api("GET", "/api/v1/schools/" + std::to_string(kOtherSchool) + "/dsl").status,
              404);
    auto second =
        w.practitioner.api("POST", raise, {{"summary", summary}, {"dsl_told_in_person", false}});
    ASSERT_EQ(second.status, 201);
    EXPECT_FALSE(emails_to("dsl@own.example.org", "concern_raised").empty());

    // Who reads what.
    for (Client* c : {&w.practitioner, &w.senco, &w.headteacher, &w.admin}) {
        auto seen = c->api("GET", path);
        ASSERT_EQ(seen.status, 200);
        EXPECT_EQ(seen.json()["summary"], summary);
        EXPECT_EQ(seen.json()["dsl_name"], "Jo Head");
    }
    auto coordinator = w.coordinator.api("GET", path);
    ASSERT_EQ(coordinator.status, 200);
    EXPECT_FALSE(coordinator.json().contains("summary"));
    EXPECT_FALSE(coordinator.json().contains("dsl_name"));
    EXPECT_EQ(coordinator.body.find("Distinctive safeguarding"), std::string::npos);
    for (Client* c : {&w.finance, &w.school_staff, &w.partnerships})
        EXPECT_EQ(c->api("GET", path).status, 403);
    EXPECT_EQ(w.coordinator.api("GET", "/api/v1/concerns").body.find("Distinctive"),
              std::string::npos);

    // The school acknowledges it once.
    EXPECT_EQ(w.coordinator.api("POST", path + "/acknowledge").status, 403);
    auto acknowledged = w.headteacher.api("POST", path + "/acknowledge");
    ASSERT_EQ(acknowledged.status, 200) << acknowledged.body;
    EXPECT_EQ(acknowledged.json()["status"], "acknowledged");
    EXPECT_EQ(w.senco.api("POST", path + "/acknowledge").status, 409);
    auto open = w.senco.api("GET", "/api/v1/concerns?status=raised").json()["items"];
    for (const auto& c : open) EXPECT_EQ(c["status"], "raised");

    // It never reaches feedback, reports, exports or the audit log.
    for (const char* where :
         {"/api/v1/feedback", "/api/v1/requests.csv", "/api/v1/audit?entity=concern"}) {
        auto r = w.admin.api("GET", where);
        EXPECT_EQ(r.body.find("Distinctive safeguarding"), std::string::npos) << where;
    }
    auto report =
        w.senco.api("GET", "/api/v1/visits/" + std::to_string(work.visit_ids[0]) + "/report");
    EXPECT_EQ(report.body.find("Distinctive safeguarding"), std::string::npos);
    Client page = browser_for(w.headteacher);
    EXPECT_NE(page.get(path.substr(7)).body.find("Distinctive safeguarding"), std::string::npos);
}

}  // namespace sendhub::testing
