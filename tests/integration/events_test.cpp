// CPD, networks and events (api-contract-events.md): organisers publish events and series,
// schools book places (never over-booked, even at once on two instances), cancelling promotes
// the first person waiting, registers lead to certificates and feedback, and paid places are
// invoiced once.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "world.hpp"

namespace sendhub::testing {
namespace {

std::string at(int offset, const char* clock) {
    return day(offset) + "T" + clock;
}

nlohmann::json event_body(const std::string& title, int offset, int capacity = 30,
                          int price_pence = 4500,
                          nlohmann::json audience = nlohmann::json::array({"schools"})) {
    return {{"title", title},
            {"kind", "course"},
            {"audience", std::move(audience)},
            {"summary", "What the course covers."},
            {"starts_at", at(offset, "09:30")},
            {"ends_at", at(offset, "15:00")},
            {"venue", "Kingsmoor Academy, Taunton"},
            {"online_url", ""},
            {"capacity", capacity},
            {"price_pence", price_pence},
            {"tags", {"Autism", " SLCN "}}};
}

int create(World& w, const nlohmann::json& body) {
    auto r = w.partnerships.api("POST", "/api/v1/events", body);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json()["id"].get<int>();
}

HttpResponse book(Client& c, int event, const std::string& name, const std::string& email) {
    return c.api("POST", "/api/v1/events/" + std::to_string(event) + "/bookings",
                 {{"attendee_name", name}, {"attendee_email", email}});
}

std::string booking_path(const HttpResponse& r) {
    return "/api/v1/bookings/" + std::to_string(r.json()["id"].get<int>());
}

}  // namespace

TEST(Events, OrganisersCreateEventsWithEveryRuleChecked) {
    World& w = world();
    auto created = w.coordinator.api("POST", "/api/v1/events", event_body("Rules course", 200));
    ASSERT_EQ(created.status, 201) << created.body;
    const auto e = created.json();
    EXPECT_TRUE(e["series_id"].is_null());
    EXPECT_EQ(e["starts_at"], at(200, "09:30"));
    EXPECT_EQ(e["places_left"], 30);
    EXPECT_EQ(e["waitlisted"], 0);
    EXPECT_EQ(e["tags"], nlohmann::json({"autism", "slcn"}));
    EXPECT_EQ(w.senco.api("GET", "/api/v1/events/" + std::to_string(e["id"].get<int>())).status,
              200);

    for (Client* other : {&w.senco, &w.finance, &w.practitioner, &w.headteacher})
        EXPECT_EQ(other->api("POST", "/api/v1/events", event_body("Nope", 200)).status, 403);

    auto with = [&](const char* key, nlohmann::json value) {
        auto body = event_body("Checked", 200);
        body[key] = std::move(value);
        return w.admin.api("POST", "/api/v1/events", body);
    };
    expect_error(with("title", ""), 422, "required", "title");
    expect_error(with("title", std::string(201, 'x')), 422, "invalid", "title");
    expect_error(with("kind", "party"), 422, "invalid", "kind");
    expect_error(with("audience", nlohmann::json::array()), 422, "invalid", "audience");
    expect_error(with("audience", {"governors"}), 422, "invalid", "audience");
    expect_error(with("summary", ""), 422, "required", "summary");
    expect_error(with("starts_at", "2026-12-03 09:30"), 422, "invalid", "starts_at");
    expect_error(with("ends_at", at(200, "09:00")), 422, "invalid", "ends_at");
    expect_error(with("online_url", "http://meet.example.org"), 422, "invalid", "online_url");
    expect_error(with("capacity", 0), 422, "invalid", "capacity");
    expect_error(with("capacity", "30"), 422, "invalid", "capacity");
    expect_error(with("price_pence", -1), 422, "invalid", "price_pence");
    auto nowhere = event_body("Nowhere", 200);
    nowhere["venue"] = "";
    expect_error(w.admin.api("POST", "/api/v1/events", nowhere), 422, "required", "venue");
    nowhere["online_url"] = "https://meet.example.org/x";
    EXPECT_EQ(w.admin.api("POST", "/api/v1/events", nowhere).status, 201);
    // An event recorded after the fact is allowed.
    EXPECT_EQ(w.admin.api("POST", "/api/v1/events", event_body("Last term's course", -30)).status,
              201);
}

TEST(Events, ASeriesIsOneEventPerSessionOrNothing) {
    World& w = world();
    auto body = event_body("SENCO network", 0, 40, 0, {"senco", "headteacher"});
    body.erase("starts_at");
    body.erase("ends_at");
    body["tags"] = {"series-test"};
    body["sessions"] = {{{"starts_at", at(210, "13:30")}, {"ends_at", at(210, "15:30")}},
                        {{"starts_at", at(259, "13:30")}, {"ends_at", at(259, "15:30")}},
                        {{"starts_at", at(308, "13:30")}, {"ends_at", at(308, "15:30")}}};
    auto bad = body;
    bad["sessions"][1]["ends_at"] = at(259, "12:00");
    expect_error(w.coordinator.api("POST", "/api/v1/event-series", bad), 422, "invalid",
                 "sessions[1].ends_at");
    EXPECT_EQ(w.coordinator.api("GET", "/api/v1/events?tag=series-test").json()["items"].size(),
              0U);
    bad = body;
    bad["sessions"] = nlohmann::json::array();
    EXPECT_EQ(w.coordinator.api("POST", "/api/v1/event-series", bad).status, 422);

    auto series = w.coordinator.api("POST", "/api/v1/event-series", body);
    ASSERT_EQ(series.status, 201) << series.body;
    const auto s = series.json();
    ASSERT_EQ(s["events"].size(), 3U);
    EXPECT_EQ(s["title"], "SENCO network");
    for (std::size_t i = 0; i < 3; ++i) EXPECT_EQ(s["events"][i]["series_id"], s["id"]);
    EXPECT_EQ(s["events"][2]["starts_at"], at(308, "13:30"));
    const std::string id = std::to_string(s["id"].get<int>());
    EXPECT_EQ(w.senco.api("GET", "/api/v1/event-series/" + id).json()["events"].size(), 3U);
    EXPECT_EQ(w.senco.api("GET", "/api/v1/events?series_id=" + id).json()["items"].size(), 3U);
    // Meant for SENCOs and headteachers: other school staff do not know it exists.
    EXPECT_EQ(w.school_staff.api("GET", "/api/v1/event-series/" + id).status, 404);
}

TEST(Events, EachUserSeesOnlyTheEventsMeantForThem) {
    World& w = world();
    const int for_sencos = create(w, event_body("For SENCOs", 220, 10, 0, {"senco"}));
    const int for_trust = create(w, event_body("For trust staff", 220, 10, 0, {"trust_staff"}));
    const int for_anyone = create(w, event_body("For anyone", 220, 10, 0, {"public"}));
    const int started = create(w, event_body("Already started", -1, 10, 0, {"public"}));
    auto path = [](int id) { return "/api/v1/events/" + std::to_string(id); };

    EXPECT_EQ(w.senco.api("GET", path(for_sencos)).status, 200);
    EXPECT_EQ(w.headteacher.api("GET", path(for_sencos)).status, 404);
    EXPECT_EQ(w.senco.api("GET", path(for_trust)).status, 404);
    EXPECT_EQ(w.finance.api("GET", path(for_trust)).status, 200);
    EXPECT_EQ(w.practitioner.api("GET", path(for_sencos)).status, 200);
    EXPECT_EQ(w.school_staff.api("GET", path(for_anyone)).status, 200);

    Client anonymous(server().base_url());
    auto listed = anonymous.api("GET", "/api/v1/public/events?limit=500");
    ASSERT_EQ(listed.status, 200) << listed.body;
    bool saw_anyone = false;
    const auto items = listed.json()["items"];
    for (const auto& item : items) {
        EXPECT_NE(item["id"], for_sencos);
        EXPECT_NE(item["id"], for_trust);
        EXPECT_NE(item["id"], started);
        EXPECT_FALSE(item.contains("online_url"));
        EXPECT_TRUE(item["online"].is_boolean());
        if (item["id"] == for_anyone) saw_anyone = true;
    }
    EXPECT_TRUE(saw_anyone);
    EXPECT_EQ(anonymous.api("GET", path(for_anyone)).status, 401);
    auto page = anonymous.get("/events");
    EXPECT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("For anyone"), std::string::npos);
    EXPECT_EQ(page.body.find("For SENCOs"), std::string::npos);
    auto event_page = anonymous.get("/events/" + std::to_string(for_anyone));
    EXPECT_EQ(event_page.status, 303);
    EXPECT_NE(event_page.header("location").find("/login"), std::string::npos);

