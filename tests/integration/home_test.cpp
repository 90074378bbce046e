// Home pages (api-contract-daily-use.md): each person's home page leads with what waits for
// them, with counts and links, and GET /api/v1/me/waiting gives the same piles.
#include <gtest/gtest.h>

#include "world.hpp"

namespace sendhub::testing {
namespace {

//! One pile on the person's home page, or null when their role does not see it.
nlohmann::json pile(Client& c, const std::string& kind) {
    const auto body = c.api("GET", "/api/v1/me/waiting").json();
    for (const auto& item : body["items"])
        if (item["kind"] == kind) return item;
    return nullptr;
}

bool has_pile(Client& c, const std::string& kind) {
    return !pile(c, kind).is_null();
}

//! The count of one pile on the person's home page (a failure when it is not on it).
std::int64_t waiting(Client& c, const std::string& kind) {
    const auto item = pile(c, kind);
    if (item.is_null()) {
        ADD_FAILURE() << kind << " is not on this person's home page";
        return -1;
    }
    return item["count"].get<std::int64_t>();
}

}  // namespace

TEST(Home, EachRoleSeesItsOwnPiles) {
    World& w = world();
    EXPECT_TRUE(has_pile(w.coordinator, "requests_to_triage"));
    EXPECT_FALSE(has_pile(w.coordinator, "overdue_invoices"));
    EXPECT_TRUE(has_pile(w.senco, "agreements_to_accept"));
    EXPECT_FALSE(has_pile(w.senco, "requests_to_triage"));
    EXPECT_TRUE(has_pile(w.practitioner, "visits_today"));
    EXPECT_TRUE(has_pile(w.finance, "visits_to_invoice"));
    EXPECT_TRUE(has_pile(w.admin, "overdue_invoices"));
    Client nobody(server().base_url());
    EXPECT_EQ(nobody.api("GET", "/api/v1/me/waiting").status, 401);
}

TEST(Home, CountsFollowTheWorkFromRequestToFeedback) {
    World& w = world();
    // A new request waits for triage, and the oldest's age is given.
    const auto triage = waiting(w.coordinator, "requests_to_triage");
    auto request = w.senco.api("POST", "/api/v1/requests", individual());
    ASSERT_EQ(request.status, 201) << request.body;
    const std::string path = "/api/v1/requests/" + std::to_string(request.json()["id"].get<int>());
    EXPECT_EQ(waiting(w.coordinator, "requests_to_triage"), triage + 1);
    EXPECT_EQ(waiting(w.admin, "requests_to_triage"), triage + 1);
    const auto triage_pile = pile(w.coordinator, "requests_to_triage");
    ASSERT_TRUE(triage_pile["oldest_days"].is_number());
    EXPECT_GE(triage_pile["oldest_days"].get<int>(), 0);
    EXPECT_EQ(triage_pile["link"], "/requests?status=submitted");
    EXPECT_NE(triage_pile["text"].get<std::string>().find("waiting for triage"), std::string::npos);

    // Asked for more information, it is the school's turn.
    const auto asked_before = waiting(w.senco, "requests_needing_information");
    ASSERT_EQ(w.coordinator
                  .api("POST", path + "/triage",
                       {{"decision", "more_info"}, {"notes", "Which lessons are hardest?"}})
                  .status,
              200);
    EXPECT_EQ(waiting(w.senco, "requests_needing_information"), asked_before + 1);
    EXPECT_EQ(waiting(w.coordinator, "requests_to_triage"), triage);
    auto answered = w.senco.api("POST", path + "/resubmit", individual());
    ASSERT_EQ(answered.status, 200) << answered.body;
    EXPECT_EQ(waiting(w.senco, "requests_needing_information"), asked_before);

    // Accepted, it waits for a practitioner; an agreement drawn up waits for the school.
    const auto to_assign = waiting(w.coordinator, "requests_to_assign");
    ASSERT_EQ(
        w.coordinator
            .api("POST", path + "/triage", {{"decision", "accept"}, {"expertise_level", "teacher"}})
            .status,
        200);
    EXPECT_EQ(waiting(w.coordinator, "requests_to_assign"), to_assign + 1);
    ASSERT_EQ(w.coordinator.api("POST", path + "/assign", {{"practitioner_id", w.practitioner_id}})
                  .status,
              200);
    const auto to_accept = waiting(w.senco, "agreements_to_accept");
    const auto with_schools = waiting(w.coordinator, "agreements_with_schools");
    auto agreement = w.coordinator.api("POST", path + "/agreement",
                                       {{"type", "Observation"},
                                        {"level", "teacher"},
                                        {"frequency", "weekly"},
                                        {"sessions", 2},
                                        {"session_days", 1},
                                        {"start_date", day(-350)},
                                        {"outcomes", {"Calmer transitions"}}});
    ASSERT_EQ(agreement.status, 201) << agreement.body;
    EXPECT_EQ(w.senco.api("GET", path).json()["status"], "assigned");
    EXPECT_EQ(waiting(w.senco, "agreements_to_accept"), to_accept + 1);
    EXPECT_EQ(waiting(w.coordinator, "agreements_with_schools"), with_schools + 1);
    const std::string agreement_path =
        "/api/v1/agreements/" + std::to_string(agreement.json()["id"].get<int>());
    ASSERT_EQ(w.senco.api("POST", agreement_path + "/accept").status, 200);
    EXPECT_EQ(waiting(w.senco, "agreements_to_accept"), to_accept);

    // A visit that has happened without its report is due for the practitioner and overdue
    // for the coordinator; once reported, finance has it to invoice and the school is asked
    // for feedback.
    const auto due = waiting(w.practitioner, "reports_due");
    const auto overdue = waiting(w.coordinator, "reports_overdue");
    const auto to_invoice = waiting(w.finance, "visits_to_invoice");
    const auto feedback = waiting(w.senco, "feedback_to_give");
    auto visit = w.coordinator.api("POST", agreement_path + "/visits",
                                   {{"date", school_day(-345)}, {"days", 1}});
    ASSERT_EQ(visit.status, 201) << visit.body;
    EXPECT_EQ(waiting(w.practitioner, "reports_due"), due + 1);
    EXPECT_EQ(waiting(w.coordinator, "reports_overdue"), overdue + 1);
    auto report = w.practitioner.api(
        "POST", "/api/v1/visits/" + std::to_string(visit.json()["id"].get<int>()) + "/report",
        {{"work_undertaken", "Observed."},
         {"actions_agreed", "Cue cards."},
         {"next_steps", "Review."},
         {"miles", 3}});
    ASSERT_EQ(report.status, 200) << report.body;
    EXPECT_EQ(waiting(w.practitioner, "reports_due"), due);
    EXPECT_EQ(waiting(w.coordinator, "reports_overdue"), overdue);
    EXPECT_EQ(waiting(w.finance, "visits_to_invoice"), to_invoice + 1);
    EXPECT_EQ(waiting(w.senco, "feedback_to_give"), feedback + 1);
    ASSERT_EQ(w.senco.api("POST", agreement_path + "/feedback", {{"rating", 4}}).status, 201);
    EXPECT_EQ(waiting(w.senco, "feedback_to_give"), feedback);
}

TEST(Home, TheHomePageLeadsWithWhatWaitsAndStatusesNameWhoseTurnItIs) {
    World& w = world();
    auto request = w.senco.api("POST", "/api/v1/requests", individual());
    ASSERT_EQ(request.status, 201);
    auto home = browser_for(w.coordinator).get("/");
    ASSERT_EQ(home.status, 200);
    const auto waiting_at = home.body.find("Waiting for you");
    ASSERT_NE(waiting_at, std::string::npos);
    EXPECT_LT(waiting_at, home.body.find("What you can do"));
    EXPECT_NE(home.body.find("href=\"/requests?status=submitted\""), std::string::npos);
    EXPECT_NE(home.body.find("waiting for triage"), std::string::npos);

    auto list = browser_for(w.senco).get("/requests");
    EXPECT_NE(list.body.find("Waiting for the trust to triage"), std::string::npos);
}

}  // namespace sendhub::testing
