// Partners, school accounts and the public front door (api-contract-partners.md): the new
// school roles, schools' relationship with the trust, partnerships, the public offer and
// enquiries, registrations and invitations.
#include <gtest/gtest.h>

#include "world.hpp"

namespace sendhub::testing {
namespace {

const std::string kOwn = std::to_string(kOwnSchool);
const std::string kOther = std::to_string(kOtherSchool);

nlohmann::json formal_partnership() {
    return {{"kind", "formal"},
            {"model", "service level agreement"},
            {"school_urns", {kOtherSchool}},
            {"starts_on", day(-30)},
            {"review_due_on", day(20)},
            {"services", {"outreach", "CPD"}},
            {"lead_contact", {{"name", "Dana Hughes"}, {"email", "dana@other.example.org"}}},
            {"notes", "Wants more SENCO network places."}};
}

nlohmann::json enquiry(const std::string& email) {
    return {{"name", "Kim Doyle"},
            {"email", email},
            {"organisation", "Riverside Primary"},
            {"topic", "outreach"},
            {"message", "Could someone visit to advise our teaching assistants?"}};
}

//! A client connecting from its own loopback address, so the hour's enquiry allowance of
//! one test is not another's.
Client from_address(const std::string& address) {
    Client c(server().base_url());
    c.source_address = address;
    return c;
}

std::string relationship_of(int urn) {
    return world()
        .admin.api("GET", "/api/v1/schools/" + std::to_string(urn))
        .json()["relationship"];
}

}  // namespace

TEST(SchoolRoles, AHeadteacherReadsTheSchoolsWorkButActsOnNothing) {
    World& w = world();
    const std::string path = assigned_request(w, individual(12));
    EXPECT_EQ(w.headteacher.api("GET", path).status, 200);
    auto list = w.headteacher.api("GET", "/api/v1/requests");
    ASSERT_EQ(list.status, 200);
    EXPECT_FALSE(list.json()["items"].empty());
    EXPECT_EQ(w.headteacher.api("GET", "/api/v1/invoices").status, 200);
    EXPECT_EQ(w.headteacher.api("POST", "/api/v1/requests", individual()).status, 403);
    EXPECT_EQ(w.headteacher.api("POST", path + "/cancel", {{"reason", "no"}}).status, 403);
    // Another school's request does not exist for them.
    auto other = individual();
    other["school_urn"] = kOtherSchool;
    auto theirs = w.coordinator.api("POST", "/api/v1/requests", other);
    ASSERT_EQ(theirs.status, 201) << theirs.body;
    EXPECT_EQ(w.headteacher
                  .api("GET", "/api/v1/requests/" + std::to_string(theirs.json()["id"].get<int>()))
                  .status,
              404);
}

TEST(SchoolRoles, AHeadteacherCannotAcceptAnAgreement) {
    World& w = world();
    const int agreement = draft_agreement(w, 2, 60);
    const std::string path = "/api/v1/agreements/" + std::to_string(agreement);
    EXPECT_EQ(w.headteacher.api("GET", path).status, 200);
    EXPECT_EQ(w.headteacher.api("POST", path + "/accept").status, 403);
}

TEST(SchoolRoles, SchoolStaffSeeNoChildsData) {
    World& w = world();
    for (const char* path : {"/api/v1/requests", "/api/v1/invoices", "/api/v1/visits/mine",
                             "/api/v1/agreements/1", "/api/v1/requests/1"})
        EXPECT_EQ(w.school_staff.api("GET", path).status, 403) << path;
    EXPECT_EQ(w.school_staff.api("POST", "/api/v1/requests", individual()).status, 403);
}

TEST(SchoolRoles, EachSchoolRoleSeesOnlyItsOwnSchool) {
    World& w = world();
    for (Client* c : {&w.senco, &w.headteacher, &w.school_staff}) {
        auto list = c->api("GET", "/api/v1/schools");
        ASSERT_EQ(list.status, 200);
        ASSERT_EQ(list.json()["items"].size(), 1U);
        EXPECT_EQ(list.json()["items"][0]["urn"], kOwnSchool);
        EXPECT_EQ(c->api("GET", "/api/v1/schools/" + kOwn).status, 200);
        EXPECT_EQ(c->api("GET", "/api/v1/schools/" + kOther).status, 404);
    }
    auto me = w.headteacher.api("GET", "/api/v1/me").json();
    EXPECT_EQ(me["role"], "headteacher");
    EXPECT_EQ(me["school_urn"], kOwnSchool);
}

TEST(Schools, RelationshipAndAreaResourceBaseAreKeptWhenLeftOut) {
    World& w = world();
    const std::string path = "/api/v1/schools/" + std::to_string(kOwnSchool);
    auto school = w.admin.api("GET", path).json();
    nlohmann::json edit{{"name", school["name"]},
                        {"postcode", school["postcode"]},
                        {"phase", school["phase"]},
                        {"local_authority", school["local_authority"]},
                        {"arb", true}};
    auto r = w.partnerships.api("PUT", path, edit);
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.json()["arb"], true);
    const std::string relationship = r.json()["relationship"];
    edit.erase("arb");
    r = w.coordinator.api("PUT", path, edit);
    ASSERT_EQ(r.status, 200);
    EXPECT_EQ(r.json()["arb"], true);
    EXPECT_EQ(r.json()["relationship"], relationship);
    edit["relationship"] = "friend";
    expect_error(w.admin.api("PUT", path, edit), 422, "invalid", "relationship");
    edit["relationship"] = nullptr;
    edit["arb"] = "maybe";
    EXPECT_EQ(w.admin.api("PUT", path, edit).status, 422);
    EXPECT_EQ(w.senco.api("PUT", path, edit).status, 403);

