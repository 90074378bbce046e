// Peer review clusters (api-contract-peer-review.md): clusters, Partnership Days, Reality &
// Goals, reviews with reviewers from other member schools, lines of enquiry, findings,
// publication, actions with follow-ups, who sees what, the cluster's themes, and the pages.
#include <gtest/gtest.h>

#include "world.hpp"

namespace sendhub::testing {
namespace {

//! A school of its own for each test, with a signed-in SENCO.
struct MemberSchool {
    int urn = 0;
    std::string name;
    int senco_id = 0;
    std::string senco_email;
    Client senco{server().base_url()};
};

MemberSchool member_school() {
    static int next = 995100;
    World& w = world();
    MemberSchool m;
    m.urn = ++next;
    m.name = "Peer School " + std::to_string(m.urn);
    auto school = w.admin.api("POST", "/api/v1/schools",
                              {{"urn", m.urn},
                               {"name", m.name},
                               {"postcode", "TA1 3ES"},
                               {"phase", "primary"},
                               {"local_authority", "Somerset"},
                               {"relationship", "partner"}});
    EXPECT_EQ(school.status, 201) << school.body;
    m.senco_email = "peer" + std::to_string(m.urn) + "@it.example.org";
    auto user = w.admin.api("POST", "/api/v1/users",
                            {{"email", m.senco_email},
                             {"name", "SENCO of " + std::to_string(m.urn)},
                             {"role", "senco"},
                             {"school_urn", m.urn},
                             {"password", "a-long-test-password"}});
    EXPECT_EQ(user.status, 201) << user.body;
    m.senco_id = user.json()["id"];
    EXPECT_EQ(m.senco.login_api(m.senco_email, "a-long-test-password"), 200);
    return m;
}

int framework(Client& c) {
    auto r = c.api("POST", "/api/v1/frameworks",
                   {{"name", "Peer review framework"},
                    {"scale_max", 4},
                    {"areas",
                     {{{"title", "Leadership"}, {"statements", {"SEND is led well", "Governors"}}},
                      {{"title", "Teaching"}, {"statements", {"Teaching is adaptive"}}},
                      {{"title", "Families"}, {"statements", {"Families are heard"}}}}}});
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json()["id"];
}

std::vector<int> statements_of(Client& c, int framework_id) {
    auto f = c.api("GET", "/api/v1/frameworks/" + std::to_string(framework_id)).json();
    std::vector<int> ids;
    for (const auto& a : f["areas"])
        for (const auto& s : a["statements"]) ids.push_back(s["id"]);
    return ids;
}

int user_id(Client& c) {
    auto me = c.api("GET", "/api/v1/me").json();
    return me["id"];
}

//! The own school (its SENCO and headteacher in the world) with two new members, and one
//! school outside.
struct Cluster {
    int id = 0;
    int framework_id = 0;
    MemberSchool b = member_school();
    MemberSchool c = member_school();
    MemberSchool outside = member_school();
};

Cluster cluster() {
    World& w = world();
    Cluster k;
    k.framework_id = framework(w.coordinator);
    auto r = w.coordinator.api("POST", "/api/v1/clusters",
                               {{"name", "Test primary cluster"},
                                {"phase", "primary"},
                                {"framework_id", k.framework_id},
                                {"school_urns", {kOwnSchool, k.b.urn, k.c.urn}}});
    EXPECT_EQ(r.status, 201) << r.body;
    k.id = r.json()["id"];
    return k;
}

std::string cluster_path(int id) {
    return "/api/v1/clusters/" + std::to_string(id);
}
std::string review_path(int id) {
    return "/api/v1/reviews/" + std::to_string(id);
}

//! A draft review hosted by the own school, reviewed by member b's SENCO.
int review(Cluster& k) {
    auto r = world().senco.api("POST", "/api/v1/reviews",
                               {{"cluster_id", k.id},
                                {"host_urn", kOwnSchool},
                                {"date", "2027-02-10"},
                                {"reviewer_ids", {k.b.senco_id}}});
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json()["id"];
}

bool listed(Client& c, const std::string& path, int id) {
    auto list = c.api("GET", path).json();
    for (const auto& item : list["items"])
        if (item["id"] == id) return true;
    return false;
}

}  // namespace

TEST(PeerReview, TheTrustFormsClustersWithEveryRuleChecked) {
    World& w = world();
    Cluster k = cluster();
    auto got = w.partnerships.api("GET", cluster_path(k.id));
    ASSERT_EQ(got.status, 200) << got.body;
    auto body = got.json();
    EXPECT_EQ(body["phase"], "primary");
    EXPECT_EQ(body["framework_id"], k.framework_id);
    ASSERT_EQ(body["schools"].size(), 3u);
    EXPECT_EQ(body["schools"][1]["name"], k.b.name);
    EXPECT_EQ(body["partnership_days"], nlohmann::json::array());
    EXPECT_EQ(body["reality_goals"], nlohmann::json::array());

    nlohmann::json good{{"name", "Cluster"},
                        {"phase", "cross_phase"},
                        {"framework_id", k.framework_id},
                        {"school_urns", {kOwnSchool, k.b.urn}}};
    struct Case {
        const char* field;
        nlohmann::json value;
        const char* code;
    };
    for (const auto& [field, value, code] :
         {Case{"name", "", "required"}, Case{"phase", "infant", "invalid"},
          Case{"framework_id", 999999, "invalid"},
          Case{"school_urns", {kOwnSchool, kOwnSchool}, "members_count"},
          Case{"school_urns", {kOwnSchool, 999997}, "unknown_school"}}) {
        auto bad = good;
        bad[field] = value;
        expect_error(w.admin.api("POST", "/api/v1/clusters", bad), 422, code, field);
    }
    for (Client* c : {&w.senco, &w.headteacher, &w.school_staff, &w.finance, &w.practitioner})
        expect_error(c->api("POST", "/api/v1/clusters", good), 403, "forbidden", nullptr);

    // A member school's leads see it; a school outside does not even learn it exists.
    EXPECT_EQ(w.headteacher.api("GET", cluster_path(k.id)).status, 200);
    EXPECT_TRUE(listed(w.senco, "/api/v1/clusters", k.id));
    expect_error(k.outside.senco.api("GET", cluster_path(k.id)), 404, "not_found", nullptr);
    EXPECT_FALSE(listed(k.outside.senco, "/api/v1/clusters", k.id));
    for (Client* c : {&w.school_staff, &w.finance, &w.practitioner})
        expect_error(c->api("GET", cluster_path(k.id)), 403, "forbidden", nullptr);
}

TEST(PeerReview, PartnershipDaysAndRealityAndGoalsBelongToTheCluster) {
    World& w = world();
    Cluster k = cluster();
    const std::string days = cluster_path(k.id) + "/partnership-days";
    auto day = w.coordinator.api("POST", days, {{"date", "2026-11-20"}, {"notes", "Shared goals"}});
    ASSERT_EQ(day.status, 201) << day.body;
    EXPECT_EQ(day.json()["date"], "2026-11-20");
    expect_error(w.coordinator.api("POST", days, {{"date", "2026-11-20"}, {"notes", " "}}), 422,
                 "required", "notes");
    expect_error(w.coordinator.api("POST", days, {{"date", "2026-02-30"}, {"notes", "n"}}), 422,
                 "invalid", "date");
    expect_error(w.senco.api("POST", days, {{"date", "2026-11-20"}, {"notes", "n"}}), 403,
                 "forbidden", nullptr);

    const std::string goals = cluster_path(k.id) + "/reality-goals";
    nlohmann::json own{{"school_urn", kOwnSchool},
                       {"year", "2026-27"},
                       {"current_reality", "Early identification is strong"},
                       {"goals", "Adaptive teaching in every class"}};
    EXPECT_EQ(w.senco.api("POST", goals, own).status, 201);
    own["goals"] = "Adaptive teaching everywhere";
    auto replaced = w.headteacher.api("POST", goals, own);
    EXPECT_EQ(replaced.status, 200) << replaced.body;
    for (const auto& [field, value, code] :
         std::vector<std::tuple<const char*, nlohmann::json, const char*>>{
             {"year", "2026-28", "invalid"},
             {"year", "26-27", "invalid"},
             {"current_reality", "", "required"},
             {"goals", nullptr, "required"},
             {"school_urn", k.outside.urn, "not_member"}}) {
        auto bad = own;
        bad[field] = value;
        expect_error(w.coordinator.api("POST", goals, bad), 422, code, field);
    }
    auto theirs = own;
    theirs["school_urn"] = k.b.urn;
    expect_error(w.senco.api("POST", goals, theirs), 404, "not_found", nullptr);
    EXPECT_EQ(k.b.senco.api("POST", goals, theirs).status, 201);
    EXPECT_EQ(w.partnerships.api("POST", goals, theirs).status, 200);
    expect_error(k.outside.senco.api("POST", goals, own), 404, "not_found", nullptr);

    auto shown = w.senco.api("GET", cluster_path(k.id)).json();
    ASSERT_EQ(shown["partnership_days"].size(), 1u);
    EXPECT_EQ(shown["partnership_days"][0]["notes"], "Shared goals");
    ASSERT_EQ(shown["reality_goals"].size(), 2u);
    bool found = false;
    for (const auto& g : shown["reality_goals"])
        if (g["school_urn"] == kOwnSchool) {
            found = true;
            EXPECT_EQ(g["goals"], "Adaptive teaching everywhere");
            EXPECT_EQ(g["year"], "2026-27");
        }
    EXPECT_TRUE(found);
}

TEST(PeerReview, ReviewersComeFromOtherMemberSchoolsAndAreEmailed) {
    World& w = world();
    Cluster k = cluster();
    nlohmann::json good{{"cluster_id", k.id},
                        {"host_urn", kOwnSchool},
                        {"date", "2027-01-20"},
                        {"reviewer_ids", {k.b.senco_id}}};
    auto bad = [&](const char* field, nlohmann::json value, const char* code,
                   const char* error_field) {
        auto body = good;
        body[field] = std::move(value);
        expect_error(w.coordinator.api("POST", "/api/v1/reviews", body), 422, code, error_field);
    };
    bad("host_urn", k.outside.urn, "not_member", "host_urn");
    bad("reviewer_ids", nlohmann::json::array(), "required", "reviewer_ids");
    bad("reviewer_ids", {user_id(w.headteacher)}, "reviewer_from_host", "reviewer_ids");
    bad("reviewer_ids", {k.outside.senco_id}, "reviewer_not_in_cluster", "reviewer_ids");
    bad("reviewer_ids", {user_id(w.coordinator)}, "reviewer_not_in_cluster", "reviewer_ids");
    bad("reviewer_ids", {987654321}, "invalid", "reviewer_ids");
    // Only the host's own leads (or the trust's) arrange its review.
    expect_error(k.c.senco.api("POST", "/api/v1/reviews", good), 403, "forbidden", nullptr);
    expect_error(w.school_staff.api("POST", "/api/v1/reviews", good), 403, "forbidden", nullptr);

    auto made = w.senco.api("POST", "/api/v1/reviews", good);
    ASSERT_EQ(made.status, 201) << made.body;
    auto body = made.json();
    EXPECT_EQ(body["status"], "draft");
    EXPECT_EQ(body["host_urn"], kOwnSchool);
    ASSERT_EQ(body["reviewers"].size(), 1u);
    EXPECT_EQ(body["reviewers"][0]["id"], k.b.senco_id);
    EXPECT_EQ(body["reviewers"][0]["school_urn"], k.b.urn);
    EXPECT_TRUE(body["host_self_evaluation"].is_null());
    const auto mail = emails_to(k.b.senco_email, "peer_review_invitation");
    ASSERT_FALSE(mail.empty());
    EXPECT_NE(mail.back().find("Wednesday 20 January 2027"), std::string::npos) << mail.back();

    // The host's latest self-evaluation against the cluster's framework is beside the review.
    const auto ids = statements_of(w.coordinator, k.framework_id);
    for (const auto& [period, rating] : {std::pair{"2026-27 autumn", 2}, {"2026-27 spring", 3}}) {
        auto saved = w.senco.api(
            "POST", "/api/v1/self-evaluations",
            {{"school_urn", kOwnSchool},
             {"framework_id", k.framework_id},
             {"period", period},
             {"ratings", {{{"statement_id", ids[0]}, {"rating", rating}, {"evidence", "Seen"}}}}});
        ASSERT_LT(saved.status, 300) << saved.body;
    }
    auto seen = k.b.senco.api("GET", review_path(body["id"]));
    ASSERT_EQ(seen.status, 200) << seen.body;
    auto evaluation = seen.json()["host_self_evaluation"];
    EXPECT_EQ(evaluation["period"], "2026-27 spring");
    EXPECT_EQ(evaluation["ratings"][0]["rating"], 3);
}

TEST(PeerReview, ADraftIsSeenByItsHostReviewersAndTrustAndOncePublishedByTheCluster) {
    World& w = world();
    Cluster k = cluster();
    const int id = review(k);
    const std::string path = review_path(id);
    for (Client* c : {&w.senco, &w.headteacher, &k.b.senco, &w.coordinator, &w.partnerships})
        EXPECT_EQ(c->api("GET", path).status, 200);
    expect_error(k.c.senco.api("GET", path), 404, "not_found", nullptr);
    EXPECT_FALSE(listed(k.c.senco, "/api/v1/reviews", id));
    EXPECT_TRUE(listed(k.b.senco, "/api/v1/reviews?cluster_id=" + std::to_string(k.id), id));
    expect_error(w.finance.api("GET", path), 403, "forbidden", nullptr);
    expect_error(w.school_staff.api("GET", "/api/v1/reviews"), 403, "forbidden", nullptr);

    expect_error(k.b.senco.api("POST", path + "/publish"), 403, "forbidden", nullptr);
    expect_error(w.coordinator.api("POST", path + "/publish"), 403, "forbidden", nullptr);
    auto published = w.headteacher.api("POST", path + "/publish");
    ASSERT_EQ(published.status, 200) << published.body;
    EXPECT_EQ(published.json()["status"], "published");
    expect_error(w.senco.api("POST", path + "/publish"), 409, "already_published", nullptr);

    EXPECT_EQ(k.c.senco.api("GET", path).status, 200);
    EXPECT_TRUE(listed(k.c.senco, "/api/v1/reviews", id));
    expect_error(k.outside.senco.api("GET", path), 404, "not_found", nullptr);
    EXPECT_FALSE(listed(k.outside.senco, "/api/v1/reviews", id));
    // A member who may read it but not act on it is told so.
    expect_error(
        k.c.senco.api(
            "POST", path + "/actions",
            {{"text", "t"}, {"owner", "o"}, {"due_date", "2027-03-01"}, {"impact_measure", "m"}}),
        403, "forbidden", nullptr);
}

TEST(PeerReview, LinesFindingsActionsAndFollowUpsFollowTheirRules) {
    World& w = world();
    Cluster k = cluster();
    const int id = review(k);
    const std::string path = review_path(id);
    const auto ids = statements_of(w.coordinator, k.framework_id);
    const auto foreign = statements_of(w.coordinator, framework(w.coordinator));

    auto line = k.b.senco.api("POST", path + "/lines",
                              {{"statement_id", ids[2]}, {"question", "How is teaching adapted?"}});
    ASSERT_EQ(line.status, 201) << line.body;
    EXPECT_EQ(line.json()["area"], "Teaching");
    const int line_id = line.json()["id"];
    expect_error(
        w.senco.api("POST", path + "/lines", {{"statement_id", foreign[0]}, {"question", "q"}}),
        422, "invalid", "statement_id");
    expect_error(
        w.coordinator.api("POST", path + "/lines", {{"statement_id", ids[0]}, {"question", ""}}),
        422, "required", "question");

    nlohmann::json finding{{"line_id", line_id},
                           {"kind", "area_for_development"},
                           {"text", "Adaptations rely on adults"},
                           {"evidence", "Four lesson visits"}};
    expect_error(w.senco.api("POST", path + "/findings", finding), 403, "forbidden", nullptr);
    expect_error(w.coordinator.api("POST", path + "/findings", finding), 403, "forbidden", nullptr);
    auto found = k.b.senco.api("POST", path + "/findings", finding);
    ASSERT_EQ(found.status, 201) << found.body;
    EXPECT_EQ(found.json()["kind"], "area_for_development");
    const int finding_id = found.json()["id"];
    auto bad_kind = finding;
    bad_kind["kind"] = "weakness";
    expect_error(k.b.senco.api("POST", path + "/findings", bad_kind), 422, "invalid", "kind");
    auto no_text = finding;
    no_text["text"] = "";
    expect_error(k.b.senco.api("POST", path + "/findings", no_text), 422, "required", "text");
    const int other = review(k);
    auto other_line = k.b.senco.api("POST", review_path(other) + "/lines",
                                    {{"statement_id", ids[0]}, {"question", "Another"}});
    auto wrong_line = finding;
    wrong_line["line_id"] = other_line.json()["id"];
    expect_error(k.b.senco.api("POST", path + "/findings", wrong_line), 422, "invalid", "line_id");

    nlohmann::json action{{"text", "Train teaching assistants"},
                          {"owner", "SENCO"},
                          {"due_date", "2027-03-31"},
                          {"impact_measure", "Pupils work independently"},
                          {"finding_id", finding_id}};
    for (const char* field : {"text", "owner", "due_date", "impact_measure"}) {
        auto bad = action;
        bad.erase(field);
        expect_error(w.senco.api("POST", path + "/actions", bad), 422, "required", field);
    }
    auto bad_date = action;
    bad_date["due_date"] = "31/03/2027";
    expect_error(w.senco.api("POST", path + "/actions", bad_date), 422, "invalid", "due_date");
    expect_error(k.b.senco.api("POST", path + "/actions", action), 403, "forbidden", nullptr);
    auto made = w.senco.api("POST", path + "/actions", action);
    ASSERT_EQ(made.status, 201) << made.body;
    EXPECT_EQ(made.json()["status"], "open");
    EXPECT_EQ(made.json()["finding_id"], finding_id);
    EXPECT_EQ(made.json()["follow_ups"], nlohmann::json::array());
    const std::string follow =
        path + "/actions/" + std::to_string(int(made.json()["id"])) + "/follow-ups";
    expect_error(w.senco.api("POST", follow, {{"note", "n"}, {"status", "closed"}}), 422, "invalid",
                 "status");
    auto progressed = w.coordinator.api("POST", follow, {{"note", "Booked"}, {"status", "open"}});
    ASSERT_EQ(progressed.status, 200) << progressed.body;
    auto done = w.senco.api("POST", follow, {{"note", "Trained"}, {"status", "done"}});
    ASSERT_EQ(done.status, 200) << done.body;
    auto a = done.json();
    EXPECT_EQ(a["status"], "done");
    ASSERT_EQ(a["follow_ups"].size(), 2u);
    EXPECT_EQ(a["follow_ups"][1]["note"], "Trained");
    EXPECT_EQ(a["follow_ups"][1]["status"], "done");
    EXPECT_EQ(a["follow_ups"][1]["date"].get<std::string>().size(), 10u);
    expect_error(w.senco.api("POST", path + "/actions/999999/follow-ups",
                             {{"note", "n"}, {"status", "open"}}),
                 404, "not_found", nullptr);

    ASSERT_EQ(w.senco.api("POST", path + "/publish").status, 200);
    expect_error(
        k.b.senco.api("POST", path + "/lines", {{"statement_id", ids[0]}, {"question", "Late"}}),
        409, "review_published", nullptr);
    expect_error(k.b.senco.api("POST", path + "/findings", finding), 409, "review_published",
                 nullptr);
    EXPECT_EQ(w.senco.api("POST", path + "/actions", action).status, 201)
        << "actions go on after publication";
}

TEST(PeerReview, ThemesCountPublishedFindingsByAreaMostAreasForDevelopmentFirst) {
    World& w = world();
    Cluster k = cluster();
    const auto ids = statements_of(w.coordinator, k.framework_id);
    auto add = [&](int review_id, int statement, const char* kind) {
        const std::string path = review_path(review_id);
        auto line = k.b.senco.api("POST", path + "/lines",
                                  {{"statement_id", statement}, {"question", "Question"}});
        auto r =
            k.b.senco.api("POST", path + "/findings",
                          {{"line_id", line.json()["id"]}, {"kind", kind}, {"text", "Finding"}});
        EXPECT_EQ(r.status, 201) << r.body;
    };
    const int first = review(k);
    add(first, ids[2], "area_for_development");
    add(first, ids[2], "area_for_development");
    add(first, ids[0], "strength");
    add(first, ids[3], "area_for_development");
    ASSERT_EQ(w.senco.api("POST", review_path(first) + "/publish").status, 200);
    const int draft = review(k);
    add(draft, ids[0], "area_for_development");  // not published: not counted

    auto themes = k.c.senco.api("GET", cluster_path(k.id) + "/themes");
    ASSERT_EQ(themes.status, 200) << themes.body;
    auto t = themes.json();
    EXPECT_EQ(t["cluster_id"], k.id);
    EXPECT_EQ(t["published_reviews"], 1);
    ASSERT_EQ(t["areas"].size(), 3u);
    EXPECT_EQ(t["areas"][0]["title"], "Teaching");
    EXPECT_EQ(t["areas"][0]["areas_for_development"], 2);
    EXPECT_EQ(t["areas"][1]["title"], "Families");
    EXPECT_EQ(t["areas"][2]["title"], "Leadership");
    EXPECT_EQ(t["areas"][2]["strengths"], 1);
    EXPECT_EQ(t["areas"][2]["areas_for_development"], 0);
    expect_error(k.outside.senco.api("GET", cluster_path(k.id) + "/themes"), 404, "not_found",
                 nullptr);
}

TEST(PeerReviewPages, AHostArrangesAReviewAndReviewersRecordFindingsThroughTheForms) {
    World& w = world();
    Cluster k = cluster();
    const std::string cluster_page = "/clusters/" + std::to_string(k.id);
    Client senco = browser_for(w.senco);
    auto page = senco.get(cluster_page);
    ASSERT_EQ(page.status, 200) << page.body.substr(0, 500);
    EXPECT_NE(page.body.find(k.b.name), std::string::npos);
    auto bad = senco.post_form(cluster_page, cluster_page + "/reviews",
                               {{"review.host_urn", std::to_string(kOwnSchool)},
                                {"review.date-day", "10"},
                                {"review.date-month", "2"},
                                {"review.date-year", "2027"}});
    EXPECT_EQ(bad.status, 422);
    EXPECT_NE(bad.body.find("Choose one or more reviewers"), std::string::npos);
    auto made = senco.post_form(cluster_page, cluster_page + "/reviews",
                                {{"review.host_urn", std::to_string(kOwnSchool)},
                                 {"review.date-day", "10"},
                                 {"review.date-month", "2"},
                                 {"review.date-year", "2027"},
                                 {"review.reviewer_ids", std::to_string(k.b.senco_id)},
                                 {"review.reviewer_ids", std::to_string(k.c.senco_id)}});
    ASSERT_EQ(made.status, 303) << made.body.substr(0, 1000);
    const std::string review_page = made.header("location");
    ASSERT_TRUE(review_page.starts_with("/reviews/")) << review_page;

    Client reviewer = browser_for(k.b.senco);
    const auto ids = statements_of(w.coordinator, k.framework_id);
    auto no_question = reviewer.post_form(review_page, review_page + "/lines",
                                          {{"line.statement_id", std::to_string(ids[1])}});
    EXPECT_EQ(no_question.status, 422);
    EXPECT_NE(no_question.body.find("Enter the question to explore"), std::string::npos);
    ASSERT_EQ(reviewer
                  .post_form(review_page, review_page + "/lines",
                             {{"line.statement_id", std::to_string(ids[1])},
                              {"line.question", "Do governors check impact?"}})
                  .status,
              303);
    const auto lines = k.b.senco.api("GET", "/api/v1" + review_page).json()["lines_of_enquiry"];
    ASSERT_EQ(lines.size(), 1u);
    ASSERT_EQ(reviewer
                  .post_form(review_page, review_page + "/findings",
                             {{"finding.line_id", std::to_string(int(lines[0]["id"]))},
                              {"finding.kind", "strength"},
                              {"finding.text", "Governors visit termly"},
                              {"finding.evidence", "Minutes"}})
                  .status,
              303);
    EXPECT_NE(senco.get(review_page).body.find("Governors visit termly"), std::string::npos);
    EXPECT_EQ(senco.post_form(review_page, review_page + "/publish", {}).status, 303);
    auto report = senco.get(review_page + "/report.pdf");
    EXPECT_EQ(report.status, 200);
    EXPECT_TRUE(report.body.starts_with("%PDF")) << report.body.substr(0, 20);

    EXPECT_EQ(browser_for(k.outside.senco).get(cluster_page).status, 404);
    EXPECT_EQ(browser_for(k.outside.senco).get(review_page).status, 404);
    EXPECT_EQ(browser_for(w.finance).get("/clusters").status, 403);
    Client nobody(server().base_url());
    EXPECT_EQ(nobody.get("/clusters").status, 303);
}

}  // namespace sendhub::testing

