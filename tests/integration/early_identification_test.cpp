// Early identification (api-contract-early-identification.md): educational psychology and
// therapy days commissioned through the outreach path to an invoice at the service's rate,
// named therapists, and provision audits with their action plans, with who sees what.
#include <gtest/gtest.h>

#include "world.hpp"

namespace sendhub::testing {
namespace {

struct Specialist {
    int id = 0;
    Client client{server().base_url()};
};

// A practitioner of `service` with a signed-in user of their own.
std::unique_ptr<Specialist> specialist(World& w, const std::string& service,
                                       const std::string& email) {
    auto out = std::make_unique<Specialist>();
    auto p = w.admin.api("POST", "/api/v1/practitioners",
                         {{"name", "IT " + service},
                          {"email", email},
                          {"service", service},
                          {"home_postcode", "TA1 3ES"},
                          {"expertise", {"SLCN"}},
                          {"max_days_per_week", 3}});
    EXPECT_EQ(p.status, 201) << p.body;
    out->id = p.json()["id"];
    auto u = w.admin.api("POST", "/api/v1/users",
                         {{"email", email},
                          {"name", "IT " + service},
                          {"role", "practitioner"},
                          {"practitioner_id", out->id},
                          {"password", "a-long-test-password"}});
    EXPECT_EQ(u.status, 201) << u.body;
    EXPECT_EQ(out->client.login_api(email, "a-long-test-password"), 200);
    return out;
}

nlohmann::json ep_request(const char* work_type) {
    return {{"school_urn", kOwnSchool},
            {"service", "educational_psychology"},
            {"work_type", work_type},
            {"preferred_date", day(10)},
            {"concern", "Year 2 cohort with weak attention and listening."}};
}

}  // namespace

TEST(EarlyIdentification, AnEducationalPsychologyDayGoesFromRequestToInvoiceAtItsRate) {
    World& w = world();
    auto ep = specialist(w, "educational_psychology", "ep@it.example.org");
    auto shown = w.admin.api("GET", "/api/v1/practitioners/" + std::to_string(ep->id)).json();
    EXPECT_EQ(shown["service"], "educational_psychology");
    EXPECT_TRUE(shown["grade"].is_null());
    expect_error(w.admin.api("POST", "/api/v1/practitioners",
                             {{"name", "X"},
                              {"email", "x@it.example.org"},
                              {"service", "physiotherapy"},
                              {"home_postcode", "TA1 3ES"},
                              {"max_days_per_week", 3}}),
                 422, "invalid", "service");
    auto eps = w.admin.api("GET", "/api/v1/practitioners?service=educational_psychology").json();
    ASSERT_EQ(eps["items"].size(), 1u);
    EXPECT_EQ(eps["items"][0]["id"], ep->id);

    // The request's rules for the new services.
    auto no_work = ep_request("cohort");
    no_work.erase("work_type");
    expect_error(w.senco.api("POST", "/api/v1/requests", no_work), 422, "required", "work_type");
    auto with_pupils = ep_request("whole_school_training");
    with_pupils["pupils"] = {pupil("AB")};
    expect_error(w.senco.api("POST", "/api/v1/requests", with_pupils), 422, "invalid", "pupils");
    auto one_child = ep_request("individual_child");
    one_child["pupils"] = {pupil("AB")};
    one_child["consent"] = {{"type", "verbal"}, {"obtained_on", day(-1)}, {"obtained_by", "SENCO"}};
    expect_error(w.senco.api("POST", "/api/v1/requests", one_child), 422, "consent_required",
                 "consent.type");
    auto unknown = ep_request("cohort");
    unknown["service"] = "counselling";
    expect_error(w.senco.api("POST", "/api/v1/requests", unknown), 422, "invalid", "service");

    auto made = w.senco.api("POST", "/api/v1/requests", ep_request("cohort"));
    ASSERT_EQ(made.status, 201) << made.body;
    auto request = made.json();
    EXPECT_EQ(request["service"], "educational_psychology");
    EXPECT_EQ(request["work_type"], "cohort");
    EXPECT_TRUE(request["kind"].is_null());
    EXPECT_TRUE(request["expertise_level"].is_null());
    const std::string path = "/api/v1/requests/" + std::to_string(request["id"].get<int>());
    auto listed = w.coordinator.api("GET", "/api/v1/requests?service=educational_psychology");
    ASSERT_EQ(listed.status, 200) << listed.body;
    const auto listed_items = listed.json()["items"];
    for (const auto& r : listed_items) EXPECT_EQ(r["service"], "educational_psychology");

    ASSERT_EQ(w.coordinator.api("POST", path + "/triage", {{"decision", "accept"}}).status, 200);
    auto candidates = w.coordinator.api("GET", path + "/candidates").json()["items"];
    ASSERT_EQ(candidates.size(), 1u) << candidates;
    EXPECT_EQ(candidates[0]["practitioner_id"], ep->id);
    EXPECT_TRUE(candidates[0]["day_rate_pence"].is_null()) << "no rate set yet";
    expect_error(
        w.coordinator.api("POST", path + "/assign", {{"practitioner_id", w.practitioner_id}}), 422,
        "wrong_service", "practitioner_id");
    ASSERT_EQ(w.coordinator.api("POST", path + "/assign", {{"practitioner_id", ep->id}}).status,
              200);

    nlohmann::json terms{{"type", "Cohort assessment and advice"},
                         {"frequency", "weekly"},
                         {"sessions", 1},
                         {"session_days", 1},
                         {"start_date", day(-10)},
                         {"report_writing_days", 0},
                         {"outcomes", {"Staff use attention-building groups"}}};
    auto teacher_level = terms;
    teacher_level["level"] = "teacher";
    expect_error(w.coordinator.api("POST", path + "/agreement", teacher_level), 422, "invalid",
                 "level");
    expect_error(w.coordinator.api("POST", path + "/agreement", terms), 409, "no_tariff", nullptr);
    EXPECT_TRUE(w.coordinator.api("GET", path).json()["agreement_id"].is_null())
        << "nothing is stored while the service is unpriced";

    auto rate = w.finance.api(
        "POST", "/api/v1/tariffs",
        {{"item", "educational_psychology_day"}, {"pence", 45000}, {"effective_from", day(-30)}});
    ASSERT_EQ(rate.status, 201) << rate.body;
    EXPECT_EQ(w.coordinator.api("GET", path + "/candidates").json()["items"][0]["day_rate_pence"],
              45000);
    auto agreement = w.coordinator.api("POST", path + "/agreement", terms);
    ASSERT_EQ(agreement.status, 201) << agreement.body;
    EXPECT_EQ(agreement.json()["level"], "educational_psychology");
    EXPECT_EQ(agreement.json()["service"], "educational_psychology");
    const std::string agreement_path =
        "/api/v1/agreements/" + std::to_string(agreement.json()["id"].get<int>());
    auto accepted = w.senco.api("POST", agreement_path + "/accept");
    ASSERT_EQ(accepted.status, 200) << accepted.body;
    EXPECT_EQ(accepted.json()["day_rate_pence"], 45000);

    auto visit = w.coordinator.api("POST", agreement_path + "/visits",
                                   {{"date", school_day(-5)}, {"days", 1}});
    ASSERT_EQ(visit.status, 201) << visit.body;
    const int visit_id = visit.json()["id"];
    ASSERT_EQ(ep->client
                  .api("POST", "/api/v1/visits/" + std::to_string(visit_id) + "/report",
                       {{"work_undertaken", "Assessed the cohort's attention."},
                        {"actions_agreed", "Attention groups three times a week."},
                        {"next_steps", "Review in six weeks."},
                        {"miles", 0}})
                  .status,
              200);
    ASSERT_EQ(w.finance.api("POST", "/api/v1/invoices/run", {{"period_end", day(-1)}}).status, 200);
    auto lines = lines_for_visit(all_invoices(w.finance), visit_id);
    ASSERT_FALSE(lines.empty());
    EXPECT_EQ(lines[0]["unit_pence"], 45000);
    EXPECT_EQ(lines[0]["amount_pence"], 45000);
}

TEST(EarlyIdentification, ANamedTherapistSeesAndWritesTheirSchoolsAuditsAndRounds) {
    World& w = world();
    auto therapist = specialist(w, "speech_and_language", "salt@it.example.org");
    auto ep = specialist(w, "educational_psychology", "ep2@it.example.org");
    const std::string own = "/api/v1/schools/" + std::to_string(kOwnSchool) + "/therapist";

    expect_error(w.coordinator.api("PUT", own, {{"practitioner_id", ep->id}}), 422, "wrong_service",
                 "practitioner_id");
    expect_error(w.coordinator.api("PUT", own, {{"practitioner_id", w.practitioner_id}}), 422,
                 "wrong_service", "practitioner_id");
    expect_error(w.senco.api("PUT", own, {{"practitioner_id", therapist->id}}), 403, "forbidden",
                 nullptr);
    auto named = w.coordinator.api("PUT", own, {{"practitioner_id", therapist->id}});
    ASSERT_EQ(named.status, 200) << named.body;
    EXPECT_EQ(named.json()["name"], "IT speech_and_language");
    EXPECT_EQ(named.json()["email"], "salt@it.example.org");
    EXPECT_EQ(w.school_staff.api("GET", own).json()["practitioner_id"], therapist->id);
    EXPECT_EQ(therapist->client.api("GET", own).status, 200);
    expect_error(w.finance.api("GET", own), 403, "forbidden", nullptr);
    expect_error(w.practitioner.api("GET", own), 404, "not_found", nullptr);
    expect_error(
        w.senco.api("GET", "/api/v1/schools/" + std::to_string(kOtherSchool) + "/therapist"), 404,
        "not_found", nullptr);

    nlohmann::json audit{
        {"school_urn", kOwnSchool},
        {"date", day(-2)},
        {"findings", "Good modelling of language in Reception."},
        {"actions",
         {{{"text", "Screen Year 3 with WellComm"}, {"owner", "SENCO"}, {"due_date", day(40)}},
          {{"text", "Talk Boost training for TAs"},
           {"owner", "Therapist"},
           {"due_date", day(60)},
           {"status", "in_progress"}}}}};
    auto missing_owner = audit;
    missing_owner["actions"][0].erase("owner");
    expect_error(therapist->client.api("POST", "/api/v1/slcn-audits", missing_owner), 422,
                 "required", "actions[0].owner");
    auto bad_status = audit;
    bad_status["actions"][1]["status"] = "finished";
    expect_error(therapist->client.api("POST", "/api/v1/slcn-audits", bad_status), 422, "invalid",
                 "actions[1].status");
    auto future = audit;
    future["date"] = day(1);
    expect_error(w.senco.api("POST", "/api/v1/slcn-audits", future), 422, "invalid", "date");
    expect_error(w.coordinator.api("POST", "/api/v1/slcn-audits", audit), 403, "forbidden",
                 nullptr);
    auto other = audit;
    other["school_urn"] = kOtherSchool;
    expect_error(therapist->client.api("POST", "/api/v1/slcn-audits", other), 404, "not_found",
                 nullptr);

    auto made = therapist->client.api("POST", "/api/v1/slcn-audits", audit);
    ASSERT_EQ(made.status, 201) << made.body;
    auto a = made.json();
    ASSERT_EQ(a["actions"].size(), 2u);
    EXPECT_EQ(a["actions"][0]["status"], "not_started");
    const std::string audit_path = "/api/v1/slcn-audits/" + std::to_string(a["id"].get<int>());
    const std::string action_path =
        audit_path + "/actions/" + std::to_string(a["actions"][0]["id"].get<int>());
    auto done = w.senco.api("POST", action_path, {{"status", "done"}});
    ASSERT_EQ(done.status, 200) << done.body;
    EXPECT_EQ(done.json()["actions"][0]["status"], "done");
    expect_error(w.senco.api("POST", action_path, {{"status", "finished"}}), 422, "invalid",
                 "status");
    expect_error(w.coordinator.api("POST", action_path, {{"status", "done"}}), 403, "forbidden",
                 nullptr);
    EXPECT_EQ(w.coordinator.api("GET", audit_path).status, 200);
    expect_error(w.practitioner.api("GET", audit_path), 404, "not_found", nullptr);
    EXPECT_TRUE(w.practitioner.api("GET", "/api/v1/slcn-audits").json()["items"].empty());
    expect_error(w.partnerships.api("GET", "/api/v1/slcn-audits"), 403, "forbidden", nullptr);

    // The named therapist records the school's screening rounds too.
    auto round = therapist->client.api("POST", "/api/v1/screening-rounds",
                                       {{"school_urn", kOwnSchool},
                                        {"programme", "speech_and_language_link"},
                                        {"cohort", "year_3"},
                                        {"date", "2021-06-30"},
                                        {"screened", 20},
                                        {"identified", 3},
                                        {"started_intervention", 3},
                                        {"exited_intervention", 0}});
    ASSERT_EQ(round.status, 201) << round.body;

    // Clearing the therapist ends their access.
    auto cleared = w.coordinator.api("PUT", own, {{"practitioner_id", nullptr}});
    ASSERT_EQ(cleared.status, 200) << cleared.body;
    EXPECT_TRUE(cleared.json()["practitioner_id"].is_null());
    EXPECT_TRUE(cleared.json()["name"].is_null());
    expect_error(therapist->client.api("GET", audit_path), 404, "not_found", nullptr);
}

}  // namespace sendhub::testing