    auto arb = w.admin.api("GET", "/api/v1/schools?arb=true").json()["items"];
    EXPECT_TRUE(std::ranges::any_of(arb, [](const auto& s) { return s["urn"] == kOwnSchool; }));
    for (const auto& s : arb) EXPECT_EQ(s["arb"], true);
    expect_error(w.admin.api("GET", "/api/v1/schools?relationship=friend"), 422, "invalid",
                 "relationship");
    expect_error(w.admin.api("GET", "/api/v1/schools?arb=perhaps"), 422, "invalid", "arb");
}

TEST(Partnerships, RecordingOneMakesItsSchoolsPartnersButNotTheTrustsOwn) {
    World& w = world();
    // A third school that is the trust's own academy stays so when named.
    auto made = w.admin.api("POST", "/api/v1/schools",
                            {{"urn", 100777},
                             {"name", "Trust Special Academy"},
                             {"postcode", "TA1 3ES"},
                             {"phase", "all_through"},
                             {"local_authority", "Somerset"},
                             {"relationship", "trust"}});
    ASSERT_EQ(made.status, 201) << made.body;
    EXPECT_EQ(made.json()["relationship"], "trust");
    auto body = formal_partnership();
    body["school_urns"] = {kOtherSchool, 100777};
    auto r = w.partnerships.api("POST", "/api/v1/partnerships", body);
    ASSERT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(r.json()["status"], "active");
    EXPECT_EQ(r.json()["lead_contact"]["name"], "Dana Hughes");
    EXPECT_EQ(relationship_of(kOtherSchool), "partner");
    EXPECT_EQ(relationship_of(100777), "trust");
    auto partners = w.admin.api("GET", "/api/v1/schools?relationship=partner").json()["items"];
    EXPECT_TRUE(
        std::ranges::any_of(partners, [](const auto& s) { return s["urn"] == kOtherSchool; }));
}

TEST(Partnerships, EachRuleNamesItsFieldAndCode) {
    World& w = world();
    struct Case {
        const char* key;
        nlohmann::json value;
        const char* code;
        const char* field;
    };
    const Case cases[] = {
        {"kind", "casual", "invalid", "kind"},
        {"model", "", "required", "model"},
        {"school_urns", nlohmann::json::array(), "partner_required", "school_urns"},
        {"school_urns", {999991}, "unknown_school", "school_urns"},
        {"starts_on", "2026-13-01", "invalid", "starts_on"},
        {"review_due_on", "soon", "invalid", "review_due_on"},
        {"ends_on", day(-31), "before_start", "ends_on"},
        {"lead_contact", {{"email", "x@example.org"}}, "required", "lead_contact.name"},
    };
    for (const auto& c : cases) {
        auto body = formal_partnership();
        body[c.key] = c.value;
        expect_error(w.partnerships.api("POST", "/api/v1/partnerships", body), 422, c.code,
                     c.field);
    }
    auto organisation = formal_partnership();
    organisation.erase("school_urns");
    organisation["organisation"] = "Devon County Council";
    EXPECT_EQ(w.admin.api("POST", "/api/v1/partnerships", organisation).status, 201);
    EXPECT_EQ(w.coordinator.api("POST", "/api/v1/partnerships", formal_partnership()).status, 403);
}

