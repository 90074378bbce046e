// School days: shipped bank holidays, local authorities' term dates, and visits only on
// days the school is open (api-contract-school-days.md), over the API.
#include <gtest/gtest.h>

#include "core/availability.hpp"
#include "core/clock.hpp"
#include "world.hpp"

namespace sendhub::testing {
namespace {

constexpr int kRutlandSchool = 300901;  // Rutland (857): no other test records its dates

std::map<std::string, nlohmann::json> days_of(Client& c, int urn, const std::string& from,
                                              const std::string& to) {
    auto r = c.api("GET", "/api/v1/school-days?school_urn=" + std::to_string(urn) +
                              "&from=" + from + "&to=" + to);
    EXPECT_EQ(r.status, 200) << r.body;
    std::map<std::string, nlohmann::json> out;
    const auto body = r.json();  // kept: a range-for over a temporary's member dangles
    for (const auto& item : body["items"]) out[item["date"]] = item;
    return out;
}

std::vector<nlohmann::json> clashes_with(const nlohmann::json& clashes, int visit_id) {
    std::vector<nlohmann::json> out;
    for (const auto& c : clashes)
        if (c["visit_id"] == visit_id) out.push_back(c);
    return out;
}

nlohmann::json rutland_2026_27() {
    return {{"academic_year", "2026-27"},
            {"terms",
             {{{"starts_on", "2026-09-03"},
               {"ends_on", "2026-12-18"},
               {"half_term_starts_on", "2026-10-26"},
               {"half_term_ends_on", "2026-10-30"}},
              {{"starts_on", "2027-01-04"},
               {"ends_on", "2027-03-25"},
               {"half_term_starts_on", "2027-02-15"},
               {"half_term_ends_on", "2027-02-19"}},
              {{"starts_on", "2027-04-12"}, {"ends_on", "2027-07-21"}}}},
            {"closures", {"2027-01-04"}}};
}

}  // namespace

TEST(SchoolDays, BankHolidaysShipWithSendhubAndWeekendsAreClosed) {
    World& w = world();
    auto days = days_of(w.senco, kOwnSchool, "2026-12-18", "2026-12-29");
    ASSERT_EQ(days.size(), 12u);
    EXPECT_EQ(days["2026-12-18"]["school_day"], true);
    EXPECT_TRUE(days["2026-12-18"]["reason"].is_null());
    EXPECT_EQ(days["2026-12-19"]["reason"], "weekend");
    EXPECT_EQ(days["2026-12-25"]["reason"], "bank_holiday");
    EXPECT_EQ(days["2026-12-28"]["reason"], "bank_holiday");  // Boxing Day's substitute
    // With no term dates recorded for the school's authority, other weekdays are open.
    EXPECT_EQ(days["2026-12-29"]["school_day"], true);

    EXPECT_EQ(w.senco
                  .api("GET", "/api/v1/school-days?school_urn=" + std::to_string(kOtherSchool) +
                                  "&from=2026-12-01&to=2026-12-02")
                  .status,
              404);
    std::string own = "/api/v1/school-days?school_urn=" + std::to_string(kOwnSchool);
    expect_error(w.senco.api("GET", own + "&from=2026-12-10&to=2026-12-01"), 422, "invalid", "to");
    expect_error(w.senco.api("GET", own + "&from=2026-01-01&to=2027-01-02"), 422, "too_long", "to");
    expect_error(w.senco.api("GET", own + "&from=tomorrow&to=2027-01-01"), 422, "invalid", "from");
    EXPECT_EQ(w.senco.api("GET", own + "&from=2026-01-01&to=2026-12-31").json()["items"].size(),
              365u);
}

TEST(SchoolDays, AnAuthoritysTermDatesReachItsSchools) {
    World& w = world();
    // A school added by hand under its authority's name gets the authority's DfE code.
    auto school = w.coordinator.api("POST", "/api/v1/schools",
                                    {{"urn", kRutlandSchool},
                                     {"name", "Oakham Church of England Primary"},
                                     {"postcode", "LE15 6GE"},
                                     {"phase", "Primary"},
                                     {"local_authority", "rutland"}});
    ASSERT_EQ(school.status, 201) << school.body;
    EXPECT_EQ(school.json()["la_code"], 857);
    EXPECT_EQ(school.json()["local_authority"], "Rutland");
    EXPECT_EQ(school.json()["phase"], "primary");
    // ...and stands at its postcode district's centroid, which ships with sendhub.
    EXPECT_NEAR(school.json()["latitude"].get<double>(), 52.656, 0.001);
    EXPECT_NEAR(school.json()["longitude"].get<double>(), -0.700, 0.001);

    const std::string path = "/api/v1/term-dates/857";
    EXPECT_EQ(w.senco.api("PUT", path, rutland_2026_27()).status, 403);
    EXPECT_EQ(w.coordinator.api("GET", path + "?academic_year=2026-27").status, 404);
    auto backwards = rutland_2026_27();
    backwards["terms"][0]["ends_on"] = "2026-09-01";
    expect_error(w.coordinator.api("PUT", path, backwards), 422, "invalid", "terms.0.ends_on");
    auto stray = rutland_2026_27();
    stray["terms"][1]["half_term_starts_on"] = "2026-12-21";
    expect_error(w.coordinator.api("PUT", path, stray), 422, "invalid",
                 "terms.1.half_term_starts_on");

    auto put = w.coordinator.api("PUT", path, rutland_2026_27());
    ASSERT_EQ(put.status, 200) << put.body;
    EXPECT_EQ(put.json()["terms"].size(), 3u);
    auto got = w.senco.api("GET", path + "?academic_year=2026-27");
    ASSERT_EQ(got.status, 200) << got.body;
    EXPECT_EQ(got.json(), put.json());
    EXPECT_TRUE(got.json()["terms"][2]["half_term_starts_on"].is_null());
    EXPECT_EQ(w.senco.api("GET", path + "?academic_year=2027-28").status, 404);

    auto days = days_of(w.coordinator, kRutlandSchool, "2026-12-17", "2027-02-22");
    EXPECT_EQ(days["2026-12-18"]["school_day"], true);
    EXPECT_EQ(days["2026-12-21"]["reason"], "holiday");
    EXPECT_EQ(days["2026-12-25"]["reason"], "bank_holiday");
    EXPECT_EQ(days["2027-01-04"]["reason"], "closure");  // INSET day
    EXPECT_EQ(days["2027-01-05"]["school_day"], true);
    EXPECT_EQ(days["2027-02-15"]["reason"], "holiday");  // half term
    EXPECT_EQ(days["2027-02-22"]["school_day"], true);

    // Replacing the year replaces it whole: the closure day goes.
    auto without_closure = rutland_2026_27();
    without_closure["closures"] = nlohmann::json::array();
    ASSERT_EQ(w.coordinator.api("PUT", path, without_closure).status, 200);
    EXPECT_EQ(days_of(w.coordinator, kRutlandSchool, "2027-01-04",
                      "2027-01-04")["2027-01-04"]["school_day"],
              true);
}

TEST(SchoolDays, VisitsArePlannedOnSchoolDaysAndNeverBeyondTheAgreement) {
    World& w = world();
    int agreement = agree(w, 2, 60);
    const std::string visits = "/api/v1/agreements/" + std::to_string(agreement) + "/visits";
    Date saturday = add_days(monday_of(add_days(system_clock()->today(), 70)), 5);
    auto weekend =
        w.coordinator.api("POST", visits, {{"date", format_date(saturday)}, {"days", 1}});
    expect_error(weekend, 422, "not_a_school_day", "date");
    EXPECT_NE(weekend.json()["error"]["message"].get<std::string>().find("is a weekend"),
              std::string::npos)
        << weekend.body;
    // A visit in the past is a record of one made, and the rule holds for it too.
    auto holiday = w.coordinator.api("POST", visits, {{"date", "2026-12-28"}, {"days", 1}});
    expect_error(holiday, 422, "not_a_school_day", "date");
    EXPECT_NE(holiday.json()["error"]["message"].get<std::string>().find(
                  "Monday 28 December 2026 is a bank holiday"),
              std::string::npos)
        << holiday.body;

    for (int offset : {61, 62})
        ASSERT_EQ(
            w.coordinator.api("POST", visits, {{"date", school_day(offset + 10)}, {"days", 0.5}})
                .status,
            201);
    expect_error(w.practitioner.api("POST", visits, {{"date", school_day(75)}, {"days", 0.5}}), 409,
                 "beyond_agreement", nullptr);
}

TEST(SchoolDays, APlannedVisitIsMovedOrCancelledAndTheOthersAreTold) {
    World& w = world();
    int agreement = agree(w, 2, 80);
    const std::string visits = "/api/v1/agreements/" + std::to_string(agreement) + "/visits";
    auto planned = w.coordinator.api("POST", visits, {{"date", school_day(81)}, {"days", 1}});
    ASSERT_EQ(planned.status, 201) << planned.body;
    const std::string visit = "/api/v1/visits/" + std::to_string(planned.json()["id"].get<int>());

    // Moving: onto a school day only, by the coordinator or the practitioner.
    Date saturday = add_days(monday_of(add_days(system_clock()->today(), 84)), 5);
    expect_error(w.coordinator.api("PUT", visit, {{"date", format_date(saturday)}, {"days", 1}}),
                 422, "not_a_school_day", "date");
    EXPECT_EQ(w.senco.api("PUT", visit, {{"date", school_day(88)}, {"days", 1}}).status, 403);
    auto moved = w.practitioner.api("PUT", visit, {{"date", school_day(88)}, {"days", 0.5}});
    ASSERT_EQ(moved.status, 200) << moved.body;
    EXPECT_EQ(moved.json()["date"], school_day(88));
    EXPECT_EQ(moved.json()["days"], 0.5);
    EXPECT_EQ(moved.json()["status"], "planned");

    // Cancelling needs a reason; the school's SENCO may cancel; it then frees a session.
    expect_error(w.senco.api("POST", visit + "/cancel", {{"reason", " "}}), 422, "required",
                 "reason");
    auto cancelled = w.senco.api("POST", visit + "/cancel", {{"reason", "The class is on a trip"}});
    ASSERT_EQ(cancelled.status, 200) << cancelled.body;
    EXPECT_EQ(cancelled.json()["status"], "cancelled");
    expect_error(w.coordinator.api("POST", visit + "/cancel", {{"reason", "Again"}}), 409,
                 "visit_cancelled", nullptr);
    expect_error(w.coordinator.api("PUT", visit, {{"date", school_day(90)}, {"days", 1}}), 409,
                 "visit_cancelled", nullptr);
    for (int offset : {91, 95})
        EXPECT_EQ(
            w.coordinator.api("POST", visits, {{"date", school_day(offset)}, {"days", 1}}).status,
            201);  // two sessions: the cancelled visit does not count

    // The request's history tells the story.
    auto a = w.coordinator.api("GET", "/api/v1/agreements/" + std::to_string(agreement));
    auto history = browser_for(w.coordinator)
                       .get("/requests/" + std::to_string(a.json()["request_id"].get<int>()));
    ASSERT_EQ(history.status, 200) << history.body;
    EXPECT_NE(history.body.find("moved a visit"), std::string::npos) << history.body;
    EXPECT_NE(history.body.find("The class is on a trip"), std::string::npos) << history.body;
}

TEST(SchoolDays, LeaveOverAPlannedVisitIsAClashUntilTheVisitIsMoved) {
    World& w = world();
    const std::string pat = "/api/v1/practitioners/" + std::to_string(w.practitioner_id);
    int agreement = agree(w, 2, 100);
    const std::string visits = "/api/v1/agreements/" + std::to_string(agreement) + "/visits";
    auto planned = w.coordinator.api("POST", visits, {{"date", school_day(101)}, {"days", 1}});
    ASSERT_EQ(planned.status, 201) << planned.body;
    const int visit_id = planned.json()["id"];
    const std::string date = planned.json()["date"];

    // Leave over the visit succeeds and names the clash; the coordinator's home page shows it.
    auto leave = w.practitioner.api("POST", pat + "/leave",
                                    {{"first", date}, {"last", date}, {"reason", "Training"}});
    ASSERT_EQ(leave.status, 201) << leave.body;
    const auto clashes = clashes_with(leave.json()["clashes"], visit_id);
    ASSERT_EQ(clashes.size(), 1u) << leave.body;
    EXPECT_EQ(clashes[0]["visit_id"], visit_id);
    EXPECT_EQ(clashes[0]["date"], date);
    EXPECT_EQ(clashes[0]["school_urn"], kOwnSchool);
    EXPECT_EQ(clashes[0]["reason"], "on_leave");
    auto home = browser_for(w.coordinator).get("/");
    EXPECT_NE(home.body.find("Visits that clash with leave or working days"), std::string::npos);
    EXPECT_NE(home.body.find("/visits/" + std::to_string(visit_id)), std::string::npos);
    auto availability = w.coordinator.api("GET", pat + "/availability");
    EXPECT_EQ(clashes_with(availability.json()["clashes"], visit_id).size(), 1u);

    // Moving the visit off the leave clears the clash.
    std::string next = school_day(104);
    ASSERT_EQ(
        w.coordinator
            .api("PUT", "/api/v1/visits/" + std::to_string(visit_id), {{"date", next}, {"days", 1}})
            .status,
        200);
    EXPECT_TRUE(
        clashes_with(w.coordinator.api("GET", pat + "/availability").json()["clashes"], visit_id)
            .empty());
    EXPECT_EQ(browser_for(w.coordinator).get("/").body.find("/visits/" + std::to_string(visit_id)),
              std::string::npos);

    // Not working that weekday any more is a clash too, until the visit is cancelled.
    const auto weekday = weekday_names()[weekday_index(*parse_date(next))].code;
    std::vector<std::string> others;
    for (const auto& d : weekday_names().first(5))
        if (d.code != weekday) others.emplace_back(d.code);
    auto changed = w.coordinator.api("PUT", pat + "/availability", {{"working_days", others}});
    ASSERT_EQ(changed.status, 200) << changed.body;
    const auto after = clashes_with(changed.json()["clashes"], visit_id);
    ASSERT_EQ(after.size(), 1u) << changed.body;  // other tests' visits may clash too
    EXPECT_EQ(after[0]["reason"], "not_working");
    ASSERT_EQ(w.coordinator
                  .api("POST", "/api/v1/visits/" + std::to_string(visit_id) + "/cancel",
                       {{"reason", "Pat no longer works that day"}})
                  .status,
              200);
    EXPECT_TRUE(
        clashes_with(w.coordinator.api("GET", pat + "/availability").json()["clashes"], visit_id)
            .empty());

    // Back as the other tests expect: a full week and no leave.
    ASSERT_EQ(w.coordinator
                  .api("PUT", pat + "/availability",
                       {{"working_days", {"mon", "tue", "wed", "thu", "fri"}}})
                  .status,
              200);
    EXPECT_EQ(
        w.coordinator.api("DELETE", pat + "/leave/" + std::to_string(leave.json()["id"].get<int>()))
            .status,
        204);
}

TEST(SchoolDays, TermDatesForManyAuthoritiesComeFromACsvFile) {
    World& w = world();
    const std::string csv =
        "la_code,academic_year,starts_on,ends_on,half_term_starts_on,half_term_ends_on,closures\n"
        "873,2029-30,2029-09-04,2029-12-19,2029-10-29,2029-11-02,2029-09-04\n"
        "873,2029-30,2030-01-07,2030-03-29,2030-02-18,2030-02-22,\n"
        "874,2029-30,2029-09-05,2029-12-20,,,\n";
    EXPECT_EQ(w.senco.api("POST", "/api/v1/term-dates/import", {{"csv", csv}}).status, 403);
    auto bad = csv + "875,2029-30,2030-04-22,2030-04-01,,,\n";
    expect_error(w.coordinator.api("POST", "/api/v1/term-dates/import", {{"csv", bad}}), 422,
                 "invalid", "csv");
    EXPECT_EQ(w.coordinator.api("GET", "/api/v1/term-dates/873?academic_year=2029-30").status,
              404);  // all or nothing

    auto imported = w.coordinator.api("POST", "/api/v1/term-dates/import", {{"csv", csv}});
    ASSERT_EQ(imported.status, 200) << imported.body;
    EXPECT_EQ(imported.json()["items"].size(), 2u);
    auto cambridgeshire = w.coordinator.api("GET", "/api/v1/term-dates/873?academic_year=2029-30");
    ASSERT_EQ(cambridgeshire.status, 200) << cambridgeshire.body;
    EXPECT_EQ(cambridgeshire.json()["terms"].size(), 2u);
    EXPECT_EQ(cambridgeshire.json()["closures"], nlohmann::json({"2029-09-04"}));

    // The page lists them, and the same file can be pasted there.
    auto pages = browser_for(w.coordinator);
    auto list = pages.get("/term-dates");
    ASSERT_EQ(list.status, 200) << list.body;
    EXPECT_NE(list.body.find("Cambridgeshire (873)"), std::string::npos);
    auto pasted = pages.post_form("/term-dates", "/term-dates/import", {{"csv", bad}});
    EXPECT_EQ(pasted.status, 422);
    EXPECT_NE(pasted.body.find("Row 5: "), std::string::npos) << pasted.body;
}

TEST(SchoolDays, TheTermDatesFormTakesGovukDateInputs) {
    World& w = world();
    auto pages = browser_for(w.coordinator);
    auto form = pages.get("/term-dates/edit?la_code=935&academic_year=2029-30");
    ASSERT_EQ(form.status, 200) << form.body;
    EXPECT_NE(form.body.find("Suffolk"), std::string::npos);
    EXPECT_NE(form.body.find("name=\"terms.0.starts_on-day\""), std::string::npos);
    EXPECT_EQ(pages.get("/term-dates/edit?la_code=999&academic_year=2029-30").status, 404);

    std::vector<std::pair<std::string, std::string>> fields{
        {"la_code", "935"},
        {"academic_year", "2029-30"},
        {"terms.0.starts_on-day", "5"},
        {"terms.0.starts_on-month", "9"},
        {"terms.0.starts_on-year", "2029"},
        {"terms.0.ends_on-day", "20"},
        {"terms.0.ends_on-month", "12"},
        {"terms.0.ends_on-year", "2029"},
        // The spring term's last day comes before its first: the error sits beside it.
        {"terms.1.starts_on-day", "8"},
        {"terms.1.starts_on-month", "1"},
        {"terms.1.starts_on-year", "2030"},
        {"terms.1.ends_on-day", "1"},
        {"terms.1.ends_on-month", "1"},
        {"terms.1.ends_on-year", "2030"},
        {"closures.2-day", "5"},
        {"closures.2-month", "9"},
        {"closures.2-year", "2029"},
    };
    auto refused = pages.post_form("/term-dates", "/term-dates/edit", fields);
    ASSERT_EQ(refused.status, 422) << refused.body;
    EXPECT_NE(refused.body.find("href=\"#terms-1-ends_on\""), std::string::npos) << refused.body;
    EXPECT_NE(refused.body.find("value=\"2030\""), std::string::npos);  // kept as entered

    fields[11] = {"terms.1.ends_on-day", "29"};
    fields[12] = {"terms.1.ends_on-month", "3"};
    auto saved = pages.post_form("/term-dates", "/term-dates/edit", fields);
    EXPECT_EQ(saved.status, 303) << saved.body;
    auto suffolk = w.coordinator.api("GET", "/api/v1/term-dates/935?academic_year=2029-30");
    ASSERT_EQ(suffolk.status, 200) << suffolk.body;
    EXPECT_EQ(suffolk.json()["terms"][1]["ends_on"], "2030-03-29");
    EXPECT_EQ(suffolk.json()["closures"], nlohmann::json({"2029-09-05"}));
}

TEST(SchoolDays, ThePlannerKeepsToSchoolDaysFromThePreferredDate) {
    World& w = world();
    // Somerset's (kOwnSchool's authority) autumn 2028, far from every other test's dates.
    nlohmann::json somerset{{"academic_year", "2028-29"},
                            {"terms",
                             {{{"starts_on", "2028-09-05"},
                               {"ends_on", "2028-12-20"},
                               {"half_term_starts_on", "2028-10-23"},
                               {"half_term_ends_on", "2028-10-27"}}}},
                            {"closures", {"2028-10-16", "2028-10-17"}}};
    ASSERT_EQ(w.coordinator.api("PUT", "/api/v1/term-dates/933", somerset).status, 200);

    auto asked = individual();
    asked["preferred_date"] = "2028-10-04";  // a Wednesday
    auto request = w.senco.api("POST", "/api/v1/requests", asked);
    ASSERT_EQ(request.status, 201) << request.body;
    const int id = request.json()["id"];
    ASSERT_EQ(w.coordinator
                  .api("POST", "/api/v1/requests/" + std::to_string(id) + "/triage",
                       {{"decision", "accept"}, {"expertise_level", "teacher"}})
                  .status,
              200);
    nlohmann::json plan{{"term_start", "2028-10-02"},
                        {"term_end", "2028-11-17"},
                        {"requests",
                         {{{"request_id", id},
                           {"frequency", "weekly"},
                           {"sessions", "5"},
                           {"session_days", "1"},
                           {"pinned_practitioner_id", w.practitioner_id}}}}};
    auto proposal = w.coordinator.api("POST", "/api/v1/plans", plan);
    ASSERT_EQ(proposal.status, 200) << proposal.body;
    const auto dates = proposal.json()["items"][0]["dates"];
    ASSERT_EQ(dates.size(), 5u) << proposal.body;
    auto open = days_of(w.coordinator, kOwnSchool, "2028-10-02", "2028-11-17");
    for (const auto& d : dates) {
        EXPECT_GE(d.get<std::string>(), "2028-10-04") << "before the preferred date";
        EXPECT_EQ(open[d.get<std::string>()]["school_day"], true) << d;
    }
    EXPECT_EQ(dates[0], "2028-10-04");
}

}  // namespace sendhub::testing
