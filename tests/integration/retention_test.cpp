// Retention (api-contract-trust.md): the schedule administrators read, and `sendhub retention
// run`, which anonymises closed requests and old events' bookings and deletes old invoices on a
// copy of the shared world (so the other tests keep their records), printing and auditing each
// change.
#include <gtest/gtest.h>

#include <random>

#include "world.hpp"

namespace sendhub::testing {
namespace {

std::string copy_of_world(const std::string& name) {
    auto file = (server().dir() / (name + ".backup")).string();
    auto saved = server().run({"backup", "--db", server().db_url(), "--to", file});
    EXPECT_EQ(saved.exit_code, 0) << saved.output;
    std::string target =
        server().on_postgresql()
            ? create_postgres_database(name + "_" + std::to_string(std::random_device{}()))
            : "sqlite:" + (server().dir() / (name + ".db")).string();
    auto restored = server().run({"restore", "--db", target, "--from", file});
    EXPECT_EQ(restored.exit_code, 0) << restored.output;
    return target;
}

bool has_line(const std::string& output, const std::string& line) {
    return ("\n" + output).find("\n" + line + "\n") != std::string::npos;
}

}  // namespace

TEST(Retention, AdministratorsReadTheSchedule) {
    World& w = world();
    auto schedule = w.admin.api("GET", "/api/v1/retention");
    ASSERT_EQ(schedule.status, 200);
    const auto items = schedule.json()["items"];
    ASSERT_EQ(items.size(), 4U);
    EXPECT_EQ(items[0]["record_type"], "outreach_request");
    EXPECT_EQ(items[1]["record_type"], "safeguarding_concern");
    EXPECT_EQ(items[2]["record_type"], "invoice");
    EXPECT_EQ(items[3]["record_type"], "event_booking");
    for (const auto& item : items)
        for (const char* key : {"covers", "period", "action", "basis"})
            EXPECT_FALSE(item[key].get<std::string>().empty()) << key;
    EXPECT_EQ(w.coordinator.api("GET", "/api/v1/retention").status, 403);
    auto page = browser_for(w.admin).get("/retention");
    EXPECT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("date of birth + 31 years"), std::string::npos);
}