TEST(Partnerships, SchoolsReadOnlyThoseNamingThemWithoutNotes) {
    World& w = world();
    auto body = formal_partnership();
    body["school_urns"] = {kOwnSchool};
    auto r = w.partnerships.api("POST", "/api/v1/partnerships", body);
    ASSERT_EQ(r.status, 201);
    const std::string path = "/api/v1/partnerships/" + std::to_string(r.json()["id"].get<int>());
    auto other = w.partnerships.api("POST", "/api/v1/partnerships", formal_partnership());
    ASSERT_EQ(other.status, 201);
    const std::string other_path =
        "/api/v1/partnerships/" + std::to_string(other.json()["id"].get<int>());

    EXPECT_TRUE(w.coordinator.api("GET", path).json().contains("notes"));
    for (Client* c : {&w.senco, &w.headteacher, &w.school_staff}) {
        auto seen = c->api("GET", path);
        ASSERT_EQ(seen.status, 200);
        EXPECT_FALSE(seen.json().contains("notes"));
        EXPECT_EQ(c->api("GET", other_path).status, 404);
        const auto listed = c->api("GET", "/api/v1/partnerships").json()["items"];
        for (const auto& p : listed) {
            EXPECT_FALSE(p.contains("notes"));
            EXPECT_TRUE(std::ranges::any_of(p["school_urns"],
                                            [](const auto& u) { return u == kOwnSchool; }));
        }
    }
    EXPECT_EQ(w.finance.api("GET", "/api/v1/partnerships").status, 403);
    EXPECT_EQ(w.practitioner.api("GET", path).status, 403);
}

TEST(Partnerships, AnEditKeepsWhatItLeavesOutAndAnEndedOneCannotChange) {
    World& w = world();
    auto r = w.partnerships.api("POST", "/api/v1/partnerships", formal_partnership());
    ASSERT_EQ(r.status, 201);
    const std::string path = "/api/v1/partnerships/" + std::to_string(r.json()["id"].get<int>());
    auto edited = w.partnerships.api("PUT", path, {{"review_due_on", day(200)}});
    ASSERT_EQ(edited.status, 200) << edited.body;
    EXPECT_EQ(edited.json()["review_due_on"], day(200));
    EXPECT_EQ(edited.json()["model"], "service level agreement");
    EXPECT_EQ(edited.json()["services"], nlohmann::json({"outreach", "CPD"}));
    EXPECT_EQ(edited.json()["notes"], "Wants more SENCO network places.");
    expect_error(w.partnerships.api("PUT", path, {{"ends_on", day(-40)}}), 422, "before_start",
                 "ends_on");

    auto ended = w.partnerships.api("POST", path + "/end", {{"reason", "School joined the trust"}});
    ASSERT_EQ(ended.status, 200) << ended.body;
    EXPECT_EQ(ended.json()["status"], "ended");
    EXPECT_EQ(ended.json()["ends_on"], day(0));
    EXPECT_EQ(w.partnerships.api("POST", path + "/end", nlohmann::json::object()).status, 409);
    EXPECT_EQ(w.partnerships.api("PUT", path, {{"model", "Other"}}).status, 409);
    auto still = w.partnerships.api("GET", "/api/v1/partnerships?status=ended").json()["items"];
    EXPECT_TRUE(
        std::ranges::any_of(still, [&](const auto& p) { return p["id"] == r.json()["id"]; }));
}

