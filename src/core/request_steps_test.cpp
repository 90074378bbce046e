#include "core/request_steps.hpp"

#include <gtest/gtest.h>

#include "core/step_test_actors.hpp"

namespace sendhub {
namespace {
using testing::as;
using testing::kAssigned;
using testing::kSchool;
}  // namespace

TEST(RequestSteps, WhoMayTakeEachStepAtAll) {
    RequestFacts r{
        .status = RequestStatus::submitted, .school = kSchool, .practitioner = kAssigned};
    Actor other_senco{.user_id = UserId{2}, .role = Role::senco, .school_urn = SchoolUrn{100001}};
    Actor other_practitioner{
        .user_id = UserId{3}, .role = Role::practitioner, .practitioner_id = PractitionerId{9}};
    struct Case {
        Actor actor;
        RequestStep step;
        bool may;
    };
    const Case cases[] = {
        {as(Role::senco), RequestStep::cancel, true},
        {other_senco, RequestStep::cancel, false},
        {as(Role::coordinator), RequestStep::cancel, true},
        {as(Role::admin), RequestStep::cancel, false},  // administrators run accounts, not outreach
        {as(Role::practitioner), RequestStep::cancel, false},
        {as(Role::finance), RequestStep::cancel, false},
        {as(Role::senco), RequestStep::triage, false},
        {as(Role::coordinator), RequestStep::triage, true},
        {as(Role::coordinator), RequestStep::assign, true},
        {as(Role::practitioner), RequestStep::assign, false},
        {as(Role::practitioner), RequestStep::draw_up_agreement, true},
        {other_practitioner, RequestStep::draw_up_agreement, false},
        {as(Role::senco), RequestStep::answer_more_info, true},
        {as(Role::coordinator), RequestStep::answer_more_info, false},
        {as(Role::senco), RequestStep::edit_draft, true},
        {as(Role::coordinator), RequestStep::edit_draft, true},
        {as(Role::practitioner), RequestStep::edit_draft, false},
    };
    for (const auto& c : cases)
        EXPECT_EQ(may_take_step(c.actor, r, c.step), c.may)
            << role_code(c.actor.role) << " step " << static_cast<int>(c.step);
}

TEST(RequestSteps, WhichStepsTheStateAllows) {
    auto open = [](RequestStatus status, RequestStep step, bool has_agreement = false) {
        return step_open_now({.status = status, .school = kSchool, .has_agreement = has_agreement},
                             step);
    };
    EXPECT_TRUE(open(RequestStatus::submitted, RequestStep::triage));
    EXPECT_FALSE(open(RequestStatus::accepted, RequestStep::triage));
    EXPECT_TRUE(open(RequestStatus::accepted, RequestStep::assign));
    EXPECT_TRUE(open(RequestStatus::assigned, RequestStep::assign));
    EXPECT_FALSE(open(RequestStatus::assigned, RequestStep::assign, true));
    EXPECT_TRUE(open(RequestStatus::assigned, RequestStep::draw_up_agreement));
    EXPECT_FALSE(open(RequestStatus::agreed, RequestStep::draw_up_agreement));
    EXPECT_TRUE(open(RequestStatus::agreed, RequestStep::cancel));
    EXPECT_FALSE(open(RequestStatus::completed, RequestStep::cancel));
    EXPECT_FALSE(open(RequestStatus::cancelled, RequestStep::cancel));
    EXPECT_TRUE(open(RequestStatus::draft, RequestStep::edit_draft));
    EXPECT_TRUE(open(RequestStatus::more_info, RequestStep::answer_more_info));
}

TEST(RequestSteps, ThePageOffersOnlyWhatTheActorMayDoNow) {
    RequestFacts submitted{.status = RequestStatus::submitted, .school = kSchool};
    auto coordinator = request_steps(as(Role::coordinator), submitted);
    EXPECT_TRUE(coordinator.triage);
    EXPECT_TRUE(coordinator.cancel);
    EXPECT_FALSE(coordinator.assign);
    auto senco = request_steps(as(Role::senco), submitted);
    EXPECT_FALSE(senco.triage);
    EXPECT_TRUE(senco.cancel);
    auto finance = request_steps(as(Role::finance), submitted);
    EXPECT_FALSE(finance.cancel || finance.triage || finance.assign || finance.edit_draft);
}

}  // namespace sendhub
