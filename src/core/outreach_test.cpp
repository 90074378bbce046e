#include "core/outreach.hpp"

#include <gtest/gtest.h>

namespace sendhub {
namespace {

const Date kToday = *parse_date("2026-11-23");

RequestInput individual() {
    return {"123641",  "individual", {{"AB", "Y3", "sen_support", "ASD"}},
            "signed",  "2026-11-20", "Ms Teacher",
            "teacher", "2026-11-30", "Finds transitions hard",
            ""};
}

std::string first_field(const Result<RequestDetails>& r) {
    return r ? "" : r.error().field;
}
std::string first_code(const Result<RequestDetails>& r) {
    return r ? "" : r.error().code;
}

}  // namespace

TEST(RequestRules, AGoodIndividualRequestPasses) {
    auto r = validate_request(individual(), kToday);
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->pupils.size(), 1u);
    EXPECT_EQ(r->consent_type, ConsentType::signature);
}

TEST(RequestRules, ANeedRecordsWhoRecordedItAndWhen) {
    struct Case {
        const char* route;
        const char* source;
        const char* recorded_on;
        std::optional<NeedSource> expected;  // nullopt: refused
        const char* field;
    };
    const Case cases[] = {
        {"ehcp", "", "", NeedSource::local_authority, ""},
        {"annual_review", "", "", NeedSource::local_authority, ""},
        {"sen_support", "", "", NeedSource::school, ""},
        {"early_years", "", "2026-11-23", NeedSource::school, ""},  // today is allowed
        {"ehcp", "school", "2025-03-03", NeedSource::school, ""},
        {"sen_support", "parent", "", std::nullopt, "pupils.0.primary_need_source"},
        {"sen_support", "", "2026-11-24", std::nullopt, "pupils.0.primary_need_recorded_on"},
        {"sen_support", "", "3 March", std::nullopt, "pupils.0.primary_need_recorded_on"},
    };
    for (const auto& c : cases) {
        auto in = individual();
        in.pupils[0].need_route = c.route;
        in.pupils[0].primary_need_source = c.source;
        in.pupils[0].primary_need_recorded_on = c.recorded_on;
        auto r = validate_request(in, kToday);
        if (!c.expected) {
            ASSERT_FALSE(r) << c.route << " " << c.source << " " << c.recorded_on;
            EXPECT_EQ(r.error().field, c.field);
            EXPECT_EQ(r.error().code, "invalid");
            continue;
        }
        ASSERT_TRUE(r) << r.error().message;
        EXPECT_EQ(r->pupils[0].primary_need_source, *c.expected) << c.route;
        auto stored = stored_form(*r).answers.pupils[0];
        EXPECT_EQ(stored.primary_need_source, term_of(need_source_terms(), *c.expected).code);
        EXPECT_EQ(stored.primary_need_recorded_on, c.recorded_on);
    }
}

TEST(RequestRules, SevenDaysNoticeIsTheBoundary) {
    auto input = individual();
    input.preferred_date = "2026-11-29";  // 6 days
    EXPECT_EQ(first_code(validate_request(input, kToday)), "too_soon");
    input.preferred_date = "2026-11-30";  // 7 days
    EXPECT_TRUE(validate_request(input, kToday));
}

