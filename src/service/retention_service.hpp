#pragma once
// The retention schedule and the job that applies it: closed requests anonymised at the end of
// their period, invoices deleted six years after their financial year.
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/policy.hpp"
#include "core/retention.hpp"
#include "service/services.hpp"

namespace sendhub {

struct RetentionChange {
    std::string_view action;  // "anonymise" or "delete"
    std::string_view record;  // "request", "invoice" or "event_bookings" (the event's id)
    std::int64_t id = 0;
};

//! What is kept for how long, and why (administrators).
[[nodiscard]] Result<std::span<const RetentionRule>> retention_schedule(Services& s,
                                                                        const Actor& actor);
//! The changes due on `as_of`: records whose period ended before that day.
[[nodiscard]] std::vector<RetentionChange> retention_due(Services& s, Date as_of);
//! Applies them, each in its own audited transaction, and returns those made (a record another
//! run changed meanwhile is left out). `dry_run` changes nothing and returns what is due.
[[nodiscard]] std::vector<RetentionChange> run_retention(Services& s, Date as_of, bool dry_run,
                                                         const Acting& who);

}  // namespace sendhub
