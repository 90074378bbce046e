#pragma once
// The counts behind each person's home page (core/waiting.hpp says which piles a role sees),
// read in one transaction: one aggregate query and, for a school, its agreements' feedback.
#include <cstdint>
#include <optional>
#include <vector>

#include "core/dates.hpp"
#include "core/ids.hpp"
#include "store/database.hpp"

namespace sendhub {

//! Whose piles to count: everyone's (trust staff), one school's, or one practitioner's.
struct WaitingScope {
    std::optional<SchoolUrn> school;
    std::optional<PractitionerId> practitioner;
};

//! One agreement's facts for core feedback_wanted.
struct FeedbackFacts {
    bool in_place = false;
    std::optional<Date> last_delivered;
    std::vector<Date> given_on;
};

struct WaitingFigures {
    std::int64_t requests_to_triage = 0;
    std::optional<Timestamp> oldest_submitted_at;
    std::int64_t requests_to_assign = 0;
    std::int64_t draft_agreements = 0;
    std::int64_t requests_needing_information = 0;
    std::int64_t visits_this_week = 0;
    std::int64_t visits_today = 0;
    std::int64_t reports_overdue = 0;  // planned visits before today
    std::int64_t visits_to_invoice = 0;
    std::int64_t unpaid_invoices = 0;
    std::int64_t overdue_invoices = 0;
    std::int64_t enquiries_new = 0;
    std::int64_t registrations_to_approve = 0;  // pending and with the email verified
    std::int64_t partnership_reviews_due = 0;
    std::vector<FeedbackFacts> feedback;  // only when scoped to a school
};

[[nodiscard]] WaitingFigures waiting_figures(Database& db, const WaitingScope& scope, Date today);

}  // namespace sendhub