namespace sendhub::testing {

TEST(EarlyIdentificationPages, EachRoleMeetsThePagesItMaySeeAndTheFormsSaveWhatIsTyped) {
    World& w = world();
    Client senco = browser_for(w.senco);
    for (const char* path :
         {"/screening", "/screening/new", "/slcn", "/requests/new?service=speech_and_language"}) {
        auto page = senco.get(path);
        EXPECT_EQ(page.status, 200) << path << page.body.substr(0, 300);
    }
    EXPECT_NE(senco.get("/requests/new?service=speech_and_language").body.find("work_type"),
              std::string::npos);
    auto round = senco.post_form("/screening/new", "/screening/new",
                                 {{"programme", "wellcomm"},
                                  {"cohort", "year_3"},
                                  {"date-day", "9"},
                                  {"date-month", "3"},
                                  {"date-year", "2022"},
                                  {"screened", "10"},
                                  {"identified", "11"},
                                  {"started_intervention", "0"},
                                  {"exited_intervention", "0"}});
    EXPECT_EQ(round.status, 422);
    EXPECT_NE(round.body.find("id=\"identified-error\""), std::string::npos)
        << "the message sits beside the box";
    auto audit = senco.post_form("/slcn", "/slcn/audits",
                                 {{"date-day", "1"},
                                  {"date-month", "2"},
                                  {"date-year", "2026"},
                                  {"findings", "Strong early years practice."},
                                  {"actions[1].text", "Screen Year 3"},
                                  {"actions[1].owner", "SENCO"}});
    EXPECT_EQ(audit.status, 422);
    EXPECT_NE(audit.body.find("Action 2: enter the date it is due"), std::string::npos)
        << "a blank first row is skipped and the message stays on the second"
        << audit.body.substr(audit.body.find("govuk-error-summary"), 800);

    Client coordinator = browser_for(w.coordinator);
    EXPECT_EQ(coordinator.get("/screening").status, 200);
    EXPECT_EQ(coordinator.get("/slcn").status, 200);
    EXPECT_EQ(coordinator.get("/screening/new").status, 403) << "the trust reads, not records";
    EXPECT_EQ(browser_for(w.finance).get("/screening").status, 403);
    EXPECT_EQ(browser_for(w.finance).get("/slcn").status, 403);
    EXPECT_EQ(browser_for(w.school_staff).get("/slcn").status, 200) << "staff see their therapist";
    EXPECT_EQ(browser_for(w.school_staff).get("/screening").status, 403);
    auto made = w.senco.api("POST", "/api/v1/slcn-audits",
                            {{"school_urn", kOwnSchool},
                             {"date", day(-1)},
                             {"findings", "Visual supports in every class."},
                             {"actions", nlohmann::json::array()}});
    ASSERT_EQ(made.status, 201) << made.body;
    const std::string audit_page = "/slcn/audits/" + std::to_string(made.json()["id"].get<int>());
    EXPECT_EQ(coordinator.get(audit_page).status, 200);
    EXPECT_EQ(browser_for(w.practitioner).get(audit_page).status, 404);
    Client nobody(server().base_url());
    EXPECT_EQ(nobody.get("/screening").status, 303);
}

}  // namespace sendhub::testing