TEST(Partnerships, ReviewsDueAreFoundByDateAndOnTheLeadsHomePage) {
    World& w = world();
    auto soon = formal_partnership();
    soon["review_due_on"] = day(3);
    auto r = w.partnerships.api("POST", "/api/v1/partnerships", soon);
    ASSERT_EQ(r.status, 201);
    auto due = w.coordinator.api("GET", "/api/v1/partnerships?review_due_by=" + day(5));
    ASSERT_EQ(due.status, 200);
    const auto due_items = due.json()["items"];
    for (const auto& p : due_items) {
        EXPECT_EQ(p["status"], "active");
        EXPECT_LE(p["review_due_on"].get<std::string>(), day(5));
    }
    EXPECT_TRUE(std::ranges::any_of(due.json()["items"],
                                    [&](const auto& p) { return p["id"] == r.json()["id"]; }));
    expect_error(w.coordinator.api("GET", "/api/v1/partnerships?review_due_by=soon"), 422,
                 "invalid", "review_due_by");
    auto piles = w.partnerships.api("GET", "/api/v1/me/waiting").json()["items"];
    auto pile = std::ranges::find_if(
        piles, [](const auto& p) { return p["kind"] == "partnership_reviews_due"; });
    ASSERT_NE(pile, piles.end());
    EXPECT_GE((*pile)["count"].get<int>(), 1);
}

TEST(SchoolHistory, CountsTheSchoolsWorkWithTheTrust) {
    World& w = world();
    const std::string path = "/api/v1/schools/" + kOwn + "/history";
    auto before = w.coordinator.api("GET", path);
    ASSERT_EQ(before.status, 200) << before.body;
    auto draft_body = individual();
    draft_body["draft"] = true;
    ASSERT_EQ(w.senco.api("POST", "/api/v1/requests", draft_body).status, 201);
    auto sent = w.senco.api("POST", "/api/v1/requests", individual());
    ASSERT_EQ(sent.status, 201);
    auto after = w.partnerships.api("GET", path).json();
    EXPECT_EQ(after["urn"], kOwnSchool);
    EXPECT_EQ(after["requests"]["count"], before.json()["requests"]["count"].get<int>() + 1);
    EXPECT_EQ(after["requests"]["open"], before.json()["requests"]["open"].get<int>() + 1);
    EXPECT_GE(after["requests"]["by_status"]["submitted"].get<int>(), 1);
    EXPECT_FALSE(after["requests"]["by_status"].contains("draft"));
    EXPECT_TRUE(after["invoices"].contains("total_pence"));
    EXPECT_TRUE(after["packages"].contains("days_left"));
    EXPECT_EQ(w.senco.api("GET", path).status, 200);
    EXPECT_EQ(w.headteacher.api("GET", path).status, 200);
    EXPECT_EQ(w.senco.api("GET", "/api/v1/schools/" + kOther + "/history").status, 404);
    EXPECT_EQ(w.school_staff.api("GET", path).status, 403);
    EXPECT_EQ(w.finance.api("GET", path).status, 403);
}

TEST(FrontDoor, TheOfferShowsTodaysPricesToAnyone) {
    Server fresh;
    Client finance(fresh.base_url());
    ASSERT_EQ(finance.login_api("money@it.example.org",
                                fresh.add_user("money@it.example.org", "finance")),
              200);
    auto add = [&](const char* item, int pence, const std::string& from) {
        auto r = finance.api("POST", "/api/v1/tariffs",
                             {{"item", item}, {"pence", pence}, {"effective_from", from}});
        ASSERT_EQ(r.status, 201) << r.body;
    };
    add("teacher_day", 19900, day(0));
    add("teacher_day", 26100, day(1));
    add("mileage", 31, day(-1));
    Client anyone(fresh.base_url());
    auto offer = anyone.api("GET", "/api/v1/public/offer");
    ASSERT_EQ(offer.status, 200) << offer.body;
    EXPECT_EQ(offer.json()["prices_on"], day(0));
    EXPECT_EQ(offer.json()["mileage_pence"], 31);
    auto levels = offer.json()["levels"];
    auto teacher =
        std::ranges::find_if(levels, [](const auto& l) { return l["level"] == "teacher"; });
    ASSERT_NE(teacher, levels.end());
    EXPECT_EQ((*teacher)["day_rate_pence"], 19900);
    auto page = anyone.get("/offer");
    EXPECT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("£199.00"), std::string::npos);
    EXPECT_EQ(page.body.find("£261.00"), std::string::npos);  // not until tomorrow
    EXPECT_NE(page.header("content-security-policy").find("object-src 'none'"), std::string::npos);
    EXPECT_NE(page.body.find("/privacy"), std::string::npos);
}