TEST(Retention, TheJobAnonymisesClosedRequestsAndDeletesOldInvoicesOnce) {
    World& w = world();
    // A Y3 pupil's request (kept to 2050), completed with reports, progress, feedback and a
    // concern.
    auto work = deliver(w, {-380, -385}, 10);
    const std::string agreement_path = "/api/v1/agreements/" + std::to_string(work.agreement_id);
    auto agreement = w.coordinator.api("GET", agreement_path).json();
    const int request_id = agreement["request_id"];
    const int outcome = agreement["outcomes"][0]["id"];
    ASSERT_EQ(
        w.practitioner
            .api("POST", agreement_path + "/outcomes/" + std::to_string(outcome) + "/progress",
                 {{"date", day(-2)}, {"status", "emerging"}, {"note", "Progress words."}})
            .status,
        201);
    ASSERT_EQ(w.senco
                  .api("POST", agreement_path + "/feedback",
                       {{"rating", 4}, {"comments", "Feedback words."}})
                  .status,
              201);
    auto concern = w.practitioner.api(
        "POST", "/api/v1/visits/" + std::to_string(work.visit_ids[0]) + "/concerns",
        {{"summary", "Concern words."}, {"dsl_told_in_person", true}, {"dsl_name", "Dee"}});
    ASSERT_EQ(concern.status, 201) << concern.body;
    ASSERT_EQ(w.coordinator.api("POST", agreement_path + "/complete").status, 200);
    auto run = w.finance.api("POST", "/api/v1/invoices/run", {{"period_end", day(-1)}});
    ASSERT_EQ(run.status, 200) << run.body;
    int invoice_id = 0;
    const auto invoices = all_invoices(w.finance);
    for (const auto& inv : invoices)
        for (const auto& line : inv["lines"])
            if (line["visit_id"] == work.visit_ids[0]) invoice_id = inv["id"];
    ASSERT_NE(invoice_id, 0);

    const std::string db = copy_of_world("retention");
    const std::string request_line = "anonymise request " + std::to_string(request_id);
    const std::string invoice_line = "delete invoice " + std::to_string(invoice_id);

    auto bad = server().run({"retention", "run", "--db", db, "--as-of", "2060-13-01"});
    EXPECT_NE(bad.exit_code, 0);
    // Before the end of the period nothing of this request is due.
    auto early =
        server().run({"retention", "run", "--db", db, "--as-of", "2030-01-01", "--dry-run"});
    EXPECT_EQ(early.exit_code, 0) << early.output;
    EXPECT_FALSE(has_line(early.output, request_line)) << early.output;
    EXPECT_FALSE(has_line(early.output, invoice_line)) << early.output;

    auto dry = server().run({"retention", "run", "--db", db, "--as-of", "2100-01-01", "--dry-run"});
    ASSERT_EQ(dry.exit_code, 0) << dry.output;
    EXPECT_TRUE(has_line(dry.output, request_line)) << dry.output;
    EXPECT_TRUE(has_line(dry.output, invoice_line)) << dry.output;
    auto real = server().run({"retention", "run", "--db", db, "--as-of", "2100-01-01"});
    ASSERT_EQ(real.exit_code, 0) << real.output;
    EXPECT_EQ(real.output, dry.output);  // the dry run printed exactly what was then done
    auto again = server().run({"retention", "run", "--db", db, "--as-of", "2100-01-01"});
    EXPECT_EQ(again.output, "0 records\n");

    Server copy(Server::ExistingDatabase{db});
    Client admin(copy.base_url());
    admin.token = w.admin.token;  // the session was copied with everything else
    auto request = admin.api("GET", "/api/v1/requests/" + std::to_string(request_id));
    ASSERT_EQ(request.status, 200) << request.body;
    const auto r = request.json();
    EXPECT_EQ(r["anonymised_on"], "2100-01-01");
    EXPECT_TRUE(r["pupils"][0]["ref"].is_null());
    EXPECT_TRUE(r["pupils"][0]["year_group"].is_null());
    EXPECT_EQ(r["pupils"][0]["primary_need"], "ASD");  // needs stay
    EXPECT_EQ(r["concern"], "");
    EXPECT_EQ(r["tried"], "");
    EXPECT_EQ(r["consent"]["obtained_by"], "");
    EXPECT_EQ(r["status"], "completed");
    auto a = admin.api("GET", agreement_path).json();
    EXPECT_EQ(a["outcomes"][0]["text"], "");
    EXPECT_EQ(a["sessions"], agreement["sessions"]);
    auto report =
        admin.api("GET", "/api/v1/visits/" + std::to_string(work.visit_ids[0]) + "/report");
    ASSERT_EQ(report.status, 200) << report.body;
    EXPECT_EQ(report.json()["work_undertaken"], "");
    EXPECT_EQ(report.json()["next_steps"], "");
    auto progress = admin.api("GET", agreement_path + "/progress").json();
    EXPECT_EQ(progress["items"][0]["note"], "");
    EXPECT_EQ(progress["items"][0]["status"], "emerging");
    auto concern_now =
        admin.api("GET", "/api/v1/concerns/" + std::to_string(concern.json()["id"].get<int>()));
    EXPECT_EQ(concern_now.json()["summary"], "");
    EXPECT_EQ(concern_now.json()["dsl_name"], "");
    EXPECT_EQ(admin.api("GET", "/api/v1/invoices/" + std::to_string(invoice_id)).status, 404);

    // What the deleted invoice charged is never charged again.
    Client finance(copy.base_url());
    finance.token = w.finance.token;
    ASSERT_EQ(finance.api("POST", "/api/v1/invoices/run", {{"period_end", day(-1)}}).status, 200);
    EXPECT_TRUE(lines_for_visit(all_invoices(finance), work.visit_ids[0]).empty());

    auto audit = admin.api("GET", "/api/v1/audit?action=anonymise&entity=request&entity_id=" +
                                      std::to_string(request_id));
    EXPECT_EQ(audit.json()["items"].size(), 1U);
    audit = admin.api("GET", "/api/v1/audit?action=delete&entity=invoice&entity_id=" +
                                 std::to_string(invoice_id));
    EXPECT_EQ(audit.json()["items"].size(), 1U);
}

