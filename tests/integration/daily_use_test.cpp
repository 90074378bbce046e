// Daily use (api-contract-daily-use.md): drafts are the school's own, requests are searched,
// sorted and exported, and feedback is about work that has happened, once a term.
#include <gtest/gtest.h>

#include "world.hpp"

namespace sendhub::testing {
namespace {

std::vector<std::string> references(const HttpResponse& list) {
    std::vector<std::string> out;
    const auto body = list.json();
    for (const auto& item : body["items"]) out.push_back(item["reference"]);
    return out;
}

bool contains(const std::vector<std::string>& items, const std::string& item) {
    return std::ranges::find(items, item) != items.end();
}

}  // namespace

TEST(Drafts, ADraftIsTheSchoolsOwnUntilSubmittedAndMayBeDeleted) {
    World& w = world();
    auto draft_body = individual();
    draft_body["draft"] = true;
    auto draft = w.senco.api("POST", "/api/v1/requests", draft_body);
    ASSERT_EQ(draft.status, 201) << draft.body;
    const std::string path = "/api/v1/requests/" + std::to_string(draft.json()["id"].get<int>());
    const std::string reference = draft.json()["reference"];

    // The trust does not see it, in the list, by its id, or by searching for it.
    EXPECT_EQ(w.coordinator.api("GET", path).status, 404);
    EXPECT_EQ(w.admin.api("GET", path).status, 404);
    EXPECT_FALSE(
        contains(references(w.coordinator.api("GET", "/api/v1/requests?limit=500")), reference));
    EXPECT_TRUE(references(w.coordinator.api("GET", "/api/v1/requests?status=draft")).empty());
    EXPECT_TRUE(references(w.coordinator.api("GET", "/api/v1/requests?q=" + reference)).empty());
    EXPECT_TRUE(
        contains(references(w.senco.api("GET", "/api/v1/requests?q=" + reference)), reference));

    // Another school cannot delete it; the school can, once.
    EXPECT_EQ(w.coordinator.api("DELETE", path).status, 404);
    auto deleted = w.senco.api("DELETE", path);
    EXPECT_EQ(deleted.status, 204) << deleted.body;
    EXPECT_EQ(w.senco.api("GET", path).status, 404);
    EXPECT_EQ(w.senco.api("DELETE", path).status, 404);

    // A submitted request is the trust's to see and can no longer be deleted.
    auto submitted = w.senco.api("POST", "/api/v1/requests", individual());
    ASSERT_EQ(submitted.status, 201) << submitted.body;
    const std::string submitted_path =
        "/api/v1/requests/" + std::to_string(submitted.json()["id"].get<int>());
    EXPECT_EQ(w.coordinator.api("GET", submitted_path).status, 200);
    expect_error(w.senco.api("DELETE", submitted_path), 409, "not_draft", nullptr);

    // The page offers the deletion for a draft.
    auto again = w.senco.api("POST", "/api/v1/requests", draft_body);
    ASSERT_EQ(again.status, 201);
    const std::string page = "/requests/" + std::to_string(again.json()["id"].get<int>());
    auto pages = browser_for(w.senco);
    auto shown = pages.get(page);
    EXPECT_NE(shown.body.find("Delete draft"), std::string::npos);
    auto gone = pages.post_form(page, page + "/delete", {});
    EXPECT_EQ(gone.status, 303);
    EXPECT_EQ(pages.get(page).status, 404);
}

TEST(RequestSearch, FindsBySchoolReferenceOrPractitionerSortsAndExports) {
    World& w = world();
    auto first = w.senco.api("POST", "/api/v1/requests", individual(30));
    auto second = w.senco.api("POST", "/api/v1/requests", individual(9));
    ASSERT_EQ(first.status, 201);
    ASSERT_EQ(second.status, 201);
    const std::string school = first.json()["school_name"];
    const std::string ref1 = first.json()["reference"], ref2 = second.json()["reference"];

    auto by_reference = references(w.coordinator.api("GET", "/api/v1/requests?q=" + ref2));
    ASSERT_EQ(by_reference.size(), 1u);
    EXPECT_EQ(by_reference[0], ref2);
    auto lower = ref2;
    std::ranges::transform(lower, lower.begin(), [](unsigned char c) { return std::tolower(c); });
    EXPECT_EQ(references(w.coordinator.api("GET", "/api/v1/requests?q=" + lower)).size(), 1u);

    std::string word = school.substr(0, school.find(' '));
    auto by_school = w.coordinator.api("GET", "/api/v1/requests?limit=500&q=" + word);
    ASSERT_EQ(by_school.status, 200);
    EXPECT_TRUE(contains(references(by_school), ref1));
    const auto found = by_school.json();
    for (const auto& item : found["items"])
        EXPECT_NE(item["school_name"].get<std::string>().find(word), std::string::npos);
    EXPECT_TRUE(references(w.coordinator.api("GET", "/api/v1/requests?q=zzqx%25")).empty());

    // Sorted by preferred date, the 9-day request comes before the 30-day one; reversed, after.
    auto position = [&](const std::string& query, const std::string& ref) {
        auto refs = references(
            w.coordinator.api("GET", "/api/v1/requests?limit=500&q=" + word + "&sort=" + query));
        return std::ranges::find(refs, ref) - refs.begin();
    };
    EXPECT_LT(position("preferred_date", ref2), position("preferred_date", ref1));
    EXPECT_GT(position("-preferred_date", ref2), position("-preferred_date", ref1));
    EXPECT_LT(position("-submitted_at", ref2), position("-submitted_at", ref1));
    expect_error(w.coordinator.api("GET", "/api/v1/requests?sort=colour"), 422, "invalid", "sort");

    // Sorted pages follow on from each other without repeats.
    auto page1 = w.coordinator.api("GET", "/api/v1/requests?sort=school&limit=2");
    ASSERT_EQ(page1.status, 200);
    ASSERT_TRUE(page1.json()["next_cursor"].is_string());
    auto page2 = w.coordinator.api("GET", "/api/v1/requests?sort=school&limit=2&cursor=" +
                                              page1.json()["next_cursor"].get<std::string>());
    ASSERT_EQ(page2.status, 200) << page2.body;
    for (const auto& ref : references(page2)) EXPECT_FALSE(contains(references(page1), ref));

    // The export holds the same list, scoped to who asks.
    auto csv = w.coordinator.send({"GET",
                                   "/api/v1/requests.csv?q=" + ref1,
                                   "",
                                   {"Authorization: Bearer " + w.coordinator.token}});
    ASSERT_EQ(csv.status, 200);
    EXPECT_NE(csv.header("content-type").find("text/csv"), std::string::npos);
    EXPECT_TRUE(csv.body.starts_with("Reference,School,"));
    EXPECT_NE(csv.body.find(ref1), std::string::npos);
    EXPECT_EQ(csv.body.find(ref2), std::string::npos);
    EXPECT_EQ(csv.body.find("Observed"), std::string::npos);  // no concern text
    auto theirs = w.finance.send(
        {"GET", "/api/v1/requests.csv", "", {"Authorization: Bearer " + w.finance.token}});
    EXPECT_EQ(theirs.status, 403);

    auto page = browser_for(w.coordinator).get("/requests?q=" + ref1 + "&sort=-school");
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find(ref1), std::string::npos);
    EXPECT_EQ(page.body.find(ref2), std::string::npos);
}