TEST(Enquiries, AnyoneSendsOneThatEmailsTheLeadAndConfirmsWithoutTheMessage) {
    World& w = world();
    Client anyone = from_address("127.0.0.21");
    auto r = anyone.api("POST", "/api/v1/enquiries", enquiry("kim@riverside.example.org"));
    ASSERT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(r.json()["status"], "new");
    const std::string id = std::to_string(r.json()["id"].get<int>());
    auto to_lead = emails_to("partnerships@it.example.org", "enquiry_received");
    ASSERT_FALSE(to_lead.empty());
    EXPECT_NE(to_lead.back().find("/enquiries/" + id), std::string::npos);
    auto confirmation = emails_to("kim@riverside.example.org", "enquiry_confirmation");
    ASSERT_EQ(confirmation.size(), 1U);
    EXPECT_EQ(confirmation[0].find("teaching assistants"), std::string::npos);
    EXPECT_EQ(confirmation[0].find("partnerships@it.example.org"), std::string::npos);

    // The lead works it: assign, note, close; then it does not move.
    const std::string path = "/api/v1/enquiries/" + id;
    auto lead_id = w.partnerships.api("GET", "/api/v1/me").json()["id"];
    auto senco_id = w.senco.api("GET", "/api/v1/me").json()["id"];
    expect_error(w.partnerships.api("POST", path + "/assign", {{"user_id", senco_id}}), 422,
                 "invalid", "user_id");
    auto assigned = w.partnerships.api("POST", path + "/assign", {{"user_id", lead_id}});
    ASSERT_EQ(assigned.status, 200) << assigned.body;
    EXPECT_EQ(assigned.json()["status"], "in_progress");
    EXPECT_EQ(assigned.json()["assigned_to"], lead_id);
    auto note = w.partnerships.api("POST", path + "/notes", {{"text", "Rang the SENCO."}});
    ASSERT_EQ(note.status, 201) << note.body;
    expect_error(w.partnerships.api("POST", path + "/notes", {{"text", ""}}), 422, "required",
                 "text");
    auto closed = w.admin.api("POST", path + "/close", {{"outcome", "Registered for outreach"}});
    ASSERT_EQ(closed.status, 200);
    EXPECT_EQ(closed.json()["status"], "closed");
    EXPECT_EQ(closed.json()["notes"].size(), 1U);
    EXPECT_EQ(w.partnerships.api("POST", path + "/assign", {{"user_id", lead_id}}).status, 409);
    EXPECT_EQ(w.partnerships.api("POST", path + "/notes", {{"text", "x"}}).status, 409);
    EXPECT_EQ(w.partnerships.api("POST", path + "/close", nlohmann::json::object()).status, 409);
    auto closed_list = w.partnerships.api("GET", "/api/v1/enquiries?status=closed&topic=outreach");
    ASSERT_EQ(closed_list.status, 200);
    const auto closed_items = closed_list.json()["items"];
    for (const auto& e : closed_items) EXPECT_EQ(e["status"], "closed");
    EXPECT_EQ(w.coordinator.api("GET", "/api/v1/enquiries").status, 403);
    EXPECT_EQ(w.senco.api("GET", path).status, 403);
}

TEST(Enquiries, EachFieldIsCheckedAndRefusedOnesDoNotCount) {
    Client anyone = from_address("127.0.0.22");
    struct Case {
        const char* key;
        nlohmann::json value;
        const char* code;
    };
    const Case cases[] = {
        {"name", "", "required"},
        {"name", "Kim\nDoyle", "invalid"},
        {"organisation", std::string(201, 'a'), "too_long"},
        {"email", "kim@", "invalid"},
        {"topic", "gossip", "invalid"},
        {"message", std::string(5001, 'a'), "too_long"},
        {"school_urn", 999992, "unknown_school"},
    };
    for (const auto& c : cases) {
        auto body = enquiry("kim2@riverside.example.org");
        body[c.key] = c.value;
        expect_error(anyone.api("POST", "/api/v1/enquiries", body), 422, c.code, c.key);
    }
    // Seven refusals, yet five are still taken this hour, and the sixth is too many.
    for (int i = 0; i < 5; ++i)
        ASSERT_EQ(
            anyone.api("POST", "/api/v1/enquiries", enquiry("kim2@riverside.example.org")).status,
            201)
            << i;
    auto refused = anyone.api("POST", "/api/v1/enquiries", enquiry("kim2@riverside.example.org"));
    expect_error(refused, 429, "too_many_requests", nullptr);
    EXPECT_FALSE(refused.header("retry-after").empty());
    // Another address is not held back.
    Client neighbour = from_address("127.0.0.23");
    EXPECT_EQ(neighbour.api("POST", "/api/v1/enquiries", enquiry("lee@example.org")).status, 201);
}

