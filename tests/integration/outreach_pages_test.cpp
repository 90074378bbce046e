// The outreach journey through HTML form posts with CSRF tokens, as browsers without
// JavaScript do it.
#include <gtest/gtest.h>

#include "core/dates.hpp"
#include "world.hpp"

namespace sendhub::testing {

TEST(OutreachPages, TheJourneyThroughFormsForEveryRole) {
    World& w = world();
    Client senco = browser_for(w.senco);
    Client coordinator = browser_for(w.coordinator);
    Client practitioner = browser_for(w.practitioner);

    std::vector<std::pair<std::string, std::string>> request{
        {"kind", "individual"},
        {"pupils.0.ref", "GH"},
        {"pupils.0.year_group", "Y5"},
        {"pupils.0.need_route", "ehcp"},
        {"pupils.0.primary_need", "SLCN"},
        {"consent.type", "signed"},
        {"consent.obtained_on", day(-2)},
        {"consent.obtained_by", "Sam"},
        {"expertise_level", "teacher"},
        {"preferred_date", day(6)},
        {"concern", "GH struggles to follow spoken instructions."},
        {"action", "submit"}};
    auto too_soon = senco.post_form("/requests/new", "/requests", request);
    EXPECT_EQ(too_soon.status, 422);
    EXPECT_NE(too_soon.body.find("id=\"preferred_date-error\""), std::string::npos);
    EXPECT_NE(too_soon.body.find("GH struggles to follow spoken instructions."),
              std::string::npos);  // nothing typed is lost
    request[9].second = day(7);
    auto created = senco.post_form("/requests/new", "/requests", request);
    ASSERT_EQ(created.status, 303) << created.body;
    std::string page = created.header("location");
    ASSERT_TRUE(page.starts_with("/requests/"));
    std::string id = page.substr(10);

    auto triaged = coordinator.post_form(
        page, page + "/triage",
        {{"decision", "accept"}, {"expertise_level", "teacher"}, {"notes", ""}});
    EXPECT_EQ(triaged.status, 303);
    auto assigned = coordinator.post_form(page + "/assign", page + "/assign",
                                          {{"practitioner_id", std::to_string(w.practitioner_id)}});
    EXPECT_EQ(assigned.status, 303);
    auto bad_agreement = practitioner.post_form(page + "/agreement", page + "/agreement",
                                                {{"type", "Language strategies"},
                                                 {"level", "teacher"},
                                                 {"frequency", "one_off"},
                                                 {"sessions", "2"},
                                                 {"session_days", "1"},
                                                 {"start_date", day(10)},
                                                 {"report_writing_days", "0"},
                                                 {"outcomes", ""}});
    EXPECT_EQ(bad_agreement.status, 422);
    EXPECT_NE(bad_agreement.body.find("Agree at least one outcome"), std::string::npos);
    auto agreed = practitioner.post_form(
        page + "/agreement", page + "/agreement",
        {{"type", "Language strategies"},
         {"level", "teacher"},
         {"frequency", "one_off"},
         {"sessions", "1"},
         {"session_days", "0.5"},
         {"start_date", day(10)},
         {"report_writing_days", "0.5"},
         {"outcomes", "GH follows two-step instructions\nStaff use visual supports"}});
    ASSERT_EQ(agreed.status, 303) << agreed.body;

    auto status_page = senco.get(page);
    std::string agreement = number_after(status_page.body, "action=\"/agreements/");
    ASSERT_FALSE(agreement.empty());
    EXPECT_EQ(senco.post_form(page, "/agreements/" + agreement + "/accept", {}).status, 303);
    EXPECT_EQ(coordinator
                  .post_form(page, "/agreements/" + agreement + "/visits",
                             {{"date", school_day(-1)}, {"days", "0.5"}})
                  .status,
              303);

    // The practitioner's list shows this planned visit (other tests add visits of their own).
    auto visits = practitioner.get("/visits");
    std::string visit;
    auto mine = w.practitioner.api("GET", "/api/v1/visits/mine").json();
    for (const auto& v : mine["items"])
        if (v["status"] == "planned" && v["date"] == school_day(-1))
            visit = std::to_string(v["id"].get<int>());
    ASSERT_FALSE(visit.empty());
    EXPECT_NE(visits.body.find("href=\"/visits/" + visit + "\""), std::string::npos);
    auto missing = practitioner.post_form("/visits/" + visit, "/visits/" + visit + "/report",
                                          {{"work_undertaken", "x"}});
    EXPECT_EQ(missing.status, 422);
    auto reported = practitioner.post_form("/visits/" + visit, "/visits/" + visit + "/report",
                                           {{"work_undertaken", "Modelled visual supports."},
                                            {"actions_agreed", "Use a visual timetable."},
                                            {"next_steps", "Review in a month."},
                                            {"miles", "22.4"}});
    EXPECT_EQ(reported.status, 303);
    auto report_page = senco.get("/visits/" + visit);
    EXPECT_NE(report_page.body.find("Modelled visual supports."), std::string::npos);
    EXPECT_EQ(report_page.body.find("22.4"), std::string::npos);  // schools do not see mileage here

    auto agreement_page = practitioner.get(page).body;
    auto outcome = number_after(
        agreement_page, "<option value=\"",
        agreement_page.rfind("<option value=\"", agreement_page.find("\">1. GH follows")));
    ASSERT_FALSE(outcome.empty());
    EXPECT_EQ(practitioner
                  .post_form(page, "/agreements/" + agreement + "/progress",
                             {{"outcome", outcome},
                              {"progress_date", day(0)},
                              {"progress_status", "emerging"},
                              {"progress_note", "Better"}})
                  .status,
              303);
    auto bad_progress = practitioner.post_form(
        page, "/agreements/" + agreement + "/progress",
        {{"outcome", outcome}, {"progress_date", day(3)}, {"progress_status", "secure"}});
    EXPECT_EQ(bad_progress.status, 422);
    EXPECT_NE(bad_progress.body.find("id=\"progress_date-error\""), std::string::npos);

    EXPECT_EQ(senco
                  .post_form(page, "/agreements/" + agreement + "/feedback",
                             {{"rating", "4"}, {"comments", "Helpful"}})
                  .status,
              303);
    EXPECT_EQ(coordinator.post_form(page, "/agreements/" + agreement + "/complete", {}).status,
              303);
    EXPECT_NE(senco.get(page).body.find("Completed"), std::string::npos);
    EXPECT_NE(coordinator.get("/feedback").body.find("Helpful"), std::string::npos);

    // A form post without its token changes nothing.
    auto forged = senco.send({"POST",
                              page + "/cancel",
                              form_encode({{"reason", "forged"}}),
                              {"Content-Type: application/x-www-form-urlencoded"}});
    EXPECT_EQ(forged.status, 403);
}

TEST(OutreachPages, TheRequestFormGrowsOnePupilAtATimeAndTakesDatesInBoxes) {
    World& w = world();
    Client senco = browser_for(w.senco);
    auto blank = senco.get("/requests/new");
    ASSERT_EQ(blank.status, 200);
    EXPECT_NE(blank.body.find("Pupil 1"), std::string::npos);
    EXPECT_EQ(blank.body.find("Pupil 2"), std::string::npos);
    EXPECT_NE(blank.body.find("value=\"add_pupil\""), std::string::npos);
    EXPECT_NE(blank.body.find("name=\"preferred_date-day\""), std::string::npos);
    EXPECT_EQ(blank.body.find("SLT"), std::string::npos);  // "specialist senior leader"
    EXPECT_NE(blank.body.find("specialist senior leader"), std::string::npos);

    // A date as a GOV.UK date input posts it: day, month and year in their own boxes.
    auto boxes = [](const std::string& name, const std::string& iso) {
        auto number = [](const std::string& part) { return std::to_string(std::stoi(part)); };
        return std::vector<std::pair<std::string, std::string>>{
            {name + "-day", number(iso.substr(8, 2))},
            {name + "-month", number(iso.substr(5, 2))},
            {name + "-year", iso.substr(0, 4)}};
    };
    std::vector<std::pair<std::string, std::string>> form{
        {"kind", "group"},
        {"pupils.0.ref", "JK"},
        {"pupils.0.year_group", "Y4"},
        {"pupils.0.need_route", "sen_support"},
        {"pupils.0.primary_need", "SEMH"},
        {"consent.type", "verbal"},
        {"consent.obtained_by", "Sam"},
        {"expertise_level", "teacher"},
        {"concern", "Lunchtimes are hard for this group."}};
    for (auto& field : boxes("consent.obtained_on", day(-1))) form.push_back(field);
    for (auto& field : boxes("preferred_date", day(9))) form.push_back(field);

    // "Add another pupil" keeps what was typed and adds one block; nothing is saved.
    auto more = form;
    more.emplace_back("action", "add_pupil");
    auto grown = senco.post_form("/requests/new", "/requests", more);
    ASSERT_EQ(grown.status, 200) << grown.body;
    EXPECT_NE(grown.body.find("Pupil 2"), std::string::npos);
    EXPECT_EQ(grown.body.find("Pupil 3"), std::string::npos);
    EXPECT_NE(grown.body.find("value=\"JK\""), std::string::npos);
    EXPECT_NE(grown.body.find("Lunchtimes are hard for this group."), std::string::npos);

    // The second pupil goes in the block just added.
    form.insert(form.end(), {{"pupils.1.ref", "LM"},
                             {"pupils.1.year_group", "Y4"},
                             {"pupils.1.need_route", "sen_support"},
                             {"pupils.1.primary_need", "SEMH"},
                             {"action", "submit"}});
    // A date that is not real is refused beside its boxes, in words.
    auto wrong = form;
    for (auto& [name, value] : wrong)
        if (name == "preferred_date-month") value = "13";
    auto refused = senco.post_form("/requests/new", "/requests", wrong);
    EXPECT_EQ(refused.status, 422);
    EXPECT_NE(refused.body.find("id=\"preferred_date-error\""), std::string::npos);
    EXPECT_NE(refused.body.find("must be a real date"), std::string::npos);

    auto created = senco.post_form("/requests/new", "/requests", form);
    ASSERT_EQ(created.status, 303) << created.body;
    const std::string id = created.header("location").substr(10);
    auto stored = w.senco.api("GET", "/api/v1/requests/" + id).json();
    EXPECT_EQ(stored["preferred_date"], day(9));
    EXPECT_EQ(stored["pupils"].size(), 2u);
}

// The list reads a short row per request; each row must say what the request's own page says.
TEST(OutreachPages, TheListShowsEachRequestsPupilsLevelAndStatus) {
    World& w = world();
    Client coordinator = browser_for(w.coordinator);
    auto one = individual(12);
    one["pupils"] = {pupil("KV")};
    one["expertise_level"] = "specialist_ta";
    auto single = w.senco.api("POST", "/api/v1/requests", one);
    ASSERT_EQ(single.status, 201) << single.body;
    auto two = individual(12);
    two["kind"] = "group";
    two["pupils"] = {pupil("LM"), pupil("NP", "ehcp", "SLCN")};
    two["consent"]["type"] = "verbal";
    auto group = w.senco.api("POST", "/api/v1/requests", two);
    ASSERT_EQ(group.status, 201) << group.body;
    // Asked for at specialist TA level, accepted at teacher level and assigned.
    auto accepted_path = assigned_request(w, one);
    auto accepted = w.coordinator.get(accepted_path).json();

    auto row_of = [&](const nlohmann::json& request) {
        auto page = coordinator.get("/requests?q=" + request["reference"].get<std::string>());
        EXPECT_EQ(page.status, 200);
        auto start = page.body.find("<tbody");
        return start == std::string::npos ? std::string() : page.body.substr(start);
    };
    auto cell = [](const std::string& label, const std::string& text) {
        return "data-label=\"" + label + "\" class=\"govuk-table__cell\">" + text + "</td>";
    };
    auto single_row = row_of(single.json());
    EXPECT_NE(single_row.find(cell("For", "KV")), std::string::npos) << single_row;
    EXPECT_NE(single_row.find(cell("Level", "Specialist teaching assistant")), std::string::npos)
        << single_row;
    EXPECT_NE(single_row.find(">Waiting for the trust to triage</strong>"), std::string::npos)
        << single_row;
    auto group_row = row_of(group.json());
    EXPECT_NE(group_row.find(cell("For", "2 pupils")), std::string::npos) << group_row;
    auto accepted_row = row_of(accepted);
    EXPECT_NE(accepted_row.find(cell("Level", "Teacher")), std::string::npos) << accepted_row;
    EXPECT_NE(accepted_row.find(">Waiting for the trust to draw up the agreement</strong>"),
              std::string::npos)
        << accepted_row;
    EXPECT_EQ(accepted_row.find(cell("Preferred date", "Not given")), std::string::npos)
        << accepted_row;
}

TEST(OutreachPages, OtherSchoolsAndOtherRolesCannotOpenTheRequest) {
    World& w = world();
    Client senco = browser_for(w.senco);
    auto created =
        senco.post_form("/requests/new", "/requests",
                        {{"kind", "group"}, {"concern", "draft only"}, {"action", "draft"}});
    ASSERT_EQ(created.status, 303);
    std::string page = created.header("location");
    Client finance = browser_for(w.finance);
    EXPECT_EQ(finance.get(page).status, 403);
    Client practitioner = browser_for(w.practitioner);
    EXPECT_EQ(practitioner.get(page).status, 404);
    EXPECT_NE(senco.get(page).body.find("Continue the draft"), std::string::npos);
}

}  // namespace sendhub::testing
