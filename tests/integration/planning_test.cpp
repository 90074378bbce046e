// Availability and leave, the term planner, calendars and the iCal feed (issue 7), over the API.
#include <gtest/gtest.h>

#include "core/availability.hpp"
#include "core/dates.hpp"
#include "world.hpp"

namespace sendhub::testing {
namespace {

int accepted_request(World& w) {
    auto request = w.senco.api("POST", "/api/v1/requests", individual());
    EXPECT_EQ(request.status, 201) << request.body;
    int id = request.json()["id"];
    auto triage = w.coordinator.api("POST", "/api/v1/requests/" + std::to_string(id) + "/triage",
                                    {{"decision", "accept"}, {"expertise_level", "teacher"}});
    EXPECT_EQ(triage.status, 200) << triage.body;
    return id;
}

}  // namespace

TEST(Planning, AvailabilityLeaveAndAPlanAcceptedIntoHeldVisitsAndAFeed) {
    World& w = world();
    const std::string pat = "/api/v1/practitioners/" + std::to_string(w.practitioner_id);
    // A term far ahead, so no other test's visits are in it. It starts on a Monday.
    Date start = monday_of(add_days(*parse_date(day(0)), 400));
    auto term_start = format_date(start), term_end = format_date(add_days(start, 83));

    // Pat works Monday to Wednesday and books a week of leave; a SENCO sees none of it.
    auto set =
        w.coordinator.api("PUT", pat + "/availability", {{"working_days", {"mon", "tue", "wed"}}});
    ASSERT_EQ(set.status, 200) << set.body;
    EXPECT_EQ(set.json()["working_days"], nlohmann::json({"mon", "tue", "wed"}));
    EXPECT_EQ(
        w.coordinator.api("PUT", pat + "/availability", {{"working_days", nlohmann::json::array()}})
            .status,
        422);
    auto leave = w.practitioner.api("POST", pat + "/leave",
                                    {{"first", format_date(add_days(start, 14))},
                                     {"last", format_date(add_days(start, 18))},
                                     {"reason", "Course"}});
    ASSERT_EQ(leave.status, 201) << leave.body;
    auto backwards =
        w.practitioner.api("POST", pat + "/leave", {{"first", term_end}, {"last", term_start}});
    ASSERT_EQ(backwards.status, 422);
    EXPECT_EQ(backwards.json()["error"]["field"], "last");
    EXPECT_EQ(w.senco.api("GET", pat + "/availability").status, 403);
    auto seen = w.practitioner.api("GET", pat + "/availability");
    ASSERT_EQ(seen.status, 200);
    EXPECT_EQ(seen.json()["leave"].size(), 1u);

    int first = accepted_request(w), second = accepted_request(w);
    nlohmann::json body{{"term_start", term_start},
                        {"term_end", term_end},
                        {"requests",
                         {{{"request_id", first},
                           {"frequency", "fortnightly"},
                           {"sessions", "6"},
                           {"session_days", "1"},
                           {"pinned_practitioner_id", w.practitioner_id}},
                          {{"request_id", second},
                           {"frequency", "monthly"},
                           {"sessions", "3"},
                           {"session_days", "0.5"},
                           {"pinned_practitioner_id", w.practitioner_id}}}}};

    // Too many visits for the term, and a request that is not waiting, are named.
    auto too_many = body;
    too_many["requests"][0]["sessions"] = "9";
    auto refused = w.coordinator.api("POST", "/api/v1/plans", too_many);
    ASSERT_EQ(refused.status, 422) << refused.body;
    EXPECT_EQ(refused.json()["error"]["field"], "sessions_" + std::to_string(first));
    EXPECT_EQ(w.senco.api("POST", "/api/v1/plans", body).status, 403);

    auto proposal = w.coordinator.api("POST", "/api/v1/plans", body);
    ASSERT_EQ(proposal.status, 200) << proposal.body;
    auto items = proposal.json()["items"];
    ASSERT_EQ(items.size(), 2u);
    for (const auto& item : items) {
        ASSERT_EQ(item["practitioner_id"], w.practitioner_id) << item;
        for (const auto& d : item["dates"]) {
            Date date = *parse_date(d.get<std::string>());
            EXPECT_LT(weekday_index(date), 3) << d;  // Monday to Wednesday only
            EXPECT_FALSE(days_between(add_days(start, 14), date) >= 0 &&
                         days_between(date, add_days(start, 18)) >= 0)
                << d;
        }
    }
    EXPECT_EQ(items[0]["dates"].size(), 6u);
    EXPECT_EQ(items[1]["dates"].size(), 3u);

    auto accepted = w.coordinator.api("POST", "/api/v1/plans/accept", body);
    ASSERT_EQ(accepted.status, 200) << accepted.body;
    auto request = w.coordinator.api("GET", "/api/v1/requests/" + std::to_string(first));
    EXPECT_EQ(request.json()["status"], "assigned");
    // Accepting again finds the requests already assigned.
    EXPECT_EQ(w.coordinator.api("POST", "/api/v1/plans/accept", body).status, 422);

    // The held dates are in Pat's calendar and the coordinator's view of everyone.
    std::string range = "?from=" + term_start + "&to=" + format_date(add_days(start, 83));
    auto mine = w.practitioner.api("GET", "/api/v1/calendar" + range);
    ASSERT_EQ(mine.status, 200) << mine.body;
    EXPECT_EQ(mine.json()["items"].size(), 9u);
    EXPECT_EQ(mine.json()["items"][0]["status"], "held");
    EXPECT_EQ(w.coordinator
                  .api("GET", "/api/v1/calendar" + range +
                                  "&practitioner_id=" + std::to_string(w.practitioner_id))
                  .json()["items"]
                  .size(),
              9u);
    EXPECT_EQ(w.senco.api("GET", "/api/v1/calendar" + range).status, 403);

    // Pat subscribes: the secret link works without signing in, until it is revoked.
    auto feed = w.practitioner.api("POST", "/api/v1/calendar/feed");
    ASSERT_EQ(feed.status, 201) << feed.body;
    std::string url = feed.json()["url"];
    std::string path = url.substr(url.find("/calendar/feed/"));
    Client calendar_app(server().base_url());
    auto ics = calendar_app.get(path);
    ASSERT_EQ(ics.status, 200);
    EXPECT_EQ(ics.header("content-type"), "text/calendar; charset=utf-8");
    EXPECT_NE(ics.body.find("BEGIN:VCALENDAR"), std::string::npos);
    EXPECT_NE(ics.body.find("STATUS:TENTATIVE"), std::string::npos);
    EXPECT_EQ(ics.body.find("AB finds"), std::string::npos);  // nothing about the child
    EXPECT_EQ(calendar_app.get("/calendar/feed/not-a-token.ics").status, 404);
    EXPECT_EQ(w.practitioner.api("DELETE", "/api/v1/calendar/feed").status, 204);
    EXPECT_EQ(calendar_app.get(path).status, 404);

    // The request page lists the held dates, and the agreement form starts from them.
    auto coordinator_pages = browser_for(w.coordinator);
    auto shown = coordinator_pages.get("/requests/" + std::to_string(first));
    const Date first_held = *parse_date(items[0]["dates"][0].get<std::string>());
    EXPECT_NE(shown.body.find("Dates held by the term plan: " + format_day_month_year(first_held)),
              std::string::npos);
    auto form = coordinator_pages.get("/requests/" + std::to_string(first) + "/agreement");
    EXPECT_NE(form.body.find("The term plan holds these dates"), std::string::npos);
    EXPECT_NE(form.body.find("id=\"sessions\" name=\"sessions\" type=\"text\" value=\"6\""),
              std::string::npos);
    EXPECT_NE(form.body.find("<option value=\"fortnightly\" selected>"), std::string::npos);

    // When the school agrees the provision, the held dates become its planned visits.
    auto agreement =
        w.coordinator.api("POST", "/api/v1/requests/" + std::to_string(first) + "/agreement",
                          {{"type", "Observation"},
                           {"level", "teacher"},
                           {"frequency", "fortnightly"},
                           {"sessions", 6},
                           {"session_days", 1},
                           {"start_date", term_start},
                           {"outcomes", {"Calmer transitions"}}});
    ASSERT_EQ(agreement.status, 201) << agreement.body;
    auto agreed =
        w.senco.api("POST", "/api/v1/agreements/" +
                                std::to_string(agreement.json()["id"].get<int>()) + "/accept");
    ASSERT_EQ(agreed.status, 200) << agreed.body;
    int planned = 0, held = 0;
    auto after = w.practitioner.api("GET", "/api/v1/calendar" + range);
    ASSERT_EQ(after.status, 200) << after.body;
    auto entries = after.json()["items"];  // bound first: a temporary's member would dangle
    for (const auto& e : entries) {
        planned += e["status"] == "planned";
        held += e["status"] == "held";
    }
    EXPECT_EQ(planned, 6) << after.body;
    EXPECT_EQ(held, 3);

    // Leave comes off again; Pat goes back to a full week for the other tests.
    std::string leave_path = pat + "/leave/" + std::to_string(leave.json()["id"].get<int>());
    EXPECT_EQ(w.coordinator.api("DELETE", leave_path).status, 204);
    EXPECT_EQ(w.coordinator.api("DELETE", leave_path).status, 404);
    EXPECT_EQ(w.coordinator
                  .api("PUT", pat + "/availability",
                       {{"working_days", {"mon", "tue", "wed", "thu", "fri"}}})
                  .status,
              200);
}

}  // namespace sendhub::testing