    auto ics = w.senco.api("GET", path(for_sencos) + ".ics");
    ASSERT_EQ(ics.status, 200) << ics.body;
    EXPECT_NE(ics.header("content-type").find("text/calendar"), std::string::npos);
    std::string compact = day(220);
    std::erase(compact, '-');
    EXPECT_NE(ics.body.find("BEGIN:VCALENDAR"), std::string::npos);
    EXPECT_NE(ics.body.find("BEGIN:VTIMEZONE"), std::string::npos);
    EXPECT_NE(ics.body.find("DTSTART;TZID=Europe/London:" + compact + "T093000"),
              std::string::npos);
    EXPECT_NE(ics.body.find("DTEND;TZID=Europe/London:" + compact + "T150000"), std::string::npos);
    EXPECT_NE(ics.body.find("SUMMARY:For SENCOs"), std::string::npos);
    EXPECT_NE(ics.body.find("LOCATION:Kingsmoor Academy\\, Taunton"), std::string::npos);
    EXPECT_NE(ics.body.find("UID:"), std::string::npos);
    EXPECT_EQ(w.headteacher.api("GET", path(for_sencos) + ".ics").status, 404);
}

TEST(Events, BookingConfirmsWhilePlacesAreLeftThenWaitsAndCancellingPromotes) {
    World& w = world();
    const int event = create(w, event_body("Two places", 230, 2, 0));
    auto first = book(w.senco, event, "Ann Ash", "ann.ash@own.example.org");
    ASSERT_EQ(first.status, 201) << first.body;
    EXPECT_EQ(first.json()["status"], "confirmed");
    EXPECT_EQ(first.json()["school_urn"], kOwnSchool);
    EXPECT_TRUE(first.json()["attended"].is_null());
    auto mail = emails_to("ann.ash@own.example.org", "event_booking");
    ASSERT_FALSE(mail.empty());
    EXPECT_NE(mail[0].find("Two places"), std::string::npos);
    EXPECT_NE(mail[0].find("confirmed"), std::string::npos);
    EXPECT_NE(mail[0].find("Kingsmoor Academy"), std::string::npos);

    expect_error(book(w.headteacher, event, "Ann again", "ANN.ASH@own.example.org"), 409,
                 "already_booked", nullptr);
    expect_error(book(w.senco, event, " ", "x@own.example.org"), 422, "required", "attendee_name");
    expect_error(book(w.senco, event, "Bad", "not-an-email"), 422, "invalid", "attendee_email");
    EXPECT_EQ(book(w.coordinator, event, "Trust", "t@spt.example.org").status, 403);

    auto second = book(w.school_staff, event, "Ben Birch", "ben.birch@own.example.org");
    ASSERT_EQ(second.status, 201);
    auto third = book(w.senco, event, "Cat Cole", "cat.cole@own.example.org");
    ASSERT_EQ(third.status, 201);
    EXPECT_EQ(third.json()["status"], "waitlisted");
    auto waiting_mail = emails_to("cat.cole@own.example.org", "event_booking");
    ASSERT_FALSE(waiting_mail.empty());
    EXPECT_NE(waiting_mail[0].find("waiting list"), std::string::npos);
    auto shown = w.coordinator.api("GET", "/api/v1/events/" + std::to_string(event)).json();
    EXPECT_EQ(shown["places_left"], 0);
    EXPECT_EQ(shown["waitlisted"], 1);

    auto cancelled = w.senco.api("POST", booking_path(first) + "/cancel");
    ASSERT_EQ(cancelled.status, 200) << cancelled.body;
    EXPECT_EQ(cancelled.json()["status"], "cancelled");
    EXPECT_EQ(w.senco.api("GET", booking_path(third)).json()["status"], "confirmed");
    auto promoted = emails_to("cat.cole@own.example.org", "event_booking", 2);
    ASSERT_EQ(promoted.size(), 2U);
    EXPECT_NE(promoted[1].find("now confirmed"), std::string::npos);
    expect_error(w.senco.api("POST", booking_path(first) + "/cancel"), 409, "invalid_transition",
                 nullptr);
    // The freed place may be booked again by the same person.
    EXPECT_EQ(book(w.senco, event, "Ann Ash", "ann.ash@own.example.org").json()["status"],
              "waitlisted");

    // Who sees bookings: organisers all, the school its own, other trust roles none.
    EXPECT_EQ(w.partnerships.api("GET", "/api/v1/events/" + std::to_string(event) + "/bookings")
                  .json()["items"]
                  .size(),
              4U);
    EXPECT_EQ(w.finance.api("GET", "/api/v1/events/" + std::to_string(event) + "/bookings").status,
              403);
    EXPECT_EQ(w.finance.api("GET", booking_path(second)).status, 403);
    Client other(server().base_url());
    w.admin.api("POST", "/api/v1/users",
                {{"email", "events.other@it.example.org"},
                 {"name", "Other SENCO"},
                 {"role", "senco"},
                 {"school_urn", kOtherSchool},
                 {"password", "a-long-test-password"}});
    ASSERT_EQ(other.login_api("events.other@it.example.org", "a-long-test-password"), 200);
    EXPECT_EQ(other.api("GET", booking_path(second)).status, 404);
    EXPECT_EQ(other.api("POST", booking_path(second) + "/cancel").status, 404);
    auto others = other.api("GET", "/api/v1/events/" + std::to_string(event) + "/bookings");
    ASSERT_EQ(others.status, 200);
    EXPECT_EQ(others.json()["items"].size(), 0U);
}

