#include "core/slcn_audit.hpp"

#include <gtest/gtest.h>

namespace sendhub {
namespace {

constexpr Date kToday{std::chrono::year{2026}, std::chrono::month{12}, std::chrono::day{3}};

AuditInput good_audit() {
    return {
        "100001",
        "2026-11-20",
        "Early years staff model language well; no screening in Year 3 yet.",
        {{"Start WellComm screening in Year 3", "SENCO", "2027-02-12", ""},
         {"Train teaching assistants in Talk Boost", "Therapist", "2027-03-01", "in_progress"}}};
}

TEST(SlcnAudit, AcceptsAnAuditWithItsPlan) {
    auto audit = validate_audit(good_audit(), kToday);
    ASSERT_TRUE(audit) << audit.error().message;
    EXPECT_EQ(audit->school_urn, 100001);
    ASSERT_EQ(audit->actions.size(), 2u);
    EXPECT_EQ(audit->actions[0].status, PlanStatus::not_started);
    EXPECT_EQ(audit->actions[1].status, PlanStatus::in_progress);
}

TEST(SlcnAudit, EachRuleNamesItsField) {
    struct Case {
        void (*change)(AuditInput&);
        const char* field;
        const char* code;
    };
    const Case cases[] = {
        {[](AuditInput& a) { a.date = "2026-12-04"; }, "date", "invalid"},
        {[](AuditInput& a) { a.date = "2026-13-01"; }, "date", "invalid"},
        {[](AuditInput& a) { a.findings = "  "; }, "findings", "required"},
        {[](AuditInput& a) { a.findings = std::string(10001, 'x'); }, "findings", "too_long"},
        {[](AuditInput& a) { a.actions[0].owner = ""; }, "actions[0].owner", "required"},
        {[](AuditInput& a) { a.actions[1].text = ""; }, "actions[1].text", "required"},
        {[](AuditInput& a) { a.actions[0].due_date = ""; }, "actions[0].due_date", "required"},
        {[](AuditInput& a) { a.actions[0].due_date = "soon"; }, "actions[0].due_date", "invalid"},
        {[](AuditInput& a) { a.actions[1].status = "finished"; }, "actions[1].status", "invalid"},
        {[](AuditInput& a) { a.school_urn = "12"; }, "school_urn", "invalid"},
    };
    for (const auto& c : cases) {
        auto input = good_audit();
        c.change(input);
        auto audit = validate_audit(input, kToday);
        ASSERT_FALSE(audit) << c.field;
        ASSERT_FALSE(audit.error().fields.empty());
        EXPECT_EQ(audit.error().fields.front().field, c.field);
        EXPECT_EQ(audit.error().fields.front().code, c.code) << c.field;
    }
    auto today = good_audit();
    today.date = "2026-12-03";
    EXPECT_TRUE(validate_audit(today, kToday));
}

TEST(SlcnAudit, PlanStatusesAreTheContracts) {
    EXPECT_EQ(parse_plan_status("done"), PlanStatus::done);
    EXPECT_FALSE(parse_plan_status("complete"));
}

}  // namespace
}  // namespace sendhub