TEST(Enquiries, TheContactFormPostsTheSameWithItsCsrfToken) {
    Client browser = from_address("127.0.0.24");
    auto page = browser.get("/contact");
    ASSERT_EQ(page.status, 200);
    auto sent = browser.post_form("/contact", "/contact",
                                  {{"name", "Ann Page"},
                                   {"email", "ann@example.org"},
                                   {"organisation", "Hill School"},
                                   {"topic", "training"},
                                   {"message", "Do you run SENCO networks?"}});
    EXPECT_EQ(sent.status, 303);
    EXPECT_EQ(sent.header("location"), "/contact/sent");
    auto bad = browser.post_form("/contact", "/contact",
                                 {{"name", ""}, {"email", "ann@example.org"}, {"topic", "x"}});
    EXPECT_EQ(bad.status, 422);
    EXPECT_NE(bad.body.find("Enter your name"), std::string::npos);
    Client forger = from_address("127.0.0.24");
    auto forged = forger.send({"POST",
                               "/contact",
                               form_encode({{"name", "A"}, {"email", "a@example.org"}}),
                               {"Content-Type: application/x-www-form-urlencoded"}});
    EXPECT_EQ(forged.status, 403);
}

TEST(Registrations, RegisterVerifyApproveThenSignIn) {
    World& w = world();
    Client person(server().base_url());
    const std::string email = "new.senco@own.example.org";
    nlohmann::json body{{"school_urn", kOwnSchool},
                        {"name", "Nia Evans"},
                        {"email", email},
                        {"role", "headteacher"},
                        {"password", "a quiet river in spring"}};
    auto r = person.api("POST", "/api/v1/registrations", body);
    ASSERT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(r.json()["status"], "pending");
    EXPECT_EQ(r.json()["email_verified"], false);
    EXPECT_FALSE(r.json().contains("token"));
    const std::string path = "/api/v1/registrations/" + std::to_string(r.json()["id"].get<int>());
    expect_error(person.api("POST", "/api/v1/registrations", body), 422, "taken", "email");

    // Signing in before approval says so with the right password, and only then.
    expect_error(person.api("POST", "/api/v1/login",
                            {{"email", email}, {"password", "a quiet river in spring"}}),
                 403, "account_pending", nullptr);
    EXPECT_EQ(person.login_api(email, "the wrong password entirely"), 401);

    expect_error(w.coordinator.api("POST", path + "/approve"), 409, "email_not_verified", nullptr);
    auto mail = emails_to(email, "registration_verify");
    ASSERT_EQ(mail.size(), 1U);
    const std::string token = token_after(mail[0], "/register/verify?token=");
    ASSERT_FALSE(token.empty());
    EXPECT_EQ(person.api("POST", "/api/v1/registrations/verify", {{"token", "nope"}}).status, 404);
    auto verified = person.api("POST", "/api/v1/registrations/verify", {{"token", token}});
    ASSERT_EQ(verified.status, 200);
    EXPECT_EQ(verified.json()["email_verified"], true);

    EXPECT_EQ(w.senco.api("POST", path + "/approve").status, 403);
    auto pending = w.partnerships.api("GET", "/api/v1/registrations?status=pending").json();
    EXPECT_TRUE(
        std::ranges::any_of(pending["items"], [&](const auto& x) { return x["email"] == email; }));
    auto approved = w.partnerships.api("POST", path + "/approve");
    ASSERT_EQ(approved.status, 200) << approved.body;
    EXPECT_EQ(approved.json()["status"], "approved");
    EXPECT_TRUE(approved.json()["user_id"].is_number());
    EXPECT_EQ(w.partnerships.api("POST", path + "/approve").status, 409);
    EXPECT_FALSE(emails_to(email, "registration_approved").empty());

    ASSERT_EQ(person.login_api(email, "a quiet river in spring"), 200);
    auto me = person.api("GET", "/api/v1/me").json();
    EXPECT_EQ(me["role"], "headteacher");
    EXPECT_EQ(me["school_urn"], kOwnSchool);
}