TEST(Events, NoBookingOrCancellingOnceTheEventHasStarted) {
    World& w = world();
    // Today from midnight has begun whatever the time the test runs.
    auto body = event_body("Started today", 0, 5, 0);
    body["starts_at"] = at(0, "00:00");
    body["ends_at"] = at(0, "23:59");
    const int today = create(w, body);
    expect_error(book(w.senco, today, "Late", "late@own.example.org"), 409, "event_started",
                 nullptr);
    const int yesterday = create(w, event_body("Yesterday", -1, 5, 0));
    expect_error(book(w.senco, yesterday, "Late", "late@own.example.org"), 409, "event_started",
                 nullptr);
}

TEST(Events, TenBookingsAtOnceOnTwoInstancesFillThreePlacesExactly) {
    World& w = world();
    const int event = create(w, event_body("Last three places", 240, 3, 0));
    Server second(Server::ExistingDatabase{server().db_url()});
    std::vector<std::string> statuses(10);
    std::vector<long> codes(10);
    std::vector<std::thread> threads;
    std::atomic<int> ready = 0;
    for (int i = 0; i < 10; ++i) {
        threads.emplace_back([&, i] {
            Client c(i % 2 == 0 ? server().base_url() : second.base_url());
            c.token = w.senco.token;
            ++ready;
            while (ready < 10) std::this_thread::yield();
            auto r = book(c, event, "Person " + std::to_string(i),
                          "rush" + std::to_string(i) + "@own.example.org");
            codes[i] = r.status;
            if (r.status == 201) statuses[i] = r.json()["status"].get<std::string>();
        });
    }
    for (auto& t : threads) t.join();
    int confirmed = 0;
    int waitlisted = 0;
    for (int i = 0; i < 10; ++i) {
        EXPECT_EQ(codes[i], 201);
        confirmed += statuses[i] == "confirmed";
        waitlisted += statuses[i] == "waitlisted";
    }
    EXPECT_EQ(confirmed, 3);
    EXPECT_EQ(waitlisted, 7);
    auto shown = w.coordinator.api("GET", "/api/v1/events/" + std::to_string(event)).json();
    EXPECT_EQ(shown["places_left"], 0);
    EXPECT_EQ(shown["waitlisted"], 7);
}