TEST(Feedback, OnlyAfterAVisitHasHappenedAndOnceATerm) {
    World& w = world();
    const int planned = agree(w, 2, 14);
    const std::string early = "/api/v1/agreements/" + std::to_string(planned) + "/feedback";
    expect_error(w.senco.api("POST", early, {{"rating", 4}}), 409, "no_delivered_visit", nullptr);

    Delivered done = deliver(w, {-260}, 4);
    const std::string path = "/api/v1/agreements/" + std::to_string(done.agreement_id);
    auto before = w.coordinator.api("GET", "/api/v1/feedback").json()["items"].size();
    auto given = w.senco.api("POST", path + "/feedback",
                             {{"rating", 5}, {"comments", "Clear and practical."}});
    ASSERT_EQ(given.status, 201) << given.body;
    expect_error(w.senco.api("POST", path + "/feedback", {{"rating", 1}}), 409, "already_given",
                 nullptr);
    auto after = w.coordinator.api("GET", "/api/v1/feedback").json()["items"];
    EXPECT_EQ(after.size(), before + 1);  // the refused one does not count

    // The audit log says which fields were given, never what was written about a child.
    auto audit = w.admin.api("GET", "/api/v1/audit?limit=500").body;
    EXPECT_NE(audit.find("\"fields\""), std::string::npos);
    EXPECT_EQ(audit.find("Clear and practical."), std::string::npos);
    EXPECT_EQ(audit.find("transitions between lessons"), std::string::npos);
    EXPECT_EQ(audit.find("Observed."), std::string::npos);
    auto page = browser_for(w.admin).get("/audit?entity=request");
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("Request OR-"), std::string::npos);
    EXPECT_EQ(page.body.find("{&quot;"), std::string::npos);  // no raw JSON
}

