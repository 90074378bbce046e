#include "core/slcn_audit.hpp"

#include <array>

#include "core/text.hpp"

namespace sendhub {
namespace {
constexpr std::array<Term<PlanStatus>, 3> kStatuses{{
    {PlanStatus::not_started, "not_started", "Not started"},
    {PlanStatus::in_progress, "in_progress", "In progress"},
    {PlanStatus::done, "done", "Done"},
}};

void check_action(Validator& v, const AuditActionInput& in, std::size_t index, AuditValues& out) {
    const std::string at = "actions[" + std::to_string(index) + "].";
    const std::string which = "Action " + std::to_string(index + 1) + ": ";
    AuditAction action;
    action.text = v.required_text(at + "text", in.text, which + "say what will be done",
                                  which + "the action", 2000);
    action.owner = v.required_text(at + "owner", in.owner, which + "say who will do it",
                                   which + "the owner", 200);
    if (const std::string due = trim(in.due_date); due.empty()) {
        v.fail(at + "due_date", "required", which + "enter the date it is due");
    } else if (auto date = parse_date(due)) {
        action.due_date = *date;
    } else {
        v.fail(at + "due_date", "invalid", which + date_problem(due, "the date it is due"));
    }
    if (const std::string status = trim(in.status); !status.empty()) {
        auto parsed = parse_term(plan_status_terms(), status);
        if (parsed)
            action.status = *parsed;
        else
            v.fail(at + "status", "invalid", which + "choose not started, in progress or done");
    }
    out.actions.push_back(std::move(action));
}
}  // namespace

std::span<const Term<PlanStatus>> plan_status_terms() {
    return kStatuses;
}

Result<AuditValues> validate_audit(const AuditInput& input, Date today) {
    Validator v;
    AuditValues out;
    auto urn = parse_int(trim(input.school_urn));
    if (!urn || *urn < 100000 || *urn > 999999)
        v.fail("school_urn", "invalid", "Select the school");
    else
        out.school_urn = *urn;
    const std::string typed_date = trim(input.date);
    if (auto date = parse_date(typed_date); !date)
        v.fail("date", "invalid", date_problem(typed_date, "the date of the audit"));
    else if (*date > today)
        v.fail("date", "invalid", "The date of the audit must be today or in the past");
    else
        out.date = *date;
    out.findings = v.required_text("findings", input.findings, "Enter what the audit found",
                                   "The findings", kMaxAuditFindings);
    if (input.actions.size() > kMaxAuditActions)
        v.fail("actions", "invalid", "An action plan has at most 30 actions");
    for (std::size_t i = 0; i < input.actions.size() && i < kMaxAuditActions; ++i)
        check_action(v, input.actions[i], i, out);
    if (!v.ok()) return std::unexpected(std::move(v).error());
    return out;
}

Result<PlanStatus> parse_plan_status(std::string_view typed) {
    auto status = parse_term(plan_status_terms(), trim(typed));
    if (!status)
        return std::unexpected(
            Error::invalid("status", "invalid", "Choose not started, in progress or done"));
    return *status;
}

}  // namespace sendhub
