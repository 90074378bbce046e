// Children's data (api-contract-trust.md, Audit log): every opening of a child's request is in
// the audit log, and no entry holds a pupil's reference or text written about a child.
#include <gtest/gtest.h>

#include "world.hpp"

namespace sendhub::testing {
namespace {

nlohmann::json reads_of(const std::string& request_id) {
    auto r = world().admin.api("GET", "/api/v1/audit?action=read&entity=request&entity_id=" +
                                          request_id);
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
    for (const auto& e : entries.json()["items"]) {
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
