#include "store/waiting_report.hpp"

#include <map>

#include "core/availability.hpp"
#include "core/waiting.hpp"

namespace sendhub {
namespace {

// Every count takes the same two optional filters (school, practitioner), each skipped when
// NULL, so one statement serves every role. Dates are ISO text, so they compare as text.
constexpr std::string_view kCounts =
    "WITH r AS (SELECT id, status, submitted_at, school_urn FROM outreach_requests"
    "           WHERE ? IS NULL OR school_urn = ?),"
    " v AS (SELECT v.date, v.status, v.invoice_id, v.invoice_deleted, a.day_rate_pence FROM visits "
    "v"
    "       JOIN agreements a ON a.id = v.agreement_id"
    "       JOIN outreach_requests q ON q.id = a.request_id"
    "       WHERE (? IS NULL OR q.school_urn = ?) AND (? IS NULL OR v.practitioner_id = ?))"
    " SELECT (SELECT count(*) FROM r WHERE status = 'submitted'),"
    " (SELECT min(submitted_at) FROM r WHERE status = 'submitted'),"
    " (SELECT count(*) FROM r WHERE status = 'accepted'),"
    " (SELECT count(*) FROM agreements a JOIN r ON r.id = a.request_id WHERE a.status = 'draft'),"
    " (SELECT count(*) FROM r WHERE status = 'more_info'),"
    " (SELECT count(*) FROM v WHERE status = 'planned' AND date >= ? AND date <= ?),"
    " (SELECT count(*) FROM v WHERE status = 'planned' AND date = ?),"
    " (SELECT count(*) FROM v WHERE status = 'planned' AND date < ?),"
    " (SELECT count(*) FROM v WHERE status = 'delivered' AND invoice_id IS NULL AND "
    "invoice_deleted = 0"
    "  AND day_rate_pence IS NOT NULL),"
    " (SELECT count(*) FROM invoices WHERE status = 'issued' AND total_pence > credited_pence"
    "  AND (? IS NULL OR school_urn = ?)),"
    " (SELECT count(*) FROM invoices WHERE status = 'issued' AND total_pence > credited_pence"
    "  AND due_date < ? AND (? IS NULL OR school_urn = ?)),"
    " (SELECT count(*) FROM enquiries WHERE status = 'new' AND ? IS NULL),"
    " (SELECT count(*) FROM registrations WHERE status = 'pending' AND email_verified = 1"
    "  AND ? IS NULL),"
    " (SELECT count(*) FROM partnerships WHERE status = 'active' AND review_due_on <= ?"
    "  AND ? IS NULL)";

// A school's agreements with a delivered visit, each row one piece of feedback (or none).
constexpr std::string_view kFeedback =
    "SELECT a.id, a.status, (SELECT max(v.date) FROM visits v WHERE v.agreement_id = a.id"
    "  AND v.status = 'delivered'), f.given_at"
    " FROM agreements a JOIN outreach_requests r ON r.id = a.request_id"
    " LEFT JOIN feedback f ON f.agreement_id = a.id"
    " WHERE r.school_urn = ? AND a.status IN ('agreed', 'completed')"
    " AND EXISTS (SELECT 1 FROM visits v WHERE v.agreement_id = a.id AND v.status = 'delivered')"
    " ORDER BY a.id";

}  // namespace

WaitingFigures waiting_figures(Database& db, const WaitingScope& scope, Date today) {
    std::optional<std::int64_t> school, practitioner;
    if (scope.school) school = scope.school->value;
    if (scope.practitioner) practitioner = scope.practitioner->value;
    const Date monday = monday_of(today);
    const Date sunday{std::chrono::sys_days{monday} + std::chrono::days{6}};
    const std::string day = format_date(today);
    return db.read([&](SqlConnection& c) {
        WaitingFigures w;
        auto row = c.query_one(kCounts, school, school, school, school, practitioner, practitioner,
                               format_date(monday), format_date(sunday), day, day, school, school,
                               day, school, school, school, school,
                               format_date(partnership_reviews_due_by(today)), school);
        w.requests_to_triage = row->integer(0);
        if (auto at = row->optional_integer(1))
            w.oldest_submitted_at = Timestamp{std::chrono::seconds{*at}};
        w.requests_to_assign = row->integer(2);
        w.draft_agreements = row->integer(3);
        w.requests_needing_information = row->integer(4);
        w.visits_this_week = row->integer(5);
        w.visits_today = row->integer(6);
        w.reports_overdue = row->integer(7);
        w.visits_to_invoice = row->integer(8);
        w.unpaid_invoices = row->integer(9);
        w.overdue_invoices = row->integer(10);
        w.enquiries_new = row->integer(11);
        w.registrations_to_approve = row->integer(12);
        w.partnership_reviews_due = row->integer(13);
        if (school) {
            std::map<std::int64_t, FeedbackFacts> by_agreement;
            for (const auto& r : c.query_with(kFeedback, *school)) {
                auto& facts = by_agreement[r.integer(0)];
                facts.in_place = r.text(1) == "agreed";
                if (!r.is_null(2)) facts.last_delivered = parse_date(r.text(2));
                if (auto given = r.optional_integer(3))
                    facts.given_on.push_back(london_date(Timestamp{std::chrono::seconds{*given}}));
            }
            for (auto& [id, facts] : by_agreement) w.feedback.push_back(std::move(facts));
        }
        return w;
    });
}

}  // namespace sendhub