TEST(Registrations, EachFieldIsCheckedAndARejectionEmailsItsReason) {
    World& w = world();
    Client person(server().base_url());
    struct Case {
        const char* key;
        nlohmann::json value;
        const char* code;
    };
    const Case cases[] = {
        {"school_urn", 999993, "unknown_school"},   {"role", "admin", "invalid"},
        {"password", "short", "too_short"},         {"email", "not-an-email", "invalid"},
        {"email", "senco@it.example.org", "taken"},
    };
    for (const auto& c : cases) {
        nlohmann::json body{{"school_urn", kOwnSchool},
                            {"name", "Ola Brown"},
                            {"email", "ola@own.example.org"},
                            {"role", "school_staff"},
                            {"password", "a quiet river in spring"}};
        body[c.key] = c.value;
        expect_error(person.api("POST", "/api/v1/registrations", body), 422, c.code, c.key);
    }
    auto r = person.api("POST", "/api/v1/registrations",
                        {{"school_urn", kOwnSchool},
                         {"name", "Ola Brown"},
                         {"email", "ola@own.example.org"},
                         {"role", "school_staff"},
                         {"password", "a quiet river in spring"}});
    ASSERT_EQ(r.status, 201);
    const std::string path = "/api/v1/registrations/" + std::to_string(r.json()["id"].get<int>());
    expect_error(w.coordinator.api("POST", path + "/reject", {{"reason", ""}}), 422, "required",
                 "reason");
    auto rejected =
        w.coordinator.api("POST", path + "/reject", {{"reason", "Not on the school's staff list"}});
    ASSERT_EQ(rejected.status, 200);
    EXPECT_EQ(rejected.json()["status"], "rejected");
    EXPECT_EQ(w.coordinator.api("POST", path + "/reject", {{"reason", "again"}}).status, 409);
    auto mail = emails_to("ola@own.example.org", "registration_rejected");
    ASSERT_EQ(mail.size(), 1U);
    EXPECT_NE(mail[0].find("Not on the school's staff list"), std::string::npos);
    EXPECT_EQ(person.login_api("ola@own.example.org", "a quiet river in spring"), 401);
}

TEST(Invitations, AnInvitationWorksOnceAndGivesTheInvitedRoleAndSchool) {
    World& w = world();
    const std::string email = "invited.staff@own.example.org";
    auto r =
        w.coordinator.api("POST", "/api/v1/invitations",
                          {{"email", email}, {"role", "school_staff"}, {"school_urn", kOwnSchool}});
    ASSERT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(r.json()["status"], "pending");
    EXPECT_EQ(r.json()["expires_on"], day(7));
    EXPECT_FALSE(r.json().contains("token"));
    expect_error(
        w.coordinator.api("POST", "/api/v1/invitations",
                          {{"email", email}, {"role", "school_staff"}, {"school_urn", kOwnSchool}}),
        422, "taken", "email");
    expect_error(
        w.coordinator.api(
            "POST", "/api/v1/invitations",
            {{"email", "x@own.example.org"}, {"role", "finance"}, {"school_urn", kOwnSchool}}),
        422, "invalid", "role");
    EXPECT_EQ(
        w.senco
            .api("POST", "/api/v1/invitations",
                 {{"email", "y@own.example.org"}, {"role", "senco"}, {"school_urn", kOwnSchool}})
            .status,
        403);
    auto mail = emails_to(email, "invitation");
    ASSERT_EQ(mail.size(), 1U);
    const std::string token = token_after(mail[0], "/invitations/accept?token=");
    ASSERT_FALSE(token.empty());
    Client person(server().base_url());
    // The page asks for a name and password; a refused accept uses nothing.
    EXPECT_EQ(person.get("/invitations/accept?token=" + token).status, 200);
    expect_error(person.api("POST", "/api/v1/invitations/accept",
                            {{"token", token}, {"name", "Rae Kim"}, {"password", "short"}}),
                 422, "too_short", "password");
    EXPECT_EQ(person
                  .api("POST", "/api/v1/invitations/accept",
                       {{"token", "unknown"},
                        {"name", "Rae Kim"},
                        {"password", "a quiet river in spring"}})
                  .status,
              404);
    auto accepted = person.api(
        "POST", "/api/v1/invitations/accept",
        {{"token", token}, {"name", "Rae Kim"}, {"password", "a quiet river in spring"}});
    ASSERT_EQ(accepted.status, 200) << accepted.body;
    EXPECT_EQ(accepted.json()["status"], "accepted");
    EXPECT_TRUE(accepted.json()["user_id"].is_number());
    expect_error(
        person.api(
            "POST", "/api/v1/invitations/accept",
            {{"token", token}, {"name", "Rae Kim"}, {"password", "a quiet river in spring"}}),
        410, "used", nullptr);
    EXPECT_EQ(person.get("/invitations/accept?token=" + token).status, 410);
    ASSERT_EQ(person.login_api(email, "a quiet river in spring"), 200);
    auto me = person.api("GET", "/api/v1/me").json();
    EXPECT_EQ(me["role"], "school_staff");
    EXPECT_EQ(me["school_urn"], kOwnSchool);
    EXPECT_EQ(person.api("GET", "/api/v1/requests").status, 403);
}

