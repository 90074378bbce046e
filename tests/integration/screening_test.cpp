// Speech and language screening rounds (api-contract-early-identification.md): the rules of
// a round, one per school, programme, cohort and date, who reads and writes them, the
// summary's sums and rates, and the CSV file.
#include <gtest/gtest.h>

#include "world.hpp"

namespace sendhub::testing {
namespace {

// A date no other test uses, so each test counts only its own rounds.
std::string fresh_date() {
    static int day = 0;
    ++day;
    return "2021-0" + std::to_string(1 + day / 28) + "-" + (day % 28 + 1 < 10 ? "0" : "") +
           std::to_string(day % 28 + 1);
}

nlohmann::json round(const std::string& date, const char* programme = "wellcomm",
                     const char* cohort = "early_years", int screened = 40, int identified = 5) {
    return {{"school_urn", kOwnSchool},  {"programme", programme},
            {"cohort", cohort},          {"date", date},
            {"screened", screened},      {"identified", identified},
            {"started_intervention", 4}, {"exited_intervention", 1}};
}

}  // namespace

TEST(Screening, ASchoolRecordsCountsOnlyWithEveryRuleChecked) {
    World& w = world();
    const std::string date = fresh_date();
    auto made = w.senco.api("POST", "/api/v1/screening-rounds", round(date));
    ASSERT_EQ(made.status, 201) << made.body;
    auto r = made.json();
    EXPECT_EQ(r["identification_rate"], 0.125);
    EXPECT_EQ(r["programme"], "wellcomm");
    expect_error(w.headteacher.api("POST", "/api/v1/screening-rounds", round(date)), 409,
                 "duplicate", nullptr);

    struct Case {
        const char* field;
        nlohmann::json value;
        const char* code;
        const char* error_field;
    };
    for (const auto& [field, value, code, error_field] :
         {Case{"programme", "phonics", "invalid", "programme"},
          Case{"cohort", "year_9", "invalid", "cohort"}, Case{"screened", 0, "invalid", "screened"},
          Case{"identified", -1, "invalid", "identified"},
          Case{"identified", 2.5, "invalid", "identified"},
          Case{"identified", 41, "exceeds", "identified"},
          Case{"started_intervention", 6, "exceeds", "started_intervention"},
          Case{"exited_intervention", 5, "exceeds", "exited_intervention"},
          Case{"date", "2099-01-01", "invalid", "date"},
          Case{"pupil_name", "A child", "unknown_field", "pupil_name"}}) {
        auto body = round(fresh_date());
        body[field] = value;
        expect_error(w.senco.api("POST", "/api/v1/screening-rounds", body), 422, code, error_field);
    }
    // Only the school's own leads write its rounds; the trust reads them.
    auto other = round(fresh_date());
    other["school_urn"] = kOtherSchool;
    expect_error(w.senco.api("POST", "/api/v1/screening-rounds", other), 404, "not_found", nullptr);
    expect_error(w.coordinator.api("POST", "/api/v1/screening-rounds", round(fresh_date())), 403,
                 "forbidden", nullptr);
    for (Client* c : {&w.finance, &w.partnerships, &w.school_staff})
        expect_error(c->api("GET", "/api/v1/screening-rounds"), 403, "forbidden", nullptr);
    const std::string path = "/api/v1/screening-rounds/" + std::to_string(int(r["id"]));
    EXPECT_EQ(w.admin.api("GET", path).status, 200);
    expect_error(w.practitioner.api("GET", path), 404, "not_found", nullptr);

    auto changed = round(date, "wellcomm", "early_years", 40, 8);
    auto put = w.headteacher.api("PUT", path, changed);
    ASSERT_EQ(put.status, 200) << put.body;
    EXPECT_EQ(put.json()["identification_rate"], 0.2);
    changed["school_urn"] = kOtherSchool;
    EXPECT_EQ(w.headteacher.api("PUT", path, changed).status, 404)
        << "another school's is not theirs to write";
}

TEST(Screening, TheSummaryAndCsvAddUpTheVisibleRounds) {
    World& w = world();
    const std::string from = fresh_date();
    ASSERT_EQ(w.senco.api("POST", "/api/v1/screening-rounds", round(from)).status, 201);
    const std::string to = fresh_date();
    ASSERT_EQ(
        w.senco.api("POST", "/api/v1/screening-rounds", round(to, "talk_boost", "year_3", 30, 10))
            .status,
        201);
    const std::string range = "from=" + from + "&to=" + to;
    auto summary = w.coordinator.api("GET", "/api/v1/screening-summary?" + range);
    ASSERT_EQ(summary.status, 200) << summary.body;
    auto s = summary.json();
    EXPECT_EQ(s["total"]["rounds"], 2);
    EXPECT_EQ(s["total"]["screened"], 70);
    EXPECT_EQ(s["total"]["identification_rate"], 0.214);
    ASSERT_EQ(s["by_programme"].size(), 2u);
    EXPECT_EQ(s["by_programme"][0]["programme"], "wellcomm");
    EXPECT_EQ(s["by_programme"][1]["identification_rate"], 0.333);
    ASSERT_EQ(s["by_cohort"].size(), 2u);
    ASSERT_EQ(s["by_school"].size(), 1u);
    EXPECT_EQ(s["by_school"][0]["school_urn"], kOwnSchool);
    expect_error(
        w.senco.api("GET", "/api/v1/screening-summary?school_urn=" + std::to_string(kOtherSchool)),
        404, "not_found", nullptr);
    EXPECT_EQ(
        w.practitioner.api("GET", "/api/v1/screening-summary?" + range).json()["total"]["rounds"],
        0);

    auto csv = w.senco.get("/api/v1/screening-rounds.csv?" + range + "&programme=talk_boost");
    ASSERT_EQ(csv.status, 200) << csv.body;
    EXPECT_TRUE(
        csv.body.starts_with("school_urn,school_name,programme,cohort,date,screened,"
                             "identified,started_intervention,exited_intervention,"
                             "identification_rate\r\n"))
        << csv.body;
    EXPECT_NE(csv.body.find(",talk_boost,year_3," + to + ",30,10,4,1,0.333\r\n"), std::string::npos)
        << csv.body;
    EXPECT_EQ(csv.body.find("wellcomm"), std::string::npos);
    expect_error(w.senco.api("GET", "/api/v1/screening-rounds?cohort=year_9"), 422, "invalid",
                 "cohort");
}

}  // namespace sendhub::testing