TEST(Events, RegisterCertificateAndFeedback) {
    World& w = world();
    const int event = create(w, event_body("Certificate course", 250, 1, 0));
    const int elsewhere = create(w, event_body("Another course", 250, 5, 0));
    auto place = book(w.senco, event, "Dee Dale", "dee.dale@own.example.org");
    auto waiting = book(w.senco, event, "Eve Elm", "eve.elm@own.example.org");
    auto other_place = book(w.senco, elsewhere, "Fay Fir", "fay.fir@own.example.org");
    ASSERT_EQ(waiting.json()["status"], "waitlisted");
    const std::string reg = "/api/v1/events/" + std::to_string(event) + "/register";
    auto entry = [](const HttpResponse& b, bool attended) {
        return nlohmann::json{{"booking_id", b.json()["id"]}, {"attended", attended}};
    };

    expect_error(w.senco.api("GET", booking_path(place) + "/certificate.pdf"), 409, "not_attended",
                 nullptr);
    expect_error(w.senco.api("POST", booking_path(place) + "/feedback", {{"rating", 5}}), 409,
                 "not_attended", nullptr);
    EXPECT_EQ(w.senco.api("POST", reg, {{"attendance", {entry(place, true)}}}).status, 403);
    expect_error(w.coordinator.api(
                     "POST", reg, {{"attendance", {entry(place, true), entry(other_place, true)}}}),
                 422, "invalid", "attendance[1].booking_id");
    EXPECT_EQ(
        w.coordinator.api("POST", reg, {{"attendance", {entry(place, true), entry(waiting, true)}}})
            .status,
        409);
    // Neither refusal changed anything.
    EXPECT_TRUE(w.senco.api("GET", booking_path(place)).json()["attended"].is_null());

    auto marked = w.coordinator.api("POST", reg, {{"attendance", {entry(place, true)}}});
    ASSERT_EQ(marked.status, 200) << marked.body;
    EXPECT_EQ(marked.json()["items"][0]["attended"], true);

    auto pdf = w.senco.api("GET", booking_path(place) + "/certificate.pdf");
    ASSERT_EQ(pdf.status, 200);
    EXPECT_EQ(pdf.header("content-type"), "application/pdf");
    const auto text = pdf_text(pdf.body, "certificate.pdf");
    EXPECT_NE(text.find("Dee Dale"), std::string::npos) << text;
    EXPECT_NE(text.find("Certificate course"), std::string::npos);
    EXPECT_NE(text.find("5.5 hours"), std::string::npos);
    const std::string iso = day(250);
    const char* months[] = {"January", "February", "March",     "April",   "May",      "June",
                            "July",    "August",   "September", "October", "November", "December"};
    const std::string readable = std::to_string(std::stoi(iso.substr(8, 2))) + " " +
                                 months[std::stoi(iso.substr(5, 2)) - 1] + " " + iso.substr(0, 4);
    EXPECT_NE(text.find(readable), std::string::npos) << readable;
    EXPECT_EQ(w.coordinator.api("GET", booking_path(place) + "/certificate.pdf").status, 200);

    expect_error(w.senco.api("POST", booking_path(place) + "/feedback", {{"rating", 6}}), 422,
                 "invalid", "rating");
    EXPECT_EQ(w.coordinator.api("POST", booking_path(place) + "/feedback", {{"rating", 4}}).status,
              403);
    auto given = w.senco.api("POST", booking_path(place) + "/feedback",
                             {{"rating", 4}, {"comment", "Practical and clear."}});
    ASSERT_EQ(given.status, 201) << given.body;
    expect_error(w.headteacher.api("POST", booking_path(place) + "/feedback", {{"rating", 5}}), 409,
                 "already_given", nullptr);

    const std::string fb = "/api/v1/events/" + std::to_string(event) + "/feedback";
    EXPECT_EQ(w.senco.api("GET", fb).status, 403);
    auto summary = w.partnerships.api("GET", fb).json();
    EXPECT_EQ(summary["count"], 1);
    EXPECT_DOUBLE_EQ(summary["average_rating"].get<double>(), 4.0);
    EXPECT_EQ(summary["items"][0]["comment"], "Practical and clear.");
    auto none =
        w.partnerships.api("GET", "/api/v1/events/" + std::to_string(elsewhere) + "/feedback")
            .json();
    EXPECT_EQ(none["count"], 0);
    EXPECT_TRUE(none["average_rating"].is_null());
}