TEST(RequestRules, ContractCodesAndFields) {
    struct Case {
        const char* name;
        void (*change)(RequestInput&);
        const char* code;
        const char* field;
    };
    const Case cases[] = {
        {"verbal consent for one child", [](RequestInput& i) { i.consent_type = "verbal"; },
         "consent_required", "consent.type"},
        {"two pupils for one child", [](RequestInput& i) { i.pupils.push_back(i.pupils[0]); },
         "pupils_count", "pupils"},
        {"a group of one",
         [](RequestInput& i) {
             i.kind = "group";
             i.consent_type = "verbal";
         },
         "pupils_count", "pupils"},
        {"consent tomorrow", [](RequestInput& i) { i.consent_obtained_on = "2026-11-24"; },
         "invalid", "consent.obtained_on"},
        {"NSA with an EHCP",
         [](RequestInput& i) {
             i.pupils[0] = {"AB", "Y3", "ehcp", "NSA"};
         },
         "invalid", "pupils"},
        {"NSA at annual review",
         [](RequestInput& i) {
             i.pupils[0] = {"AB", "Y3", "annual_review", "NSA"};
         },
         "invalid", "pupils"},
        {"no concern", [](RequestInput& i) { i.concern = "  "; }, "required", "concern"},
        {"long concern", [](RequestInput& i) { i.concern = std::string(5001, 'x'); }, "too_long",
         "concern"},
        {"unknown route", [](RequestInput& i) { i.pupils[0].need_route = "statement"; }, "invalid",
         "pupils.0.need_route"},
        {"a full name", [](RequestInput& i) { i.pupils[0].ref = "Amy Brown"; }, "invalid",
         "pupils.0.ref"},
        {"unknown level", [](RequestInput& i) { i.expertise_level = "head"; }, "invalid",
         "expertise_level"},
    };
    for (const auto& c : cases) {
        auto input = individual();
        c.change(input);
        auto r = validate_request(input, kToday);
        EXPECT_EQ(first_code(r), c.code) << c.name;
        EXPECT_EQ(first_field(r), c.field) << c.name;
    }
}

TEST(RequestRules, AGroupMayHaveVerbalOrSignedConsent) {
    auto input = individual();
    input.kind = "group";
    input.pupils.push_back({"CD", "Y4", "ehcp", "SLCN"});
    for (const char* consent : {"verbal", "signed"}) {
        input.consent_type = consent;
        EXPECT_TRUE(validate_request(input, kToday)) << consent;
    }
    EXPECT_TRUE(validate_request(
        [] {
            auto i = individual();
            i.concern = std::string(5000, 'x');
            return i;
        }(),
        kToday));
}

TEST(RequestRules, ADraftNeedsOnlyASchoolAndAKind) {
    RequestInput draft{"123641", "group", {}, "", "", "", "", "", "", ""};
    EXPECT_TRUE(validate_draft(draft));
    draft.kind = "";
    EXPECT_FALSE(validate_draft(draft));
}

TEST(RequestRules, ADraftIsStoredCleanedButUnfinished) {
    RequestInput input{" 123641 ",
                       " group ",
                       {{" ab ", "y3", " sen_support", "asd "}},
                       "",
                       " 2026-13-01",
                       "",
                       "",
                       "",
                       "  Half a thought ",
                       ""};
    auto draft = validate_draft(input);
    ASSERT_TRUE(draft);
    EXPECT_EQ(draft->school_urn, SchoolUrn{123641});
    EXPECT_EQ(draft->kind, RequestKind::group);
    EXPECT_EQ(draft->answers.school_urn, "123641");
    EXPECT_EQ(draft->answers.kind, "group");
    ASSERT_EQ(draft->answers.pupils.size(), 1u);
    EXPECT_EQ(draft->answers.pupils[0].ref, "ab");
    EXPECT_EQ(draft->answers.pupils[0].year_group, "Y3");
    EXPECT_EQ(draft->answers.pupils[0].need_route, "sen_support");
    EXPECT_EQ(draft->answers.pupils[0].primary_need, "ASD");
    EXPECT_EQ(draft->answers.consent_obtained_on, "2026-13-01");  // unfinished, kept as typed
    EXPECT_EQ(draft->answers.concern, "Half a thought");
}

