#include "core/peer_review.hpp"

#include <gtest/gtest.h>

namespace sendhub {
namespace {

TEST(PeerReview, OnlyTheTrustsLeadsRunClustersAndOnlyASchoolsLeadsTakePart) {
    struct Case {
        Role role;
        PeerReviewRole expected;
    };
    for (auto [role, expected] :
         {Case{Role::admin, PeerReviewRole::trust_lead},
          Case{Role::coordinator, PeerReviewRole::trust_lead},
          Case{Role::partnerships, PeerReviewRole::trust_lead},
          Case{Role::senco, PeerReviewRole::school_lead},
          Case{Role::headteacher, PeerReviewRole::school_lead},
          Case{Role::practitioner, PeerReviewRole::none}, Case{Role::finance, PeerReviewRole::none},
          Case{Role::school_staff, PeerReviewRole::none}})
        EXPECT_EQ(peer_review_role(role), expected) << role_code(role);
}

TEST(PeerReview, AClusterHasANamePhaseFrameworkAndTwoOrMoreDistinctSchools) {
    auto ok = validate_cluster({" North primaries ", "primary", "3", {"100", "200", "100"}});
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->name, "North primaries");
    EXPECT_EQ(ok->phase, ClusterPhase::primary);
    EXPECT_EQ(ok->school_urns, (std::vector<std::int64_t>{100, 200}));
    struct Case {
        ClusterInput input;
        const char* field;
        const char* code;
    };
    for (const auto& [input, field, code] :
         {Case{{"", "primary", "3", {"1", "2"}}, "name", "required"},
          Case{{"N", "infant", "3", {"1", "2"}}, "phase", "invalid"},
          Case{{"N", "cross_phase", "x", {"1", "2"}}, "framework_id", "invalid"},
          Case{{"N", "secondary", "3", {"1", "1"}}, "school_urns", "members_count"},
          Case{{"N", "secondary", "3", {}}, "school_urns", "members_count"},
          Case{{"N", "secondary", "3", {"1", "two"}}, "school_urns", "unknown_school"}}) {
        auto r = validate_cluster(input);
        ASSERT_FALSE(r) << field;
        EXPECT_EQ(r.error().field, field);
        EXPECT_EQ(r.error().code, code);
    }
}

TEST(PeerReview, RealityAndGoalsNeedAConsecutiveSchoolYearAndBothTexts) {
    ASSERT_TRUE(validate_reality_goals({"1", "2026-27", "Where we are", "Where we go"}));
    struct Case {
        RealityGoalsInput input;
        const char* field;
        const char* code;
    };
    for (const auto& [input, field, code] :
         {Case{{"1", "2026-28", "r", "g"}, "year", "invalid"},
          Case{{"1", "2026", "r", "g"}, "year", "invalid"},
          Case{{"1", "2027-26", "r", "g"}, "year", "invalid"},
          Case{{"1", "2026-27", " ", "g"}, "current_reality", "required"},
          Case{{"1", "2026-27", "r", ""}, "goals", "required"}}) {
        auto r = validate_reality_goals(input);
        ASSERT_FALSE(r) << field;
        EXPECT_EQ(r.error().field, field);
        EXPECT_EQ(r.error().code, code);
    }
}

TEST(PeerReview, AReviewerLeadsAnotherMemberSchool) {
    const std::set<std::int64_t> members{1, 2, 3};
    struct Case {
        ReviewerCandidate candidate;
        std::string_view problem;
    };
    for (const auto& [candidate, problem] :
         {Case{{Role::senco, 2, true}, ""}, Case{{Role::headteacher, 3, true}, ""},
          Case{{Role::senco, 1, true}, "reviewer_from_host"},
          Case{{Role::school_staff, 1, true}, "reviewer_from_host"},
          Case{{Role::senco, 9, true}, "reviewer_not_in_cluster"},
          Case{{Role::coordinator, std::nullopt, true}, "reviewer_not_in_cluster"},
          Case{{Role::school_staff, 2, true}, "reviewer_not_in_cluster"},
          Case{{Role::senco, 2, false}, "reviewer_not_in_cluster"}})
        EXPECT_EQ(reviewer_problem(candidate, 1, members), problem)
            << role_code(candidate.role) << " " << candidate.school_urn.value_or(0);
}

TEST(PeerReview, ADraftIsSeenByItsHostReviewersAndTrustMembersSeeItOncePublished) {
    using S = ReviewStatus;
    const ReviewViewer trust{PeerReviewRole::trust_lead, false, false, false};
    const ReviewViewer host{PeerReviewRole::school_lead, true, false, true};
    const ReviewViewer reviewer{PeerReviewRole::school_lead, false, true, true};
    const ReviewViewer member{PeerReviewRole::school_lead, false, false, true};
    const ReviewViewer outsider{PeerReviewRole::school_lead, false, false, false};
    const ReviewViewer staff{PeerReviewRole::none, true, false, true};
    struct Case {
        ReviewViewer viewer;
        S status;
        bool see, lines, findings, publish, actions;
    };
    for (const auto& c : {
             Case{trust, S::draft, true, true, false, false, true},
             Case{host, S::draft, true, true, false, true, true},
             Case{reviewer, S::draft, true, true, true, false, false},
             Case{member, S::draft, false, false, false, false, false},
             Case{member, S::published, true, false, false, false, false},
             Case{outsider, S::published, false, false, false, false, false},
             Case{staff, S::published, false, false, false, false, false},
             Case{host, S::published, true, true, false, true, true},
         }) {
        const auto r = review_rights(c.viewer, c.status);
        EXPECT_EQ(r.see, c.see);
        EXPECT_EQ(r.add_lines, c.lines);
        EXPECT_EQ(r.add_findings, c.findings);
        EXPECT_EQ(r.publish, c.publish);
        EXPECT_EQ(r.manage_actions, c.actions);
    }
}

TEST(PeerReview, ALineOfEnquiryAsksAboutAStatementOfTheFramework) {
    const std::set<std::int64_t> statements{5, 6};
    EXPECT_TRUE(validate_enquiry_line("5", "How are plans shared?", statements));
    EXPECT_EQ(validate_enquiry_line("7", "q", statements).error().field, "statement_id");
    EXPECT_EQ(validate_enquiry_line("", "q", statements).error().code, "invalid");
    EXPECT_EQ(validate_enquiry_line("6", " ", statements).error().field, "question");
}

TEST(PeerReview, FindingsActionsAndFollowUpsNameTheirFaultyField) {
    EXPECT_TRUE(validate_finding("4", "strength", "Clear plans", ""));
    EXPECT_EQ(validate_finding("4", "weakness", "t", "").error().field, "kind");
    EXPECT_EQ(validate_finding("x", "strength", "t", "").error().field, "line_id");
    EXPECT_EQ(validate_finding("4", "strength", " ", "").error().code, "required");

    auto ok = validate_action({"Train TAs", "SENCO", "2027-03-01", "Fewer exclusions", ""});
    ASSERT_TRUE(ok);
    EXPECT_FALSE(ok->finding_id);
    struct Case {
        ActionInput input;
        const char* field;
        const char* code;
    };
    for (const auto& [input, field, code] :
         {Case{{"", "o", "2027-03-01", "m", ""}, "text", "required"},
          Case{{"t", "", "2027-03-01", "m", ""}, "owner", "required"},
          Case{{"t", "o", "", "m", ""}, "due_date", "required"},
          Case{{"t", "o", "2027-02-30", "m", ""}, "due_date", "invalid"},
          Case{{"t", "o", "2027-03-01", "", ""}, "impact_measure", "required"},
          Case{{"t", "o", "2027-03-01", "m", "x"}, "finding_id", "invalid"}}) {
        auto r = validate_action(input);
        ASSERT_FALSE(r) << field;
        EXPECT_EQ(r.error().field, field);
        EXPECT_EQ(r.error().code, code);
    }
    EXPECT_TRUE(validate_follow_up("Training booked", "open"));
    EXPECT_EQ(validate_follow_up("Done", "closed").error().field, "status");
    EXPECT_EQ(validate_follow_up("", "done").error().field, "note");
}

TEST(PeerReview, ThemesCountFindingsByAreaMostAreasForDevelopmentFirst) {
    const std::vector<ThemeArea> areas{{10, "Leadership", {1, 2}},
                                       {20, "Teaching", {3}},
                                       {30, "Inclusion", {4}},
                                       {40, "Parents", {5}}};
    using K = FindingKind;
    const auto themes = count_themes(areas, {{3, K::area_for_development},
                                             {3, K::area_for_development},
                                             {1, K::strength},
                                             {2, K::area_for_development},
                                             {4, K::area_for_development},
                                             {4, K::strength},
                                             {99, K::area_for_development}});
    ASSERT_EQ(themes.size(), 4U);
    EXPECT_EQ(themes[0].title, "Teaching");
    EXPECT_EQ(themes[0].areas_for_development, 2);
    // Leadership and Inclusion tie on one each: the framework's order decides.
    EXPECT_EQ(themes[1].title, "Leadership");
    EXPECT_EQ(themes[1].strengths, 1);
    EXPECT_EQ(themes[2].title, "Inclusion");
    EXPECT_EQ(themes[3].title, "Parents");
    EXPECT_EQ(themes[3].areas_for_development + themes[3].strengths, 0);
}

TEST(PeerReview, EveryVocabularyValueHasACode) {
    for (auto p : {ClusterPhase::primary, ClusterPhase::secondary, ClusterPhase::cross_phase})
        EXPECT_FALSE(term_of(cluster_phase_terms(), p).code.empty());
    for (auto s : {ReviewStatus::draft, ReviewStatus::published})
        EXPECT_FALSE(term_of(review_status_terms(), s).code.empty());
    for (auto k : {FindingKind::strength, FindingKind::area_for_development})
        EXPECT_FALSE(term_of(finding_kind_terms(), k).code.empty());
    for (auto s : {ActionStatus::open, ActionStatus::done})
        EXPECT_FALSE(term_of(action_status_terms(), s).code.empty());
}

}  // namespace
}  // namespace sendhub
