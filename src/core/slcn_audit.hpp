#pragma once
// Audits of a school's speech, language and communication provision (seed 003: the named
// therapist "supports them with audits of current provision, the creation of action plans"),
// each with an action plan of owners, due dates and progress. Pure rules, no I/O.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/dates.hpp"
#include "core/error.hpp"
#include "core/vocabulary.hpp"

namespace sendhub {

enum class PlanStatus { not_started, in_progress, done };
[[nodiscard]] std::span<const Term<PlanStatus>> plan_status_terms();

inline constexpr std::size_t kMaxAuditFindings = 10000;
inline constexpr std::size_t kMaxAuditActions = 30;

struct AuditActionInput {
    std::string text;
    std::string owner;
    std::string due_date;
    std::string status;  // "" is not_started
};

//! As sent or typed.
struct AuditInput {
    std::string school_urn;
    std::string date;
    std::string findings;
    std::vector<AuditActionInput> actions;
};

struct AuditAction {
    std::int64_t id = 0;
    std::string text;
    std::string owner;
    Date due_date;
    PlanStatus status = PlanStatus::not_started;
};

struct AuditValues {
    std::int64_t school_urn = 0;
    Date date;
    std::string findings;
    std::vector<AuditAction> actions;
};

//! Every rule of a provision audit; fields as the contract names them ("actions[0].owner").
[[nodiscard]] Result<AuditValues> validate_audit(const AuditInput& input, Date today);
//! A new status for one action (`invalid`, status).
[[nodiscard]] Result<PlanStatus> parse_plan_status(std::string_view typed);

}  // namespace sendhub