TEST(Events, PaidConfirmedPlacesAreInvoicedOnceAndFreeOnesNever) {
    World& w = world();
    const int paid = create(w, event_body("Paid course", 260, 2, 4500));
    const int free = create(w, event_body("Free webinar", 260, 5, 0));
    auto one = book(w.senco, paid, "Gil Gorse", "gil@own.example.org");
    auto two = book(w.senco, paid, "Hal Holly", "hal@own.example.org");
    auto waits = book(w.senco, paid, "Ivy Iris", "ivy@own.example.org");
    auto gone = book(w.senco, free, "Jo Juniper", "jo@own.example.org");
    ASSERT_EQ(waits.json()["status"], "waitlisted");
    auto place_lines = [&](const nlohmann::json& invoices, int booking) {
        std::vector<nlohmann::json> out;
        for (const auto& inv : invoices)
            for (const auto& l : inv["lines"])
                if (l["kind"] == "event" && l["booking_id"] == booking) out.push_back(l);
        return out;
    };
    const int one_id = one.json()["id"], two_id = two.json()["id"];
    const int waits_id = waits.json()["id"], free_id = gone.json()["id"];

    // Confirmed today, so a period ending yesterday does not charge them.
    ASSERT_EQ(w.finance.api("POST", "/api/v1/invoices/run", {{"period_end", day(-1)}}).status, 200);
    EXPECT_TRUE(place_lines(all_invoices(w.finance), one_id).empty());

    auto run = w.finance.api("POST", "/api/v1/invoices/run", {{"period_end", day(0)}});
    ASSERT_EQ(run.status, 200) << run.body;
    auto invoices = all_invoices(w.finance);
    auto lines = place_lines(invoices, one_id);
    ASSERT_EQ(lines.size(), 1U);
    EXPECT_EQ(lines[0]["event_id"], paid);
    EXPECT_EQ(lines[0]["quantity"], 1);
    EXPECT_EQ(lines[0]["unit_pence"], 4500);
    EXPECT_EQ(lines[0]["amount_pence"], 4500);
    EXPECT_NE(lines[0]["description"].get<std::string>().find("Paid course"), std::string::npos);
    EXPECT_EQ(place_lines(invoices, two_id).size(), 1U);
    EXPECT_TRUE(place_lines(invoices, waits_id).empty());
    EXPECT_TRUE(place_lines(invoices, free_id).empty());

    // Cancelling an invoiced place leaves it on its invoice; the promoted place is charged next.
    ASSERT_EQ(w.senco.api("POST", booking_path(one) + "/cancel").status, 200);
    ASSERT_EQ(w.finance.api("POST", "/api/v1/invoices/run", {{"period_end", day(0)}}).status, 200);
    invoices = all_invoices(w.finance);
    EXPECT_EQ(place_lines(invoices, one_id).size(), 1U);
    EXPECT_EQ(place_lines(invoices, two_id).size(), 1U);
    EXPECT_EQ(place_lines(invoices, waits_id).size(), 1U);
    EXPECT_TRUE(place_lines(invoices, free_id).empty());
}