TEST(AgreementChange, TheSchoolMayAskForAChangeInsteadOfAccepting) {
    World& w = world();
    const int id = draft_agreement(w, 4, 90);
    const std::string path = "/api/v1/agreements/" + std::to_string(id);
    const int request_id = w.senco.api("GET", path).json()["request_id"];
    const std::string request = "/api/v1/requests/" + std::to_string(request_id);

    expect_error(w.senco.api("POST", path + "/change-request", {{"note", "  "}}), 422, "required",
                 "note");
    EXPECT_EQ(w.coordinator.api("POST", path + "/change-request", {{"note", "Fewer"}}).status, 403);
    EXPECT_EQ(w.practitioner.api("POST", path + "/change-request", {{"note", "Fewer"}}).status,
              403);
    const auto inbox_before = w.coordinator.api("GET", "/api/v1/notifications").json()["items"];

    auto changed = w.senco.api("POST", path + "/change-request",
                               {{"note", "Fortnightly visits would suit our timetable."}});
    ASSERT_EQ(changed.status, 200) << changed.body;
    EXPECT_EQ(changed.json()["status"], "assigned");
    EXPECT_EQ(w.senco.api("GET", path).status, 404);  // the draft is withdrawn
    EXPECT_EQ(w.senco.api("POST", path + "/accept").status, 404);
    auto history = w.coordinator.api("GET", request).json()["history"];
    bool noted = false;
    for (const auto& event : history)
        noted = noted || event.dump().find("Fortnightly visits") != std::string::npos;
    EXPECT_TRUE(noted) << history.dump();
    // The coordinators are told; the school's words stay out of the email and the audit log.
    const auto inbox_after = w.coordinator.api("GET", "/api/v1/notifications").json()["items"];
    ASSERT_GT(inbox_after.size(), inbox_before.size());
    EXPECT_NE(inbox_after[0]["subject"].get<std::string>().find("Change asked for"),
              std::string::npos);
    EXPECT_EQ(inbox_after[0].dump().find("Fortnightly"), std::string::npos);
    EXPECT_EQ(w.admin.api("GET", "/api/v1/audit?limit=500").body.find("Fortnightly"),
              std::string::npos);

    // The trust draws up a new agreement, which the school then accepts.
    auto again = w.coordinator.api("POST", request + "/agreement",
                                   {{"type", "Observation"},
                                    {"level", "teacher"},
                                    {"frequency", "fortnightly"},
                                    {"sessions", 4},
                                    {"session_days", 1},
                                    {"start_date", day(90)},
                                    {"outcomes", {"Calmer transitions"}}});
    ASSERT_EQ(again.status, 201) << again.body;
    const std::string redrawn =
        "/api/v1/agreements/" + std::to_string(again.json()["id"].get<int>());
    EXPECT_EQ(w.senco.api("POST", redrawn + "/accept").status, 200);
    expect_error(w.senco.api("POST", redrawn + "/change-request", {{"note", "Too late"}}), 409,
                 "not_draft", nullptr);
}

TEST(AgreementChange, AQuoteIsPreviewedBeforeTheAgreementIsSent) {
    World& w = world();
    const std::string path = assigned_request(w, individual());
    const nlohmann::json terms{{"type", "Observation"},
                               {"level", "teacher"},
                               {"frequency", "weekly"},
                               {"sessions", 3},
                               {"session_days", 1},
                               {"start_date", day(70)},
                               {"outcomes", {"Calmer transitions"}}};
    auto preview = w.coordinator.api("POST", path + "/agreement/quote", terms);
    ASSERT_EQ(preview.status, 200) << preview.body;
    const auto quote = preview.json();
    EXPECT_GE(quote["total_pence"].get<std::int64_t>(), 3 * 19000);  // three teacher days
    EXPECT_EQ(quote["lines"][0]["amount_pence"], 3 * 19000);
    // Nothing was drawn up: the request still waits for its agreement.
    EXPECT_TRUE(w.coordinator.api("GET", path).json()["agreement_id"].is_null());
    auto bad = terms;
    bad["sessions"] = 0;
    EXPECT_EQ(w.coordinator.api("POST", path + "/agreement/quote", bad).status, 422);
    EXPECT_EQ(w.senco.api("POST", path + "/agreement/quote", terms).status, 403);
    // The practitioner sees only their own travel.
    auto theirs = w.practitioner.api("POST", path + "/agreement/quote", terms).json();
    for (const auto& line : theirs["lines"]) EXPECT_NE(line["amount_pence"], 3 * 19000);

    // On the page, "Preview the quote" shows it and keeps the form; sending draws it up.
    Client coordinator = browser_for(w.coordinator);
    const std::string page = path.substr(std::string("/api/v1").size());
    std::vector<std::pair<std::string, std::string>> form{{"type", "Observation"},
                                                          {"level", "teacher"},
                                                          {"frequency", "weekly"},
                                                          {"sessions", "3"},
                                                          {"session_days", "1"},
                                                          {"start_date", day(70)},
                                                          {"outcomes", "Calmer transitions"}};
    auto previewed = form;
    previewed.emplace_back("action", "preview");
    auto shown = coordinator.post_form(page + "/agreement", page + "/agreement", previewed);
    ASSERT_EQ(shown.status, 200) << shown.body;
    EXPECT_NE(shown.body.find("id=\"quote-preview\""), std::string::npos);
    EXPECT_NE(shown.body.find("£570.00"), std::string::npos);
    EXPECT_TRUE(w.coordinator.api("GET", path).json()["agreement_id"].is_null());
    form.emplace_back("action", "send");
    EXPECT_EQ(coordinator.post_form(page + "/agreement", page + "/agreement", form).status, 303);
    EXPECT_FALSE(w.coordinator.api("GET", path).json()["agreement_id"].is_null());
}

