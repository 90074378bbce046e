// Schools' termly returns, the CSV import's all-or-nothing rule, self-evaluation frameworks,
// schools' self-evaluations and the heat map (api-contract-insight.md).
#include <gtest/gtest.h>

#include "world.hpp"

namespace sendhub::testing {
namespace {

// A term no other test uses, so each test counts only its own rows.
std::string fresh_term() {
    static int next = 2040;
    ++next;
    return std::to_string(next) + "-" + std::to_string((next + 1) % 100) + " spring";
}

//! A term as it goes in a query string.
std::string query_term(std::string term) {
    return term.replace(term.find(' '), 1, "%20");
}

HttpResponse post_csv(Client& c, const std::string& csv) {
    return c.send({"POST",
                   "/api/v1/school-returns/import",
                   csv,
                   {"Content-Type: text/csv", "Authorization: Bearer " + c.token}});
}

int framework(Client& c, int scale_max = 4) {
    auto r = c.api("POST", "/api/v1/frameworks",
                   {{"name", "SEND self-evaluation"},
                    {"scale_max", scale_max},
                    {"areas",
                     {{{"title", "Leadership"},
                       {"topic", "Leadership and SEND"},
                       {"statements", {"SEND is led well", "Governors know SEND"}}},
                      {{"title", "Teaching"}, {"statements", {"Teaching is adaptive"}}}}}});
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json()["id"];
}

std::vector<int> statement_ids(Client& c, int framework_id) {
    auto f = c.api("GET", "/api/v1/frameworks/" + std::to_string(framework_id)).json();
    std::vector<int> ids;
    for (const auto& a : f["areas"])
        for (const auto& s : a["statements"]) ids.push_back(s["id"]);
    return ids;
}

nlohmann::json evaluation(int school, int framework_id, const std::string& period,
                          const std::vector<std::pair<int, int>>& ratings) {
    nlohmann::json items = nlohmann::json::array();
    for (auto [id, rating] : ratings)
        items.push_back(
            {{"statement_id", id}, {"rating", rating}, {"evidence", "Seen in lessons"}});
    return {{"school_urn", school},
            {"framework_id", framework_id},
            {"period", period},
            {"ratings", items}};
}

}  // namespace

TEST(SchoolReturns, ASchoolSendsItsOwnReturnAndSendingAgainReplacesIt) {
    World& w = world();
    const std::string term = fresh_term();
    nlohmann::json body{{"school_urn", kOwnSchool},
                        {"term", term},
                        {"ehcp_attendance_pct", 91.5},
                        {"sen_support_persistent_absence_pct", 18}};
    auto first = w.senco.api("POST", "/api/v1/school-returns", body);
    ASSERT_EQ(first.status, 201) << first.body;
    EXPECT_EQ(first.json()["ehcp_attendance_pct"], 91.5);
    EXPECT_TRUE(first.json()["ehcp_ks4_em_pct"].is_null());
    body["ehcp_attendance_pct"] = 92;
    body.erase("sen_support_persistent_absence_pct");
    auto again = w.headteacher.api("POST", "/api/v1/school-returns", body);
    ASSERT_EQ(again.status, 200) << again.body;
    EXPECT_EQ(again.json()["id"], first.json()["id"]);
    auto list = w.senco.api("GET", "/api/v1/school-returns?term=" + query_term(term));
    ASSERT_EQ(list.status, 200);
    ASSERT_EQ(list.json()["items"].size(), 1u);
    EXPECT_EQ(list.json()["items"][0]["ehcp_attendance_pct"], 92.0);
    EXPECT_TRUE(list.json()["items"][0]["sen_support_persistent_absence_pct"].is_null())
        << "a measure left out of the new return is not known";

    auto other = body;
    other["school_urn"] = kOtherSchool;
    expect_error(w.senco.api("POST", "/api/v1/school-returns", other), 404, "not_found", nullptr);
    expect_error(
        w.senco.api("GET", "/api/v1/school-returns?school_urn=" + std::to_string(kOtherSchool)),
        404, "not_found", nullptr);
    EXPECT_EQ(w.coordinator.api("POST", "/api/v1/school-returns", other).status, 201);
    EXPECT_EQ(w.partnerships.api("GET", "/api/v1/school-returns?term=" + query_term(term))
                  .json()["items"]
                  .size(),
              2u);
    expect_error(w.partnerships.api("POST", "/api/v1/school-returns", other), 403, "forbidden",
                 nullptr);
    for (Client* c : {&w.finance, &w.school_staff, &w.practitioner})
        expect_error(c->api("GET", "/api/v1/school-returns"), 403, "forbidden", nullptr);
}

TEST(SchoolReturns, EachBadValueIsNamed) {
    World& w = world();
    nlohmann::json good{{"school_urn", kOwnSchool}, {"term", fresh_term()}};
    for (const auto& [field, value] :
         std::vector<std::pair<std::string, nlohmann::json>>{{"ehcp_attendance_pct", 100.5},
                                                             {"sen_support_ks2_rwm_pct", -1},
                                                             {"ehcp_ks4_em_pct", "lots"},
                                                             {"ehcp_persistent_absence_pct", true},
                                                             {"term", "2026-28 autumn"},
                                                             {"term", "2026-27 winter"}}) {
        auto body = good;
        body[field] = value;
        expect_error(w.admin.api("POST", "/api/v1/school-returns", body), 422, "invalid",
                     field.c_str());
    }
    auto unknown = good;
    unknown["school_urn"] = 999998;
    expect_error(w.admin.api("POST", "/api/v1/school-returns", unknown), 422, "unknown_school",
                 "school_urn");
    expect_error(w.admin.api("GET", "/api/v1/school-returns?term=autumn"), 422, "invalid", "term");
}

TEST(SchoolReturns, AnImportIsAllOrNothingAndNamesTheBadLine) {
    World& w = world();
    const std::string term = fresh_term();
    const std::string own = std::to_string(kOwnSchool);
    const std::string other = std::to_string(kOtherSchool);
    auto bad = post_csv(w.coordinator, "school_urn,term,ehcp_attendance_pct\n" + own + "," + term +
                                           ",90\n" + other + "," + term + ",190\n");
    ASSERT_EQ(bad.status, 422) << bad.body;
    EXPECT_EQ(bad.json()["error"]["line"], 3);
    EXPECT_EQ(bad.json()["error"]["field"], "ehcp_attendance_pct");
    EXPECT_EQ(bad.json()["error"]["code"], "invalid");
    EXPECT_TRUE(w.admin.api("GET", "/api/v1/school-returns?term=" + query_term(term))
                    .json()["items"]
                    .empty())
        << "nothing from a refused file is stored";

    auto unknown = post_csv(w.admin, "school_urn,term\n999997," + term + "\n");
    ASSERT_EQ(unknown.status, 422);
    EXPECT_EQ(unknown.json()["error"]["code"], "unknown_school");
    EXPECT_EQ(unknown.json()["error"]["line"], 2);
    auto column = post_csv(w.admin, "school_urn,term,happiness\n" + own + "," + term + ",9\n");
    ASSERT_EQ(column.status, 422);
    EXPECT_EQ(column.json()["error"]["line"], 1);
    EXPECT_EQ(column.json()["error"]["field"], "happiness");

    auto good = post_csv(
        w.coordinator, "school_urn,term,ehcp_attendance_pct,sen_support_ks2_rwm_pct\n" + own + "," +
                           term + ",90,\n" + other + "," + term + ",88.5,61\n");
    ASSERT_EQ(good.status, 200) << good.body;
    EXPECT_EQ(good.json()["imported"], 2);
    auto stored =
        w.admin.api("GET", "/api/v1/school-returns?term=" + query_term(term)).json()["items"];
    ASSERT_EQ(stored.size(), 2u);
    ASSERT_EQ(stored[0]["school_urn"], kOtherSchool) << "by school";
    EXPECT_EQ(stored[0]["sen_support_ks2_rwm_pct"], 61.0);
    EXPECT_TRUE(stored[1]["sen_support_ks2_rwm_pct"].is_null()) << "a blank cell is not known";
    for (Client* c : {&w.senco, &w.partnerships, &w.finance})
        expect_error(post_csv(*c, "school_urn,term\n" + own + "," + term + "\n"), 403, "forbidden",
                     nullptr);
}

TEST(Frameworks, TheTrustDefinesThemAndEveryoneReadsThem) {
    World& w = world();
    const int id = framework(w.partnerships, 5);
    auto read = w.school_staff.api("GET", "/api/v1/frameworks/" + std::to_string(id));
    ASSERT_EQ(read.status, 200);
    EXPECT_EQ(read.json()["scale_max"], 5);
    EXPECT_EQ(read.json()["areas"][0]["statements"][1]["text"], "Governors know SEND");
    EXPECT_EQ(read.json()["areas"][0]["topic"], "leadership and send");
    EXPECT_EQ(read.json()["areas"][1]["topic"], "");
    EXPECT_EQ(w.finance.api("GET", "/api/v1/frameworks").status, 200);
    auto defaulted =
        w.admin.api("POST", "/api/v1/frameworks",
                    {{"name", "Short"}, {"areas", {{{"title", "A"}, {"statements", {"s"}}}}}});
    ASSERT_EQ(defaulted.status, 201);
    EXPECT_EQ(defaulted.json()["scale_max"], 4);

    struct Case {
        nlohmann::json body;
        const char* code;
        const char* field;
    };
    for (const auto& [body, code, field] : std::vector<Case>{
             {{{"areas", {{{"title", "A"}, {"statements", {"s"}}}}}}, "required", "name"},
             {{{"name", "F"}, {"areas", nlohmann::json::array()}}, "required", "areas"},
             {{{"name", "F"},
               {"areas", {{{"title", "A"}, {"statements", nlohmann::json::array()}}}}},
              "required",
              "areas[0].statements"},
             {{{"name", "F"},
               {"scale_max", 11},
               {"areas", {{{"title", "A"}, {"statements", {"s"}}}}}},
              "invalid",
              "scale_max"}})
        expect_error(w.coordinator.api("POST", "/api/v1/frameworks", body), 422, code, field);
    for (Client* c : {&w.senco, &w.school_staff, &w.finance, &w.practitioner})
        expect_error(c->api("POST", "/api/v1/frameworks",
                            {{"name", "F"}, {"areas", {{{"title", "A"}, {"statements", {"s"}}}}}}),
                     403, "forbidden", nullptr);
    expect_error(w.admin.api("GET", "/api/v1/frameworks/999999"), 404, "not_found", nullptr);
}

TEST(SelfEvaluations, ASchoolRatesItselfOncePerTermWithinTheScale) {
    World& w = world();
    const int id = framework(w.coordinator);
    const auto s = statement_ids(w.coordinator, id);
    const std::string period = fresh_term();
    auto first = w.senco.api("POST", "/api/v1/self-evaluations",
                             evaluation(kOwnSchool, id, period, {{s[0], 2}, {s[2], 4}}));
    ASSERT_EQ(first.status, 201) << first.body;
    auto again = w.headteacher.api("POST", "/api/v1/self-evaluations",
                                   evaluation(kOwnSchool, id, period, {{s[0], 3}}));
    ASSERT_EQ(again.status, 200) << again.body;
    EXPECT_EQ(again.json()["id"], first.json()["id"]);
    EXPECT_EQ(again.json()["ratings"].size(), 1u) << "the new ratings replace the old";
    const std::string path =
        "/api/v1/self-evaluations/" + std::to_string(first.json()["id"].get<int>());
    EXPECT_EQ(w.senco.api("GET", path).json()["ratings"][0]["rating"], 3);

    const int other_framework = framework(w.coordinator);
    const auto foreign = statement_ids(w.coordinator, other_framework);
    struct Case {
        nlohmann::json body;
        const char* code;
        const char* field;
    };
    for (const auto& [body, code, field] : std::vector<Case>{
             {evaluation(kOwnSchool, id, period, {}), "required", "ratings"},
             {evaluation(kOwnSchool, id, period, {{s[0], 5}}), "invalid", "ratings[0].rating"},
             {evaluation(kOwnSchool, id, period, {{s[0], 0}}), "invalid", "ratings[0].rating"},
             {evaluation(kOwnSchool, id, period, {{foreign[0], 2}}), "invalid",
              "ratings[0].statement_id"},
             {evaluation(kOwnSchool, id, period, {{s[1], 2}, {s[1], 3}}), "invalid",
              "ratings[1].statement_id"},
             {evaluation(kOwnSchool, id, "2026-27 winter", {{s[0], 2}}), "invalid", "period"}})
        expect_error(w.senco.api("POST", "/api/v1/self-evaluations", body), 422, code, field);

    expect_error(w.senco.api("POST", "/api/v1/self-evaluations",
                             evaluation(kOtherSchool, id, period, {{s[0], 2}})),
                 404, "not_found", nullptr);
    auto others = w.admin.api("POST", "/api/v1/self-evaluations",
                              evaluation(kOtherSchool, id, period, {{s[0], 1}}));
    ASSERT_EQ(others.status, 201);
    const std::string other_path =
        "/api/v1/self-evaluations/" + std::to_string(others.json()["id"].get<int>());
    expect_error(w.senco.api("GET", other_path), 404, "not_found", nullptr);
    auto mine = w.senco.api("GET", "/api/v1/self-evaluations?framework_id=" + std::to_string(id));
    ASSERT_EQ(mine.status, 200);
    EXPECT_EQ(mine.json()["items"].size(), 1u) << "a school lists only its own";
    EXPECT_EQ(
        w.partnerships.api("GET", "/api/v1/self-evaluations?framework_id=" + std::to_string(id))
            .json()["items"]
            .size(),
        2u);
    expect_error(w.partnerships.api("POST", "/api/v1/self-evaluations",
                                    evaluation(kOwnSchool, id, period, {{s[0], 2}})),
                 403, "forbidden", nullptr);
    expect_error(w.school_staff.api("GET", other_path), 403, "forbidden", nullptr);
}

TEST(SelfEvaluations, TheHeatMapGivesEachStatementsMeanAndTheTrainingPriorities) {
    World& w = world();
    const int id = framework(w.coordinator);
    const auto s = statement_ids(w.coordinator, id);
    const std::string period = fresh_term();
    // Own school: 1, 3, 4. Other school: 2, 2, –. Means 1.50, 2.50, 4.00; the midpoint is 2.5.
    ASSERT_EQ(w.senco
                  .api("POST", "/api/v1/self-evaluations",
                       evaluation(kOwnSchool, id, period, {{s[0], 1}, {s[1], 3}, {s[2], 4}}))
                  .status,
              201);
    ASSERT_EQ(w.admin
                  .api("POST", "/api/v1/self-evaluations",
                       evaluation(kOtherSchool, id, period, {{s[0], 2}, {s[1], 2}}))
                  .status,
              201);
    const std::string path =
        "/api/v1/frameworks/" + std::to_string(id) + "/summary?period=" + query_term(period);
    auto r = w.coordinator.api("GET", path);
    ASSERT_EQ(r.status, 200) << r.body;
    auto j = r.json();
    EXPECT_EQ(j["schools"], 2);
    EXPECT_EQ(j["period"], period);
    const auto& st = j["statements"];
    ASSERT_EQ(st.size(), 3u);
    EXPECT_EQ(st[0]["area"], "Leadership");
    EXPECT_EQ(st[0]["mean"], 1.5);
    EXPECT_EQ(st[0]["at_or_below_2"], 2);
    EXPECT_EQ(st[0]["priority"], true);
    EXPECT_EQ(st[1]["mean"], 2.5);
    EXPECT_EQ(st[1]["priority"], false) << "the midpoint itself is not below it";
    EXPECT_EQ(st[1]["at_or_below_2"], 1);
    EXPECT_EQ(st[2]["responses"], 1);
    EXPECT_EQ(j["priorities"], nlohmann::json::array({s[0]}));

    auto empty = w.admin.api("GET", "/api/v1/frameworks/" + std::to_string(id) +
                                        "/summary?period=" + query_term(fresh_term()));
    ASSERT_EQ(empty.status, 200);
    EXPECT_TRUE(empty.json()["statements"][0]["mean"].is_null());
    expect_error(w.admin.api("GET", path + "&relationship=friend"), 422, "invalid", "relationship");
    expect_error(
        w.admin.api("GET", "/api/v1/frameworks/" + std::to_string(id) + "/summary?period=soon"),
        422, "invalid", "period");
    for (Client* c : {&w.senco, &w.headteacher, &w.finance, &w.practitioner})
        expect_error(c->api("GET", path), 403, "forbidden", nullptr);
}

TEST(SchoolDataPages, ASchoolSendsAReturnAndRatesItselfThroughTheForms) {
    World& w = world();
    const int id = framework(w.coordinator);
    const std::string period = fresh_term();
    Client senco = browser_for(w.senco);
    auto page = senco.get("/insight/returns");
    ASSERT_EQ(page.status, 200) << page.body;
    auto bad = senco.post_form("/insight/returns", "/insight/returns",
                               {{"school_urn", std::to_string(kOwnSchool)},
                                {"term", period},
                                {"ehcp_attendance_pct", "101"}});
    EXPECT_EQ(bad.status, 422);
    EXPECT_NE(bad.body.find("must be a percentage from 0 to 100"), std::string::npos);
    auto saved = senco.post_form("/insight/returns", "/insight/returns",
                                 {{"school_urn", std::to_string(kOwnSchool)},
                                  {"term", period},
                                  {"ehcp_attendance_pct", "93.4"}});
    EXPECT_EQ(saved.status, 303);
    EXPECT_NE(senco.get("/insight/returns").body.find("93.4%"), std::string::npos);

    const std::string framework_page =
        "/insight/frameworks/" + std::to_string(id) + "?period=" + query_term(period);
    auto form = senco.get(framework_page);
    ASSERT_EQ(form.status, 200);
    EXPECT_NE(form.body.find("Teaching is adaptive"), std::string::npos);
    auto rated = senco.post_form(framework_page,
                                 "/insight/frameworks/" + std::to_string(id) + "/self-evaluation",
                                 {{"school_urn", std::to_string(kOwnSchool)},
                                  {"period", period},
                                  {"ratings[0].rating", "1"},
                                  {"ratings[0].evidence", "Leaders are new"},
                                  {"ratings[2].rating", "3"}});
    EXPECT_EQ(rated.status, 303) << rated.body.substr(0, 2000);
    Client coordinator = browser_for(w.coordinator);
    auto heat = coordinator.get(framework_page);
    ASSERT_EQ(heat.status, 200);
    EXPECT_NE(heat.body.find("Training priority"), std::string::npos);
    EXPECT_NE(heat.body.find("/resources?tag=leadership%20and%20send"), std::string::npos)
        << "a priority leads to the training tagged with its area's topic";
    auto bad_term = coordinator.get("/insight/frameworks/" + std::to_string(id) + "?period=soon");
    EXPECT_EQ(bad_term.status, 422);
    EXPECT_NE(bad_term.body.find("Enter the term like"), std::string::npos)
        << "a term that is not a term is named beside its box";
    EXPECT_EQ(browser_for(w.finance).get("/insight/returns").status, 403);
}

}  // namespace sendhub::testing