TEST(RequestRules, ASubmittedRequestIsStoredInItsCanonicalForm) {
    auto input = individual();
    input.kind = " individual ";
    input.pupils[0] = {" AB ", "y3", "sen_support ", " asd"};
    input.consent_obtained_by = "  Ms Teacher ";
    input.preferred_date = " 2026-11-30";
    auto details = validate_request(input, kToday);
    ASSERT_TRUE(details) << details.error().message;
    RequestDraft stored = stored_form(*details);
    EXPECT_EQ(stored.school_urn, SchoolUrn{123641});
    EXPECT_EQ(stored.answers.kind, "individual");
    EXPECT_EQ(stored.answers.pupils[0].ref, "AB");
    EXPECT_EQ(stored.answers.pupils[0].year_group, "Y3");
    EXPECT_EQ(stored.answers.pupils[0].need_route, "sen_support");
    EXPECT_EQ(stored.answers.pupils[0].primary_need, "ASD");
    EXPECT_EQ(stored.answers.consent_type, "signed");
    EXPECT_EQ(stored.answers.consent_obtained_on, "2026-11-20");
    EXPECT_EQ(stored.answers.consent_obtained_by, "Ms Teacher");
    EXPECT_EQ(stored.answers.expertise_level, "teacher");
    EXPECT_EQ(stored.answers.preferred_date, "2026-11-30");
    // What is stored passes the rules again unchanged: reading it back shows the same request.
    auto again = validate_request(stored.answers, kToday);
    ASSERT_TRUE(again);
    EXPECT_EQ(stored_form(*again).answers.concern, stored.answers.concern);
}

TEST(StatusFlow, FollowsTheContract) {
    using S = RequestStatus;
    using A = RequestAction;
    EXPECT_EQ(next_status(S::draft, A::submit), S::submitted);
    EXPECT_EQ(next_status(S::submitted, A::accept), S::accepted);
    EXPECT_EQ(next_status(S::submitted, A::decline), S::declined);
    EXPECT_EQ(next_status(S::submitted, A::ask_more_info), S::more_info);
    EXPECT_EQ(next_status(S::more_info, A::resubmit), S::submitted);
    EXPECT_EQ(next_status(S::accepted, A::assign), S::assigned);
    EXPECT_EQ(next_status(S::assigned, A::agree), S::agreed);
    EXPECT_EQ(next_status(S::agreed, A::complete), S::completed);
}

TEST(StatusFlow, EveryOtherMoveIsAConflict) {
    using S = RequestStatus;
    using A = RequestAction;
    EXPECT_EQ(next_status(S::accepted, A::accept).error().kind, ErrorKind::conflict);
    EXPECT_FALSE(next_status(S::declined, A::resubmit));
    EXPECT_FALSE(next_status(S::submitted, A::assign));
    EXPECT_FALSE(next_status(S::completed, A::cancel));
    EXPECT_FALSE(next_status(S::cancelled, A::cancel));
    EXPECT_FALSE(next_status(S::declined, A::cancel));
    for (S open : {S::draft, S::submitted, S::more_info, S::accepted, S::assigned, S::agreed})
        EXPECT_EQ(next_status(open, A::cancel), S::cancelled);
}

TEST(StatusFlow, EachOpenStatusNamesWhoseTurnItIs) {
    using S = RequestStatus;
    struct Case {
        S status;
        bool agreement_drawn_up;
        std::string_view words;
    };
    for (const auto& c : std::initializer_list<Case>{
             {S::submitted, false, "Waiting for the trust to triage"},
             {S::accepted, false, "Waiting for the trust to choose a practitioner"},
             {S::more_info, false, "Waiting for the school to answer"},
             {S::assigned, false, "Waiting for the trust to draw up the agreement"},
             {S::assigned, true, "Waiting for the school to accept the agreement"},
             {S::agreed, true, "Agreed: visits under way"},
         })
        EXPECT_EQ(request_status_text(c.status, c.agreement_drawn_up), c.words);
}

TEST(StatusFlow, ReferencesArePadded) {
    EXPECT_EQ(request_reference(RequestId{42}), "OR-00042");
}

}  // namespace sendhub