namespace sendhub::testing {

TEST(PeerReviewPages, TheTrustRecordsDaysAndSchoolsTheirRealityAndGoalsBesideTheirBoxes) {
    World& w = world();
    auto k = cluster();
    const std::string page = "/clusters/" + std::to_string(k.id);
    Client coordinator = browser_for(w.coordinator);
    auto no_notes = coordinator.post_form(page, page + "/partnership-days",
                                          {{"day.date-day", "3"},
                                           {"day.date-month", "11"},
                                           {"day.date-year", "2026"},
                                           {"day.notes", ""}});
    EXPECT_EQ(no_notes.status, 422);
    EXPECT_NE(no_notes.body.find("id=\"day-notes-error\""), std::string::npos)
        << "the message is beside the notes box";
    EXPECT_EQ(coordinator
                  .post_form(page, page + "/partnership-days",
                             {{"day.date-day", "3"},
                              {"day.date-month", "11"},
                              {"day.date-year", "2026"},
                              {"day.notes", "Strengths and challenges shared"}})
                  .status,
              303);
    EXPECT_NE(coordinator.get(page).body.find("3 November 2026"), std::string::npos);

    Client senco = browser_for(w.senco);
    auto own = senco.get(page).body;
    EXPECT_EQ(own.find("action=\"" + page + "/partnership-days\""), std::string::npos)
        << "only the trust records Partnership Days";
    EXPECT_EQ(own.find("value=\"" + std::to_string(user_id(w.headteacher)) + "\""),
              std::string::npos)
        << "a school arranging its own review is not offered its own staff as reviewers";
    EXPECT_NE(own.find("value=\"" + std::to_string(k.b.senco_id) + "\""), std::string::npos);
    auto bad_year = senco.post_form(page, page + "/reality-goals",
                                    {{"goals.school_urn", std::to_string(kOwnSchool)},
                                     {"goals.year", "2026-2027"},
                                     {"goals.current_reality", "Where we are"},
                                     {"goals.goals", "Where we go"}});
    EXPECT_EQ(bad_year.status, 422);
    EXPECT_NE(bad_year.body.find("id=\"goals-year-error\""), std::string::npos);
    EXPECT_EQ(senco
                  .post_form(page, page + "/reality-goals",
                             {{"goals.school_urn", std::to_string(kOwnSchool)},
                              {"goals.year", "2026-27"},
                              {"goals.current_reality", "Where we are"},
                              {"goals.goals", "Where we go next"}})
                  .status,
              303);
    EXPECT_NE(senco.get(page).body.find("Where we go next"), std::string::npos);
    EXPECT_EQ(browser_for(w.finance).get(page).status, 403);
}

}  // namespace sendhub::testing