TEST(Events, SchoolsBookAndOrganisersTakeTheRegisterOnThePages) {
    World& w = world();
    const int event = create(w, event_body("Page course", 270, 1, 0));
    const std::string page = "/events/" + std::to_string(event);
    auto senco = browser_for(w.senco);
    auto shown = senco.get(page);
    ASSERT_EQ(shown.status, 200);
    EXPECT_NE(shown.body.find("Book a place"), std::string::npos);

    auto refused = senco.post_form(page, page + "/bookings",
                                   {{"attendee_name", ""}, {"attendee_email", "nope"}});
    EXPECT_EQ(refused.status, 422);
    EXPECT_NE(refused.body.find("Enter the name of the person attending"), std::string::npos);
    auto booked = senco.post_form(
        page, page + "/bookings",
        {{"attendee_name", "Kim Kale"}, {"attendee_email", "kim.kale@own.example.org"}});
    EXPECT_EQ(booked.status, 303);
    auto again = senco.get(page);
    EXPECT_NE(again.body.find("Kim Kale"), std::string::npos);
    const std::string booking = number_after(again.body, "/bookings/");
    ASSERT_FALSE(booking.empty());

    auto organiser = browser_for(w.coordinator);
    auto saved = organiser.post_form(page, page + "/register",
                                     {{"booking", booking}, {"attended", booking}});
    EXPECT_EQ(saved.status, 303);
    auto certificate = senco.get("/bookings/" + booking + "/certificate.pdf");
    EXPECT_EQ(certificate.status, 200);
    EXPECT_EQ(certificate.header("content-type"), "application/pdf");
    auto feedback =
        senco.post_form("/bookings/" + booking + "/feedback", "/bookings/" + booking + "/feedback",
                        {{"rating", "5"}, {"comment", "Useful"}});
    EXPECT_EQ(feedback.status, 303);

    auto form = browser_for(w.partnerships);
    const std::string first = day(280);
    const std::string later = day(329);
    std::vector<std::pair<std::string, std::string>> fields{{"title", "Form series"},
                                                            {"kind", "network_meeting"},
                                                            {"audience", "senco"},
                                                            {"summary", "Network"},
                                                            {"date-day", first.substr(8, 2)},
                                                            {"date-month", first.substr(5, 2)},
                                                            {"date-year", first.substr(0, 4)},
                                                            {"start_time", "1:30pm"},
                                                            {"end_time", "1pm"},
                                                            {"venue", "Exeter"},
                                                            {"capacity", "20"},
                                                            {"price", "free"},
                                                            {"tags", "network"}};
    auto bad = form.post_form("/events/new", "/events", fields);
    EXPECT_EQ(bad.status, 422);
    EXPECT_NE(bad.body.find("The end time must be after the start time"), std::string::npos);
    EXPECT_NE(bad.body.find("href=\"#price\""), std::string::npos);
    auto not_a_date = fields;
    not_a_date.emplace_back("more_dates", "not a date");
    EXPECT_EQ(form.post_form("/events/new", "/events", not_a_date).status, 422);

    fields[8] = {"end_time", "15:30"};
    fields[11] = {"price", "12.50"};
    fields.emplace_back("more_dates",
                        later.substr(8, 2) + "/" + later.substr(5, 2) + "/" + later.substr(0, 4));
    auto made = form.post_form("/events/new", "/events", fields);
    ASSERT_EQ(made.status, 303) << made.body;
    auto listed = w.senco.api("GET", "/api/v1/events?tag=network&limit=500").json()["items"];
    int found = 0;
    for (const auto& e : listed)
        if (e["title"] == "Form series") {
            ++found;
            EXPECT_EQ(e["price_pence"], 1250);
            EXPECT_FALSE(e["series_id"].is_null());
            EXPECT_TRUE(e["starts_at"] == at(280, "13:30") || e["starts_at"] == at(329, "13:30"));
            EXPECT_TRUE(e["ends_at"] == at(280, "15:30") || e["ends_at"] == at(329, "15:30"));
        }
    EXPECT_EQ(found, 2);
}

}  // namespace sendhub::testing
