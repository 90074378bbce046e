// Traded outreach through the API: every contract rule, the journey for each role,
// cross-school and cross-role access, concurrency and idempotent repeats.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <thread>

#include "core/dates.hpp"
#include "world.hpp"

namespace sendhub::testing {
namespace {

nlohmann::json group() {
    auto body = individual();
    body["kind"] = "group";
    body["pupils"] = {pupil("CD"), pupil("EF", "ehcp", "SLCN")};
    body["consent"]["type"] = "verbal";
    return body;
}

struct People {
    Client other_senco{server().base_url()};
    Client other_practitioner{server().base_url()};
    Client coordinator2{server().base_url()};
};

People& people() {
    static People* p = [] {
        auto* out = new People;
        World& w = world();
        auto created = w.admin.api("POST", "/api/v1/practitioners",
                                   {{"name", "Other Practitioner"},
                                    {"email", "other.p@it.example.org"},
                                    {"grade", "teacher"},
                                    {"home_postcode", "EX4 6PX"},
                                    {"expertise", {"SEMH"}},
                                    {"max_days_per_week", 3}});
        int other_id = created.json()["id"];
        struct Person {
            Client* client;
            const char* email;
            nlohmann::json body;
        };
        Person list[] = {
            {&out->other_senco,
             "other.senco@it.example.org",
             {{"role", "senco"}, {"school_urn", kOtherSchool}}},
            {&out->other_practitioner,
             "other.p@it.example.org",
             {{"role", "practitioner"}, {"practitioner_id", other_id}}},
            {&out->coordinator2, "coordinator2@it.example.org", {{"role", "coordinator"}}},
        };
        for (auto& person : list) {
            auto body = person.body;
            body["email"] = person.email;
            body["name"] = person.email;
            body["password"] = "another-long-password";
            w.admin.api("POST", "/api/v1/users", body);
            person.client->login_api(person.email, "another-long-password");
        }
        return out;
    }();
    return *p;
}

int submit(Client& c, const nlohmann::json& body) {
    auto r = c.api("POST", "/api/v1/requests", body);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json().value("id", 0);
}

}  // namespace

TEST(Requests, ASencoSubmitsForTheirSchoolAndGetsAReference) {
    World& w = world();
    auto r = w.senco.api("POST", "/api/v1/requests", individual());
    ASSERT_EQ(r.status, 201) << r.body;
    auto body = r.json();
    EXPECT_EQ(body["status"], "submitted");
    EXPECT_TRUE(body["reference"].get<std::string>().starts_with("OR-"));
    EXPECT_EQ(body["pupils"][0]["ref"], "AB");
    auto group_request = w.senco.api("POST", "/api/v1/requests", group());
    EXPECT_EQ(group_request.status, 201) << group_request.body;
}

TEST(Requests, OneChildNeedsASignatureAndExactlyOnePupil) {
    World& w = world();
    auto verbal = individual();
    verbal["consent"]["type"] = "verbal";
    expect_error(w.senco.api("POST", "/api/v1/requests", verbal), 422, "consent_required",
                 "consent.type");
    auto two = individual();
    two["pupils"] = {pupil("AB"), pupil("CD")};
    expect_error(w.senco.api("POST", "/api/v1/requests", two), 422, "pupils_count", "pupils");
}

TEST(Requests, AGroupNeedsTwoPupilsAndSomeConsent) {
    World& w = world();
    auto one = group();
    one["pupils"] = {pupil("CD")};
    expect_error(w.senco.api("POST", "/api/v1/requests", one), 422, "pupils_count", "pupils");
    auto none = group();
    none["consent"]["type"] = "";
    expect_error(w.senco.api("POST", "/api/v1/requests", none), 422, "consent_required",
                 "consent.type");
    auto signed_group = group();
    signed_group["consent"]["type"] = "signed";
    EXPECT_EQ(w.senco.api("POST", "/api/v1/requests", signed_group).status, 201);
}

TEST(Requests, SixDaysNoticeIsTooSoonAndSevenIsEnough) {
    World& w = world();
    expect_error(w.senco.api("POST", "/api/v1/requests", individual(6)), 422, "too_soon",
                 "preferred_date");
    EXPECT_EQ(w.senco.api("POST", "/api/v1/requests", individual(7)).status, 201);
}

TEST(Requests, ConsentCannotBeDatedInTheFuture) {
    World& w = world();
    auto future = individual();
    future["consent"]["obtained_on"] = day(1);
    expect_error(w.senco.api("POST", "/api/v1/requests", future), 422, "invalid",
                 "consent.obtained_on");
    future["consent"]["obtained_on"] = day(0);
    EXPECT_EQ(w.senco.api("POST", "/api/v1/requests", future).status, 201);
}

TEST(Requests, NoSpecialistAssessmentIsRefusedWithAnEhcp) {
    World& w = world();
    for (const char* route : {"ehcp", "annual_review"}) {
        auto body = individual();
        body["pupils"] = {pupil("AB", route, "NSA")};
        expect_error(w.senco.api("POST", "/api/v1/requests", body), 422, "invalid", "pupils");
    }
    auto ok = individual();
    ok["pupils"] = {pupil("AB", "sen_support", "NSA")};
    EXPECT_EQ(w.senco.api("POST", "/api/v1/requests", ok).status, 201);
}

TEST(Requests, RoutesNeedsAndConcernAreChecked) {
    World& w = world();
    auto bad_route = individual();
    bad_route["pupils"] = {pupil("AB", "statement", "ASD")};
    EXPECT_EQ(w.senco.api("POST", "/api/v1/requests", bad_route).status, 422);
    auto bad_need = individual();
    bad_need["pupils"] = {pupil("AB", "ehcp", "ADHD")};
    EXPECT_EQ(w.senco.api("POST", "/api/v1/requests", bad_need).status, 422);
    auto no_concern = individual();
    no_concern["concern"] = "";
    expect_error(w.senco.api("POST", "/api/v1/requests", no_concern), 422, "required", "concern");
    auto long_concern = individual();
    long_concern["concern"] = std::string(5001, 'x');
    expect_error(w.senco.api("POST", "/api/v1/requests", long_concern), 422, "too_long", "concern");
    long_concern["concern"] = std::string(5000, 'x');
    EXPECT_EQ(w.senco.api("POST", "/api/v1/requests", long_concern).status, 201);
    auto full_name = individual();
    full_name["pupils"] = {pupil("Alice Brown")};
    EXPECT_EQ(w.senco.api("POST", "/api/v1/requests", full_name).status, 422);
    auto wrong_type = individual();
    wrong_type["pupils"] = "AB";
    EXPECT_EQ(w.senco.api("POST", "/api/v1/requests", wrong_type).status, 422);
}

TEST(Requests, ASencoCannotAskForAnotherSchoolOrSeeItsRequests) {
    World& w = world();
    People& p = people();
    auto other = individual();
    other["school_urn"] = kOtherSchool;
    EXPECT_EQ(w.senco.api("POST", "/api/v1/requests", other).status, 404);
    int id = submit(w.senco, individual());
    EXPECT_EQ(p.other_senco.api("GET", "/api/v1/requests/" + std::to_string(id)).status, 404);
    EXPECT_EQ(
        p.other_senco
            .api("POST", "/api/v1/requests/" + std::to_string(id) + "/cancel", {{"reason", "x"}})
            .status,
        404);
    auto list = p.other_senco.api("GET", "/api/v1/requests?limit=500").json()["items"];
    for (const auto& item : list) EXPECT_EQ(item["school_urn"], kOtherSchool);
    EXPECT_EQ(w.finance.api("GET", "/api/v1/requests").status, 403);
    EXPECT_EQ(w.practitioner.api("POST", "/api/v1/requests", individual()).status, 403);
    // A practitioner sees nothing until assigned.
    EXPECT_EQ(p.other_practitioner.api("GET", "/api/v1/requests/" + std::to_string(id)).status,
              404);
}

TEST(Requests, ADraftIsSavedThenFinishedAndSubmitted) {
    World& w = world();
    auto r = w.senco.api("POST", "/api/v1/requests",
                         {{"kind", "group"}, {"concern", "Half written"}, {"draft", true}});
    ASSERT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(r.json()["status"], "draft");
    std::string path = "/api/v1/requests/" + std::to_string(r.json()["id"].get<int>());
    expect_error(w.senco.api("POST", path + "/submit"), 422, "pupils_count", "pupils");
    EXPECT_EQ(w.senco.api("PUT", path, group()).status, 200);
    auto submitted = w.senco.api("POST", path + "/submit");
    ASSERT_EQ(submitted.status, 200) << submitted.body;
    EXPECT_EQ(submitted.json()["status"], "submitted");
    EXPECT_EQ(w.senco.api("PUT", path, group()).status, 409);
}

TEST(Requests, TriageOfARequestThatIsNotSubmittedIs409) {
    World& w = world();
    int id = submit(w.senco, individual());
    std::string path = "/api/v1/requests/" + std::to_string(id);
    EXPECT_EQ(
        w.senco
            .api("POST", path + "/triage", {{"decision", "accept"}, {"expertise_level", "teacher"}})
            .status,
        403);
    expect_error(w.coordinator.api("POST", path + "/triage", {{"decision", "accept"}}), 422,
                 "invalid", "expertise_level");
    EXPECT_EQ(
        w.coordinator
            .api("POST", path + "/triage", {{"decision", "decline"}, {"notes", "Outside our area"}})
            .status,
        200);
    expect_error(w.coordinator.api("POST", path + "/triage",
                                   {{"decision", "accept"}, {"expertise_level", "teacher"}}),
                 409, "invalid_transition", nullptr);
    expect_error(w.senco.api("POST", path + "/cancel", {{"reason", "no longer needed"}}), 409,
                 "invalid_transition", nullptr);
}

TEST(Requests, MoreInformationThenResubmission) {
    World& w = world();
    int id = submit(w.senco, individual());
    std::string path = "/api/v1/requests/" + std::to_string(id);
    auto asked = w.coordinator.api("POST", path + "/triage",
                                   {{"decision", "more_info"}, {"notes", "Which lessons?"}});
    ASSERT_EQ(asked.status, 200);
    EXPECT_EQ(asked.json()["status"], "more_info");
    auto edited = individual();
    edited["concern"] = "Mostly maths and PE.";
    edited["preferred_date"] = day(3);
    expect_error(w.senco.api("POST", path + "/resubmit", edited), 422, "too_soon",
                 "preferred_date");
    edited["preferred_date"] = day(14);
    auto again = w.senco.api("POST", path + "/resubmit", edited);
    ASSERT_EQ(again.status, 200) << again.body;
    EXPECT_EQ(again.json()["status"], "submitted");
    EXPECT_EQ(again.json()["concern"], "Mostly maths and PE.");
    EXPECT_EQ(w.senco.api("POST", path + "/resubmit", edited).status, 409);
    auto history = w.coordinator.api("GET", path).json()["history"];
    EXPECT_EQ(history.size(), 3u);
}

TEST(Requests, TwoCoordinatorsTriagingAtOnceOneWinsOneGets409) {
    World& w = world();
    People& p = people();
    for (int round = 0; round < 5; ++round) {
        int id = submit(w.senco, individual());
        std::string path = "/api/v1/requests/" + std::to_string(id) + "/triage";
        long a = 0;
        long b = 0;
        std::thread first([&] {
            a = w.coordinator
                    .api("POST", path, {{"decision", "accept"}, {"expertise_level", "teacher"}})
                    .status;
        });
        std::thread second([&] {
            b = p.coordinator2.api("POST", path, {{"decision", "decline"}, {"notes", "no"}}).status;
        });
        first.join();
        second.join();
        EXPECT_TRUE((a == 200 && b == 409) || (a == 409 && b == 200)) << a << " " << b;
    }
}

TEST(Requests, ARepeatedSubmissionWithTheSameKeyCreatesOneRequest) {
    World& w = world();
    auto body = individual();
    body["concern"] = "Idempotent concern";
    auto first = w.senco.api("POST", "/api/v1/requests", body, {"Idempotency-Key: req-once"});
    auto second = w.senco.api("POST", "/api/v1/requests", body, {"Idempotency-Key: req-once"});
    ASSERT_EQ(first.status, 201);
    EXPECT_EQ(second.status, 201);
    EXPECT_EQ(first.json()["id"], second.json()["id"]);
    EXPECT_EQ(second.header("idempotent-replayed"), "true");
}

TEST(Outreach, TheWholeJourneyFromRequestToFeedback) {
    World& w = world();
    People& p = people();
    int id = submit(w.senco, individual());
    std::string request = "/api/v1/requests/" + std::to_string(id);

    ASSERT_EQ(w.coordinator
                  .api("POST", request + "/triage",
                       {{"decision", "accept"}, {"expertise_level", "teacher"}})
                  .status,
              200);
    auto wrong = w.coordinator.api("POST", request + "/assign", {{"practitioner_id", 999999}});
    EXPECT_EQ(wrong.status, 422);
    auto assigned =
        w.coordinator.api("POST", request + "/assign", {{"practitioner_id", w.practitioner_id}});
    ASSERT_EQ(assigned.status, 200) << assigned.body;
    EXPECT_EQ(assigned.json()["status"], "assigned");
    EXPECT_EQ(w.practitioner.api("GET", request).status,
              200);  // now visible to the assigned practitioner
    EXPECT_EQ(p.other_practitioner.api("GET", request).status, 404);

    nlohmann::json terms{
        {"type", "Observation and strategies"},
        {"level", "teacher"},
        {"frequency", "weekly"},
        {"sessions", 3},
        {"session_days", 1},
        {"start_date", day(14)},
        {"report_writing_days", 0.5},
        {"outcomes",
         {"AB moves between lessons with a visual cue", "Staff use now-and-next consistently"}}};
    EXPECT_EQ(p.other_practitioner.api("POST", request + "/agreement", terms).status, 404);
    auto agreement = w.practitioner.api("POST", request + "/agreement", terms);
    ASSERT_EQ(agreement.status, 201) << agreement.body;
    auto a = agreement.json();
    EXPECT_EQ(a["status"], "draft");
    EXPECT_EQ(a["outcomes"].size(), 2u);
    EXPECT_EQ(a["quote"]["total_pence"],
              0);  // the practitioner sees only travel, and no mileage is known here
    std::string agreement_path = "/api/v1/agreements/" + std::to_string(a["id"].get<int>());
    EXPECT_EQ(w.practitioner.api("POST", request + "/agreement", terms).status, 409);
    auto quote = w.senco.api("GET", agreement_path + "/quote");
    ASSERT_EQ(quote.status, 200);
    EXPECT_EQ(quote.json()["total_pence"],
              3 * 19000 + 9500);  // 3 days and half a day of report writing
    EXPECT_TRUE(quote.json().contains("travel_miles_estimate"));

    EXPECT_EQ(
        w.senco.api("POST", agreement_path + "/visits", {{"date", school_day(14)}, {"days", 1}})
            .status,
        403);
    EXPECT_EQ(w.coordinator
                  .api("POST", agreement_path + "/visits", {{"date", school_day(14)}, {"days", 1}})
                  .status,
              409);  // not agreed yet
    EXPECT_EQ(p.other_senco.api("POST", agreement_path + "/accept").status, 404);
    EXPECT_EQ(w.coordinator.api("POST", agreement_path + "/accept").status, 403);
    auto accepted = w.senco.api("POST", agreement_path + "/accept");
    ASSERT_EQ(accepted.status, 200) << accepted.body;
    EXPECT_EQ(accepted.json()["status"], "agreed");
    EXPECT_EQ(accepted.json()["day_rate_pence"], 19000);
    EXPECT_EQ(accepted.json()["mileage_pence_per_mile"], 30);
    EXPECT_EQ(w.senco.api("POST", agreement_path + "/accept").status, 409);
    EXPECT_EQ(w.senco.api("GET", request).json()["status"], "agreed");

    auto visit = w.coordinator.api("POST", agreement_path + "/visits",
                                   {{"date", school_day(-2)}, {"days", 1}});
    ASSERT_EQ(visit.status, 201) << visit.body;
    expect_error(w.practitioner.api("POST", agreement_path + "/visits",
                                    {{"date", school_day(-2)}, {"days", 0.5}}),
                 409, "double_booked", nullptr);
    EXPECT_EQ(
        w.practitioner
            .api("POST", agreement_path + "/visits", {{"date", school_day(21)}, {"days", 0.5}})
            .status,
        201);
    EXPECT_EQ(
        w.practitioner
            .api("POST", agreement_path + "/visits", {{"date", school_day(21)}, {"days", 0.5}})
            .status,
        201);
    EXPECT_EQ(
        w.practitioner
            .api("POST", agreement_path + "/visits", {{"date", school_day(21)}, {"days", 0.5}})
            .status,
        409);

    std::string visit_path = "/api/v1/visits/" + std::to_string(visit.json()["id"].get<int>());
    nlohmann::json report{{"work_undertaken", "Observed AB in maths and PE."},
                          {"actions_agreed", "Class teacher to use a visual cue at each change."},
                          {"next_steps", "Review in two weeks."},
                          {"miles", 14}};
    EXPECT_EQ(w.senco.api("GET", visit_path + "/report").status, 404);  // not written yet
    EXPECT_EQ(w.coordinator.api("POST", visit_path + "/report", report).status, 403);
    EXPECT_EQ(p.other_practitioner.api("POST", visit_path + "/report", report).status, 404);
    auto bad_miles = report;
    bad_miles["miles"] = -3;
    expect_error(w.practitioner.api("POST", visit_path + "/report", bad_miles), 422, "invalid",
                 "miles");
    auto reported = w.practitioner.api("POST", visit_path + "/report", report);
    ASSERT_EQ(reported.status, 200) << reported.body;
    EXPECT_EQ(reported.json()["status"], "delivered");
    EXPECT_EQ(w.practitioner.api("POST", visit_path + "/report", report).status, 409);

    auto read = w.senco.api("GET", visit_path + "/report");
    ASSERT_EQ(read.status, 200);
    EXPECT_EQ(read.json()["next_steps"], "Review in two weeks.");
    EXPECT_EQ(p.other_senco.api("GET", visit_path + "/report").status, 404);
    auto pdf = w.senco.send(
        {"GET", visit_path + "/report.pdf", "", {"Authorization: Bearer " + w.senco.token}});
    ASSERT_EQ(pdf.status, 200);
    EXPECT_EQ(pdf.header("content-type"), "application/pdf");
    EXPECT_TRUE(pdf.body.starts_with("%PDF-"));
    auto agreement_pdf = w.senco.send(
        {"GET", agreement_path + ".pdf", "", {"Authorization: Bearer " + w.senco.token}});
    EXPECT_EQ(agreement_pdf.status, 200);
    EXPECT_TRUE(agreement_pdf.body.starts_with("%PDF-"));

    int outcome = a["outcomes"][0]["id"];
    std::string progress = agreement_path + "/outcomes/" + std::to_string(outcome) + "/progress";
    EXPECT_EQ(w.senco.api("POST", progress, {{"date", day(0)}, {"status", "emerging"}}).status,
              403);
    expect_error(w.practitioner.api("POST", progress, {{"date", day(0)}, {"status", "brilliant"}}),
                 422, "invalid", "status");
    EXPECT_EQ(
        w.practitioner
            .api("POST", progress,
                 {{"date", day(-1)}, {"status", "emerging"}, {"note", "Uses the cue with prompts"}})
            .status,
        201);
    EXPECT_EQ(
        w.coordinator.api("POST", progress, {{"date", day(0)}, {"status", "developing"}}).status,
        201);
    EXPECT_EQ(w.practitioner
                  .api("POST", agreement_path + "/outcomes/999999/progress",
                       {{"date", day(0)}, {"status", "secure"}})
                  .status,
              404);
    auto timeline = w.senco.api("GET", agreement_path + "/progress").json()["items"];
    ASSERT_EQ(timeline.size(), 2u);
    EXPECT_EQ(timeline[1]["status"], "developing");

    expect_error(w.senco.api("POST", agreement_path + "/feedback", {{"rating", 6}}), 422, "invalid",
                 "rating");
    EXPECT_EQ(w.coordinator.api("POST", agreement_path + "/feedback", {{"rating", 5}}).status, 403);
    EXPECT_EQ(w.senco
                  .api("POST", agreement_path + "/feedback",
                       {{"rating", 5}, {"comments", "Really practical advice."}})
                  .status,
              201);
    EXPECT_EQ(w.senco.api("POST", agreement_path + "/complete").status, 403);
    auto completed = w.coordinator.api("POST", agreement_path + "/complete");
    ASSERT_EQ(completed.status, 200);
    EXPECT_EQ(completed.json()["status"], "completed");
    EXPECT_EQ(w.senco.api("GET", request).json()["status"], "completed");
    EXPECT_EQ(w.coordinator.api("POST", agreement_path + "/complete").status, 409);

    auto feedback = w.coordinator.api("GET", "/api/v1/feedback").json()["items"];
    ASSERT_FALSE(feedback.empty());
    EXPECT_EQ(feedback[0]["rating"], 5);
    EXPECT_EQ(w.senco.api("GET", "/api/v1/feedback").status, 403);

    auto mine = w.practitioner.api("GET", "/api/v1/visits/mine").json()["items"];
    auto of_this_agreement = std::ranges::count_if(
        mine, [&](const nlohmann::json& v) { return v["agreement_id"] == a["id"]; });
    EXPECT_EQ(of_this_agreement, 3);

    auto audit = w.admin.api("GET", "/api/v1/audit?entity=request&entity_id=" + std::to_string(id))
                     .json()["items"];
    EXPECT_GE(audit.size(),
              3u);  // created, accepted, assigned, agreed … every change to a child's request
}

TEST(Outreach, CancellingEndsPlannedWorkFromAnyOpenState) {
    World& w = world();
    int id = submit(w.senco, individual());
    std::string request = "/api/v1/requests/" + std::to_string(id);
    expect_error(w.senco.api("POST", request + "/cancel", {{"reason", ""}}), 422, "required",
                 "reason");
    auto cancelled = w.senco.api("POST", request + "/cancel", {{"reason", "Family moved away"}});
    ASSERT_EQ(cancelled.status, 200);
    EXPECT_EQ(cancelled.json()["status"], "cancelled");
    EXPECT_EQ(cancelled.json()["cancel_reason"], "Family moved away");
    EXPECT_EQ(w.coordinator.api("POST", request + "/cancel", {{"reason", "again"}}).status, 409);
}

TEST(Notifications, EachStepQueuesEmailThatIsDeliveredAsEmlWithoutSmtp) {
    World& w = world();
    submit(w.senco, individual());
    auto mail_dir = server().dir() / "mail";
    bool found = false;
    // Generous: under ASan the mailer may be working through every earlier test's mail.
    for (int i = 0; i < 300 && !found; ++i) {
        if (std::filesystem::exists(mail_dir)) {
            for (const auto& entry : std::filesystem::directory_iterator(mail_dir)) {
                if (entry.path().string().ends_with("request_received.eml")) found = true;
            }
        }
        if (!found) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    ASSERT_TRUE(found);
    for (const auto& entry : std::filesystem::directory_iterator(mail_dir)) {
        // A message is written as `.eml.tmp` and renamed, so only whole `.eml` files count.
        if (entry.path().extension() != ".eml") continue;
        std::ifstream in(entry.path());
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        EXPECT_NE(text.find("Subject: "), std::string::npos);
        EXPECT_EQ(text.find("Transitions between lessons"),
                  std::string::npos);  // no child's details in email
    }
}

}  // namespace sendhub::testing
