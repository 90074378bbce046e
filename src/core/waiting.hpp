#pragma once
// What waits for each person when they open sendhub (api-contract-daily-use.md, Home pages):
// which piles each role sees, in what order, in what words and behind which link, and when
// a school is asked for feedback. Pure C++, no I/O; the counting is done by the store.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/dates.hpp"
#include "core/role.hpp"
#include "core/vocabulary.hpp"

namespace sendhub {

enum class WaitingKind {
    requests_to_triage,
    requests_to_assign,
    agreements_with_schools,
    visits_this_week,
    reports_overdue,
    visit_clashes,
    agreements_to_accept,
    feedback_to_give,
    requests_needing_information,
    unpaid_invoices,
    visits_today,
    reports_due,
    visits_to_invoice,
    overdue_invoices,
    enquiries_new,
    registrations_to_approve,
    partnership_reviews_due,
};

//! A partnership's review counts as due this long before its date, so it can be booked.
inline constexpr int kPartnershipReviewNoticeDays = 30;
//! The last review date that counts as due today.
[[nodiscard]] Date partnership_reviews_due_by(Date today);

[[nodiscard]] std::span<const Term<WaitingKind>> waiting_kind_terms();

//! The piles a role's home page leads with, most urgent first. Administrators see the
//! coordinator's, finance's and the partnerships lead's; a school's staff their own school's.
[[nodiscard]] std::span<const WaitingKind> waiting_for(Role role);

struct Waiting {
    WaitingKind kind = WaitingKind::requests_to_triage;
    std::int64_t count = 0;
    //! Days the oldest has waited, where that matters (requests waiting for triage).
    std::optional<std::int64_t> oldest_days;
};

//! "3 requests waiting for triage", "1 agreement to accept", "No visits today".
[[nodiscard]] std::string waiting_text(const Waiting& waiting);
//! "The oldest has waited 5 days", or "" when there is nothing to say.
[[nodiscard]] std::string waiting_detail(const Waiting& waiting);
//! The page where the pile is worked.
[[nodiscard]] std::string_view waiting_link(WaitingKind kind);

//! Whether a school is asked now for feedback on one agreement: a visit has been delivered,
//! none was given this term (check_feedback_due), and the work is still in place or its last
//! visit was this term, so finished work is not asked about term after term.
[[nodiscard]] bool feedback_wanted(bool in_place, std::optional<Date> last_delivered,
                                   std::span<const Date> given_on, Date today);

}  // namespace sendhub