TEST(Retention, TheJobAnonymisesAnOldEventsBookingsAndKeepsItsFigures) {
    World& w = world();
    auto created = w.partnerships.api("POST", "/api/v1/events",
                                      {{"title", "Retention course"},
                                       {"kind", "course"},
                                       {"audience", {"schools"}},
                                       {"summary", "What the course covers."},
                                       {"starts_at", day(30) + "T09:30"},
                                       {"ends_at", day(30) + "T15:00"},
                                       {"venue", "Kingsmoor Academy, Taunton"},
                                       {"online_url", ""},
                                       {"capacity", 10},
                                       {"price_pence", 0},
                                       {"tags", nlohmann::json::array()}});
    ASSERT_EQ(created.status, 201) << created.body;
    const int event = created.json()["id"];
    const std::string event_path = "/api/v1/events/" + std::to_string(event);
    std::vector<int> bookings;
    for (const auto& [name, email] : {std::pair{"Gil Gorse", "gil.gorse@own.example.org"},
                                      std::pair{"Hal Hazel", "hal.hazel@own.example.org"}}) {
        auto booked = w.senco.api("POST", event_path + "/bookings",
                                  {{"attendee_name", name}, {"attendee_email", email}});
        ASSERT_EQ(booked.status, 201) << booked.body;
        bookings.push_back(booked.json()["id"]);
    }
    ASSERT_EQ(w.coordinator
                  .api("POST", event_path + "/register",
                       {{"attendance", {{{"booking_id", bookings[0]}, {"attended", true}}}}})
                  .status,
              200);
    const std::string first = "/api/v1/bookings/" + std::to_string(bookings[0]);
    ASSERT_EQ(w.senco.api("POST", first + "/feedback", {{"rating", 5}, {"comment", "Useful day."}})
                  .status,
              201);

    const std::string db = copy_of_world("booking_retention");
    const std::string line = "anonymise event_bookings " + std::to_string(event);
    // The event's financial year ends on 31 March; its bookings are kept six years after.
    auto early =
        server().run({"retention", "run", "--db", db, "--as-of", "2030-01-01", "--dry-run"});
    ASSERT_EQ(early.exit_code, 0) << early.output;
    EXPECT_FALSE(has_line(early.output, line)) << early.output;
    auto real = server().run({"retention", "run", "--db", db, "--as-of", "2100-01-01"});
    ASSERT_EQ(real.exit_code, 0) << real.output;
    EXPECT_TRUE(has_line(real.output, line)) << real.output;
    auto again = server().run({"retention", "run", "--db", db, "--as-of", "2100-01-01"});
    EXPECT_EQ(again.output, "0 records\n");

    Server copy(Server::ExistingDatabase{db});
    Client organiser(copy.base_url());
    organiser.token = w.partnerships.token;  // the session was copied with everything else
    for (int id : bookings) {
        auto booking = organiser.api("GET", "/api/v1/bookings/" + std::to_string(id));
        ASSERT_EQ(booking.status, 200) << booking.body;
        EXPECT_EQ(booking.json()["attendee_name"], "");
        EXPECT_EQ(booking.json()["attendee_email"], "");
        EXPECT_EQ(booking.json()["status"], "confirmed");
    }
    EXPECT_EQ(organiser.api("GET", first).json()["attended"], true);
    auto feedback = organiser.api("GET", event_path + "/feedback").json();
    EXPECT_EQ(feedback["count"], 1);
    EXPECT_DOUBLE_EQ(feedback["average_rating"].get<double>(), 5.0);
    EXPECT_EQ(feedback["items"][0]["comment"], "");
    auto shown = organiser.api("GET", event_path).json();
    EXPECT_EQ(shown["places_left"], 8);  // the places stay booked

    Client admin(copy.base_url());
    admin.token = w.admin.token;
    auto audit =
        admin.api("GET", "/api/v1/audit?action=anonymise&entity=event_bookings&entity_id=" +
                             std::to_string(event));
    EXPECT_EQ(audit.json()["items"].size(), 1U);
}

}  // namespace sendhub::testing
