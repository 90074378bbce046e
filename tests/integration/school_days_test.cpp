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

}  // namespace sendhub::testing
