#include "core/agreement_steps.hpp"

#include <gtest/gtest.h>

#include <string>

#include "core/step_test_actors.hpp"

namespace sendhub {
namespace {
using testing::as;
using testing::kAssigned;
using testing::kSchool;

const Actor kOtherSenco{.user_id = UserId{2}, .role = Role::senco, .school_urn = SchoolUrn{100001}};
const Actor kOtherPractitioner{
    .user_id = UserId{3}, .role = Role::practitioner, .practitioner_id = PractitionerId{9}};

//! "ok", "forbidden" or the conflict's code.
std::string outcome(const Result<void>& r) {
    if (r) return "ok";
    return r.error().kind == ErrorKind::forbidden ? "forbidden" : r.error().code;
}

Date day(const char* text) {
    return *parse_date(text);
}
}  // namespace

TEST(AgreementSteps, WhoMayTakeEachStepAndWhen) {
    struct Case {
        Actor actor;
        AgreementStatus status;
        AgreementStep step;
        const char* expected;
    };
    using enum AgreementStatus;
    using S = AgreementStep;
    const Case cases[] = {
        {as(Role::senco), draft, S::accept, "ok"},
        {kOtherSenco, draft, S::accept, "forbidden"},
        {as(Role::coordinator), draft, S::accept, "forbidden"},
        {as(Role::senco), agreed, S::accept, "not_draft"},
        {as(Role::coordinator), agreed, S::complete, "ok"},
        {as(Role::coordinator), draft, S::complete, "not_agreed"},
        {as(Role::coordinator), completed, S::complete, "not_agreed"},
        {as(Role::practitioner), agreed, S::complete, "forbidden"},
        {as(Role::senco), agreed, S::complete, "forbidden"},
        {as(Role::admin), agreed, S::complete, "forbidden"},
        {as(Role::coordinator), agreed, S::plan_visit, "ok"},
        {as(Role::practitioner), agreed, S::plan_visit, "ok"},
        {kOtherPractitioner, agreed, S::plan_visit, "forbidden"},
        {as(Role::senco), agreed, S::plan_visit, "forbidden"},
        {as(Role::practitioner), draft, S::plan_visit, "not_agreed"},
        {as(Role::practitioner), cancelled, S::plan_visit, "not_agreed"},
        {as(Role::practitioner), agreed, S::record_progress, "ok"},
        {as(Role::finance), agreed, S::record_progress, "forbidden"},
        {as(Role::coordinator), completed, S::record_progress, "not_agreed"},
        {as(Role::senco), agreed, S::give_feedback, "ok"},
        {as(Role::senco), completed, S::give_feedback, "ok"},
        {as(Role::senco), draft, S::give_feedback, "not_agreed"},
        {as(Role::senco), cancelled, S::give_feedback, "not_agreed"},
        {kOtherSenco, agreed, S::give_feedback, "forbidden"},
        {as(Role::coordinator), agreed, S::give_feedback, "forbidden"},
        {as(Role::senco), draft, S::ask_for_change, "ok"},
        {as(Role::senco), agreed, S::ask_for_change, "not_draft"},
        {kOtherSenco, draft, S::ask_for_change, "forbidden"},
        {as(Role::coordinator), draft, S::ask_for_change, "forbidden"},
    };
    for (const auto& c : cases) {
        AgreementFacts a{.status = c.status, .school = kSchool, .practitioner = kAssigned};
        EXPECT_EQ(outcome(check_agreement_step(c.actor, a, c.step)), c.expected)
            << "role " << static_cast<int>(c.actor.role) << " step " << static_cast<int>(c.step)
            << " status " << static_cast<int>(c.status);
    }
}

TEST(AgreementSteps, PagesOfferExactlyWhatTheServiceAllows) {
    const Actor actors[] = {
        as(Role::senco),        kOtherSenco,        as(Role::coordinator), as(Role::admin),
        as(Role::practitioner), kOtherPractitioner, as(Role::finance)};
    using enum AgreementStatus;
    for (const auto& actor : actors) {
        for (auto status : {draft, agreed, completed, cancelled}) {
            AgreementFacts a{.status = status, .school = kSchool, .practitioner = kAssigned};
            auto offered = agreement_steps(actor, a);
            EXPECT_EQ(offered.accept,
                      check_agreement_step(actor, a, AgreementStep::accept).has_value());
            EXPECT_EQ(offered.ask_for_change,
                      check_agreement_step(actor, a, AgreementStep::ask_for_change).has_value());
            EXPECT_EQ(offered.complete,
                      check_agreement_step(actor, a, AgreementStep::complete).has_value());
            EXPECT_EQ(offered.plan_visit,
                      check_agreement_step(actor, a, AgreementStep::plan_visit).has_value());
            EXPECT_EQ(offered.record_progress,
                      check_agreement_step(actor, a, AgreementStep::record_progress).has_value());
            EXPECT_EQ(offered.give_feedback,
                      check_agreement_step(actor, a, AgreementStep::give_feedback).has_value());
        }
    }
    // A coordinator of an agreed piece of work is offered its running steps and nothing else.
    auto coordinator = agreement_steps(
        as(Role::coordinator), {.status = agreed, .school = kSchool, .practitioner = kAssigned});
    EXPECT_TRUE(coordinator.complete && coordinator.plan_visit && coordinator.record_progress);
    EXPECT_FALSE(coordinator.accept || coordinator.give_feedback);
}

TEST(AgreementSteps, OnlyTheAssignedPractitionerReportsAVisitOnceOnOrAfterItsDate) {
    struct Case {
        Actor actor;
        VisitStatus status;
        const char* visit_date;
        const char* expected;
    };
    using enum VisitStatus;
    const Case cases[] = {
        {as(Role::practitioner), planned, "2026-12-01", "ok"},  // the day itself
        {as(Role::practitioner), planned, "2026-11-20", "ok"},
        {as(Role::practitioner), planned, "2026-12-02", "visit_not_yet_made"},
        {as(Role::practitioner), delivered, "2026-11-20", "already_reported"},
        {as(Role::practitioner), cancelled, "2026-11-20", "visit_cancelled"},
        {kOtherPractitioner, planned, "2026-11-20", "forbidden"},
        {as(Role::coordinator), planned, "2026-11-20", "forbidden"},
        {as(Role::senco), planned, "2026-11-20", "forbidden"},
    };
    const Date today = day("2026-12-01");
    for (const auto& c : cases) {
        VisitFacts v{.status = c.status,
                     .date = day(c.visit_date),
                     .school = kSchool,
                     .practitioner = kAssigned};
        EXPECT_EQ(outcome(check_visit_report(c.actor, v, today)), c.expected) << c.visit_date;
        EXPECT_EQ(may_report_visit(c.actor, v, today), std::string(c.expected) == "ok");
    }
}

TEST(AgreementSteps, APlannedVisitIsMovedOrCancelledByThoseWhoRunOrReceiveIt) {
    struct Case {
        Actor actor;
        VisitStatus status;
        VisitStep step;
        const char* expected;
    };
    using enum VisitStatus;
    const Case cases[] = {
        {as(Role::coordinator), planned, VisitStep::move, "ok"},
        {as(Role::practitioner), planned, VisitStep::move, "ok"},
        {as(Role::senco), planned, VisitStep::move, "forbidden"},
        {kOtherPractitioner, planned, VisitStep::move, "forbidden"},
        {as(Role::coordinator), delivered, VisitStep::move, "visit_delivered"},
        {as(Role::practitioner), cancelled, VisitStep::move, "visit_cancelled"},
        {as(Role::senco), planned, VisitStep::cancel, "ok"},
        {kOtherSenco, planned, VisitStep::cancel, "forbidden"},
        {as(Role::practitioner), planned, VisitStep::cancel, "ok"},
        {as(Role::finance), planned, VisitStep::cancel, "forbidden"},
        {as(Role::admin), planned, VisitStep::cancel, "forbidden"},
        {as(Role::senco), delivered, VisitStep::cancel, "visit_delivered"},
        {as(Role::coordinator), cancelled, VisitStep::cancel, "visit_cancelled"},
    };
    for (const auto& c : cases) {
        VisitFacts v{.status = c.status,
                     .date = day("2026-12-10"),
                     .school = kSchool,
                     .practitioner = kAssigned};
        EXPECT_EQ(outcome(check_visit_step(c.actor, v, c.step)), c.expected);
        auto offered = visit_steps(c.actor, v);
        EXPECT_EQ(c.step == VisitStep::move ? offered.move : offered.cancel,
                  std::string(c.expected) == "ok");
    }
}

TEST(AgreementSteps, MilesAreSeenByWhoeverRunsTheWork) {
    VisitFacts v{.date = day("2026-11-20"), .school = kSchool, .practitioner = kAssigned};
    EXPECT_TRUE(may_see_visit_miles(as(Role::practitioner), v));
    EXPECT_TRUE(may_see_visit_miles(as(Role::coordinator), v));
    EXPECT_FALSE(may_see_visit_miles(kOtherPractitioner, v));
    EXPECT_FALSE(may_see_visit_miles(as(Role::senco), v));
}

TEST(AgreementSteps, FeedbackComesAfterAVisitAndOnceATerm) {
    using std::chrono::December, std::chrono::November, std::chrono::January;
    const Date today = std::chrono::year{2026} / December / 1;
    const Date earlier_this_term = std::chrono::year{2026} / November / 2;
    const Date last_term = std::chrono::year{2026} / std::chrono::July / 20;
    const Date next_term = std::chrono::year{2027} / January / 11;
    struct Case {
        bool delivered;
        std::vector<Date> given;
        Date on;
        std::string code;  // empty: allowed
    };
    for (const Case& c : {Case{false, {}, today, "no_delivered_visit"}, Case{true, {}, today, ""},
                          Case{true, {last_term}, today, ""},
                          Case{true, {earlier_this_term}, today, "already_given"},
                          Case{true, {earlier_this_term}, next_term, ""},
                          Case{false, {earlier_this_term}, next_term, "no_delivered_visit"}}) {
        auto due = check_feedback_due(c.delivered, c.given, c.on);
        EXPECT_EQ(due ? std::string() : due.error().code, c.code) << format_date(c.on);
        if (!due) {
            EXPECT_EQ(due.error().kind, ErrorKind::conflict);
        }
    }
}

TEST(InvoiceSteps, FinancePaysIssuedInvoicesAndCreditsWhatIsLeft) {
    struct Case {
        Actor actor;
        InvoiceStatus status;
        std::int64_t credited;
        InvoiceStep step;
        const char* expected;
    };
    using enum InvoiceStatus;
    using S = InvoiceStep;
    const Case cases[] = {
        {as(Role::finance), issued, 0, S::record_payment, "ok"},
        {as(Role::finance), paid, 0, S::record_payment, "not_issued"},
        {as(Role::finance), credited, 10000, S::record_payment, "not_issued"},
        {as(Role::senco), issued, 0, S::record_payment, "forbidden"},
        {as(Role::coordinator), issued, 0, S::record_payment, "forbidden"},
        {as(Role::finance), issued, 0, S::credit, "ok"},
        {as(Role::finance), paid, 0, S::credit, "ok"},  // a refund after payment
        {as(Role::finance), issued, 4000, S::credit, "ok"},
        {as(Role::finance), credited, 10000, S::credit, "fully_credited"},
        {as(Role::practitioner), issued, 0, S::credit, "forbidden"},
    };
    for (const auto& c : cases) {
        InvoiceFacts inv{.status = c.status, .total_pence = 10000, .credited_pence = c.credited};
        EXPECT_EQ(outcome(check_invoice_step(c.actor, inv, c.step)), c.expected);
        auto offered = invoice_steps(c.actor, inv);
        EXPECT_EQ(c.step == S::credit ? offered.credit : offered.record_payment,
                  std::string(c.expected) == "ok");
    }
}

}  // namespace sendhub
