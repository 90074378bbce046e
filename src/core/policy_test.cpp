#include "core/policy.hpp"

#include <gtest/gtest.h>

#include "core/needs.hpp"

namespace sendhub {

TEST(Policy, AdministratorsCoordinatorsAndThePartnershipsLeadOrganiseEvents) {
    for (const auto& role : role_terms()) {
        const bool organiser = role.value == Role::admin || role.value == Role::coordinator ||
                               role.value == Role::partnerships;
        EXPECT_EQ(allows(role.value, Permission::organise_events), organiser) << role.code;
    }
}

TEST(Policy, OnlyAdminsManageUsersAndReadTheAuditLog) {
    for (const auto& role : role_terms()) {
        EXPECT_EQ(allows(role.value, Permission::manage_users), role.value == Role::admin)
            << role.code;
        EXPECT_EQ(allows(role.value, Permission::read_audit_log), role.value == Role::admin)
            << role.code;
        EXPECT_EQ(allows(role.value, Permission::answer_subject_access), role.value == Role::admin)
            << role.code;
        EXPECT_EQ(allows(role.value, Permission::read_retention), role.value == Role::admin)
            << role.code;
    }
}

TEST(Policy, AdminsAndCoordinatorsManageSchoolsAndSeeHomePostcodes) {
    for (const auto& role : role_terms()) {
        bool expected = role.value == Role::admin || role.value == Role::coordinator;
        EXPECT_EQ(allows(role.value, Permission::manage_schools),
                  expected || role.value == Role::partnerships)
            << role.code;
        EXPECT_EQ(allows(role.value, Permission::manage_practitioners), expected) << role.code;
        EXPECT_EQ(allows(role.value, Permission::see_practitioner_home), expected) << role.code;
        EXPECT_EQ(allows(role.value, Permission::manage_term_dates), expected) << role.code;
    }
}

TEST(Policy, OnlyFinanceChargesAndPractitionersSeeNoPrices) {
    for (const auto& role : role_terms()) {
        EXPECT_EQ(allows(role.value, Permission::manage_invoices), role.value == Role::finance)
            << role.code;
        EXPECT_EQ(allows(role.value, Permission::record_payments),
                  role.value == Role::finance || role.value == Role::admin)
            << role.code;
        EXPECT_EQ(allows(role.value, Permission::see_prices), role.value != Role::practitioner)
            << role.code;
        bool school = role.value == Role::senco || role.value == Role::headteacher;
        bool reads = role.value == Role::admin || role.value == Role::finance || school;
        EXPECT_EQ(allows(role.value, Permission::read_invoices), reads) << role.code;
        EXPECT_EQ(allows(role.value, Permission::read_finance_summary), reads && !school)
            << role.code;
    }
}

TEST(Policy, ASencoSeesOnlyTheirOwnSchool) {
    Actor senco{.role = Role::senco, .school_urn = SchoolUrn{123641}};
    EXPECT_TRUE(can_see_school(senco, SchoolUrn{123641}));
    EXPECT_FALSE(can_see_school(senco, SchoolUrn{100000}));
    Actor unlinked{.role = Role::senco};
    EXPECT_FALSE(can_see_school(unlinked, SchoolUrn{123641}));
    Actor coordinator{.role = Role::coordinator};
    EXPECT_TRUE(can_see_school(coordinator, SchoolUrn{100000}));
}

TEST(Policy, ADraftIsTheSchoolsOwnUntilSubmitted) {
    const SchoolUrn school{123641};
    Actor senco{.role = Role::senco, .school_urn = school};
    Actor other_senco{.role = Role::senco, .school_urn = SchoolUrn{100000}};
    for (bool draft : {true, false}) {
        EXPECT_TRUE(can_see_request(senco, school, std::nullopt, draft));
        EXPECT_FALSE(can_see_request(other_senco, school, std::nullopt, draft));
    }
    for (Role trust : {Role::admin, Role::coordinator}) {
        Actor staff{.role = trust};
        EXPECT_FALSE(can_see_request(staff, school, std::nullopt, true));
        EXPECT_TRUE(can_see_request(staff, school, std::nullopt, false));
        EXPECT_FALSE(lists_drafts(staff));
    }
    EXPECT_TRUE(lists_drafts(senco));
}

TEST(Vocabulary, EveryEnumeratorHasATermThatRoundTrips) {
    for (const auto& t : role_terms()) EXPECT_EQ(parse_role(t.code), t.value);
    for (const auto& t : grade_terms()) EXPECT_EQ(parse_term(grade_terms(), t.code), t.value);
    for (const auto& t : primary_need_terms())
        EXPECT_EQ(parse_term(primary_need_terms(), t.code), t.value);
    for (const auto& t : phase_terms()) EXPECT_EQ(parse_term(phase_terms(), t.code), t.value);
    EXPECT_EQ(primary_need_terms().size(), 14u);  // the DfE list in api-contract.md, with DS
    EXPECT_FALSE(parse_role("root"));
}

TEST(Policy, AHeadteacherReadsTheSchoolsWorkButActsOnNone) {
    const SchoolUrn school{123641};
    Actor head{.role = Role::headteacher, .school_urn = school};
    EXPECT_TRUE(allows(head, Permission::use_outreach));
    EXPECT_TRUE(allows(head, Permission::read_invoices));
    EXPECT_FALSE(allows(head, Permission::submit_requests));
    EXPECT_TRUE(can_see_request(head, school, std::nullopt, true));
    EXPECT_FALSE(can_see_request(head, SchoolUrn{100000}, std::nullopt, false));
    EXPECT_FALSE(is_school_senco(head, school));
    EXPECT_TRUE(is_school_leader(head, school));
}

TEST(Policy, SchoolStaffSeeNoChildsDataAndOnlyTheirSchool) {
    const SchoolUrn school{123641};
    Actor staff{.role = Role::school_staff, .school_urn = school};
    for (auto p : {Permission::use_outreach, Permission::read_invoices, Permission::submit_requests,
                   Permission::read_practitioners, Permission::read_school_history})
        EXPECT_FALSE(allows(staff, p));
    EXPECT_FALSE(can_see_request(staff, school, std::nullopt, false));
    EXPECT_TRUE(can_see_school(staff, school));
    EXPECT_FALSE(can_see_school(staff, SchoolUrn{100000}));
    EXPECT_EQ(school_scope(staff), school);
    EXPECT_EQ(school_scope(Actor{.role = Role::headteacher}), SchoolUrn{-1});
    EXPECT_EQ(school_scope(Actor{.role = Role::partnerships}), std::nullopt);
}

TEST(Policy, ThePartnershipsLeadWorksPartnersButNotChildrensData) {
    for (const auto& role : role_terms()) {
        bool lead = role.value == Role::admin || role.value == Role::partnerships;
        EXPECT_EQ(allows(role.value, Permission::manage_partnerships), lead) << role.code;
        EXPECT_EQ(allows(role.value, Permission::work_enquiries), lead) << role.code;
        EXPECT_EQ(allows(role.value, Permission::manage_school_accounts),
                  lead || role.value == Role::coordinator)
            << role.code;
        EXPECT_EQ(allows(role.value, Permission::read_partnerships),
                  role.value != Role::practitioner && role.value != Role::finance)
            << role.code;
    }
    Actor lead{.role = Role::partnerships};
    EXPECT_FALSE(allows(lead, Permission::use_outreach));
    EXPECT_FALSE(can_see_request(lead, SchoolUrn{123641}, std::nullopt, false));
}

}  // namespace sendhub