TEST(AgreementChange, ThePageOffersItBesideAccepting) {
    World& w = world();
    const int id = draft_agreement(w, 2, 95);
    const int request_id =
        w.senco.api("GET", "/api/v1/agreements/" + std::to_string(id)).json()["request_id"];
    Client senco = browser_for(w.senco);
    const std::string page = "/requests/" + std::to_string(request_id);
    auto shown = senco.get(page);
    ASSERT_EQ(shown.status, 200);
    EXPECT_NE(shown.body.find("Waiting for the school to accept the agreement"), std::string::npos);
    const std::string action = "/agreements/" + std::to_string(id) + "/change-request";
    EXPECT_NE(shown.body.find("action=\"" + action + "\""), std::string::npos);
    auto empty = senco.post_form(page, action, {{"note", ""}});
    EXPECT_EQ(empty.status, 422);
    EXPECT_NE(empty.body.find("id=\"note-error\""), std::string::npos);
    auto asked = senco.post_form(page, action, {{"note", "Could the visits start later?"}});
    EXPECT_EQ(asked.status, 303);
    auto after = senco.get(page);
    EXPECT_NE(after.body.find("Waiting for the trust to draw up the agreement"), std::string::npos);
    EXPECT_NE(after.body.find("Could the visits start later?"), std::string::npos);
}

TEST(Search, EachFilterKeepsTheRequestsItNamesAndOnlyThose) {
    World& w = world();
    auto body = individual();
    body["school_urn"] = kOtherSchool;  // the coordinator asks on the other school's behalf
    body["expertise_level"] = "slt";
    body["pupils"] = {pupil("ZQ", "ehcp", "PMLD")};
    auto made = w.coordinator.api("POST", "/api/v1/requests", body);
    ASSERT_EQ(made.status, 201) << made.body;
    const std::string reference = made.json()["reference"];
    auto found = [&](const std::string& filters) {
        return contains(
            references(w.coordinator.api("GET", "/api/v1/requests?limit=500&" + filters)),
            reference);
    };
    const std::string other = std::to_string(kOtherSchool), own = std::to_string(kOwnSchool);
    EXPECT_TRUE(found("status=submitted"));
    EXPECT_FALSE(found("status=accepted"));
    EXPECT_TRUE(found("level=slt"));
    EXPECT_FALSE(found("level=specialist_ta"));
    EXPECT_TRUE(found("need=PMLD"));
    EXPECT_FALSE(found("need=ASD"));
    EXPECT_TRUE(found("school_urn=" + other));
    EXPECT_FALSE(found("school_urn=" + own));
    EXPECT_TRUE(found("older_than_days=0"));
    EXPECT_FALSE(found("older_than_days=30"));
    EXPECT_TRUE(found("service=outreach"));
    EXPECT_FALSE(found("service=educational_psychology"));
    // Together, every filter must hold; sorted, the same filters apply.
    EXPECT_TRUE(found("status=submitted&level=slt&need=PMLD&school_urn=" + other +
                      "&older_than_days=0&q=" + reference + "&sort=-school"));
    EXPECT_FALSE(found("status=submitted&level=slt&need=ASD&school_urn=" + other));
    EXPECT_FALSE(found("level=slt&school_urn=" + own + "&sort=preferred_date"));
}

}  // namespace sendhub::testing