TEST(Invitations, ARevokedInvitationIsGone) {
    World& w = world();
    const std::string email = "revoked@own.example.org";
    auto r = w.partnerships.api("POST", "/api/v1/invitations",
                                {{"email", email}, {"role", "senco"}, {"school_urn", kOwnSchool}});
    ASSERT_EQ(r.status, 201);
    const std::string path = "/api/v1/invitations/" + std::to_string(r.json()["id"].get<int>());
    const std::string token =
        token_after(emails_to(email, "invitation").at(0), "/invitations/accept?token=");
    auto revoked = w.partnerships.api("POST", path + "/revoke");
    ASSERT_EQ(revoked.status, 200);
    EXPECT_EQ(revoked.json()["status"], "revoked");
    EXPECT_EQ(w.partnerships.api("POST", path + "/revoke").status, 409);
    Client person(server().base_url());
    expect_error(
        person.api("POST", "/api/v1/invitations/accept",
                   {{"token", token}, {"name", "Al Rae"}, {"password", "a quiet river in spring"}}),
        410, "revoked", nullptr);
    auto listed = w.partnerships.api("GET", "/api/v1/invitations?status=revoked").json()["items"];
    EXPECT_TRUE(std::ranges::any_of(listed, [&](const auto& i) { return i["email"] == email; }));
}

TEST(PartnerPages, EachRoleReachesOnlyItsPages) {
    World& w = world();
    Client lead = browser_for(w.partnerships);
    for (const char* page : {"/partnerships", "/partnerships/new", "/enquiries", "/registrations",
                             "/invitations", "/partnerships?review=due"})
        EXPECT_EQ(lead.get(page).status, 200) << page;
    Client coordinator = browser_for(w.coordinator);
    EXPECT_EQ(coordinator.get("/partnerships").status, 200);
    EXPECT_EQ(coordinator.get("/registrations").status, 200);
    EXPECT_EQ(coordinator.get("/enquiries").status, 403);
    Client senco = browser_for(w.senco);
    EXPECT_EQ(senco.get("/registrations").status, 403);
    EXPECT_EQ(senco.get("/partnerships/new").status, 403);
    auto school = senco.get("/schools/" + kOwn);
    EXPECT_NE(school.body.find("History with the trust"), std::string::npos);
    Client anyone(server().base_url());
    for (const char* page : {"/offer", "/contact", "/register", "/register?q=School"})
        EXPECT_EQ(anyone.get(page).status, 200) << page;
    EXPECT_NE(anyone.get("/register?q=School").body.find("/register?urn="), std::string::npos);
    EXPECT_EQ(anyone.get("/register/verify?token=nope").status, 404);
}

}  // namespace sendhub::testing
