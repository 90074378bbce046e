#include "store/retention_store.hpp"

#include "store/audit_store.hpp"

namespace sendhub {
namespace {
constexpr std::string_view kClosed =
    "SELECT r.id, coalesce(r.submitted_at, r.created_at) FROM outreach_requests r"
    " WHERE r.status IN ('completed', 'declined', 'cancelled') AND r.anonymised_on IS NULL"
    " ORDER BY r.id";
constexpr std::string_view kYearGroups =
    "SELECT p.request_id, p.year_group FROM request_pupils p JOIN outreach_requests r ON r.id = "
    "p.request_id WHERE r.status IN ('completed', 'declined', 'cancelled') AND r.anonymised_on IS "
    "NULL";
constexpr std::string_view kInvoices = "SELECT id, issue_date FROM invoices ORDER BY id";
constexpr std::string_view kBookedEvents =
    "SELECT e.id, e.ends_at FROM events e WHERE e.bookings_anonymised_on IS NULL"
    " AND EXISTS (SELECT 1 FROM event_bookings b WHERE b.event_id = e.id) ORDER BY e.id";

// Everything written about the children goes; what the trust must still count stays.
constexpr std::string_view kClaimRequest =
    "UPDATE outreach_requests SET anonymised_on = ?, concern = '', tried = '',"
    " consent_obtained_by = '', triage_notes = '', cancel_reason = ''"
    " WHERE id = ? AND anonymised_on IS NULL";
constexpr std::string_view kPupils =
    "UPDATE request_pupils SET ref = '', year_group = '' WHERE request_id = ?";
constexpr std::string_view kEvents = "UPDATE request_events SET note = '' WHERE request_id = ?";
constexpr std::string_view kOutcomes =
    "UPDATE agreement_outcomes SET text = '' WHERE agreement_id IN (SELECT id FROM agreements "
    "WHERE request_id = ?)";
constexpr std::string_view kProgress =
    "UPDATE outcome_progress SET note = '' WHERE outcome_id IN (SELECT o.id FROM "
    "agreement_outcomes o JOIN agreements a ON a.id = o.agreement_id WHERE a.request_id = ?)";
constexpr std::string_view kReports =
    "UPDATE visits SET work_undertaken = '', actions_agreed = '', next_steps = '', cancel_reason "
    "= '' WHERE agreement_id IN (SELECT id FROM agreements WHERE request_id = ?)";
constexpr std::string_view kFeedback =
    "UPDATE feedback SET comments = '' WHERE agreement_id IN (SELECT id FROM agreements WHERE "
    "request_id = ?)";
constexpr std::string_view kConcerns =
    "UPDATE safeguarding_concerns SET summary = '', dsl_name = '' WHERE visit_id IN (SELECT v.id "
    "FROM visits v JOIN agreements a ON a.id = v.agreement_id WHERE a.request_id = ?)";

constexpr std::string_view kInvoiceExists = "SELECT number FROM invoices WHERE id = ?";
constexpr std::string_view kMarkVisits =
    "UPDATE visits SET invoice_id = NULL, invoice_deleted = 1 WHERE invoice_id = ?";
constexpr std::string_view kMarkPackages =
    "UPDATE packages SET invoice_id = NULL, invoice_deleted = 1 WHERE invoice_id = ?";
constexpr std::string_view kMarkPlaces =
    "UPDATE event_bookings SET invoice_id = NULL, invoice_deleted = 1 WHERE invoice_id = ?";
constexpr std::string_view kMarkReportWriting =
    "UPDATE agreements SET report_writing_invoice_id = NULL, report_writing_invoice_deleted = 1 "
    "WHERE report_writing_invoice_id = ?";
constexpr std::string_view kCreditNoteDocuments =
    "DELETE FROM issued_documents WHERE kind = 'credit_note' AND record_id IN (SELECT id FROM "
    "credit_notes WHERE invoice_id = ?)";
constexpr std::string_view kInvoiceDocument =
    "DELETE FROM issued_documents WHERE kind = 'invoice' AND record_id = ?";
constexpr std::string_view kCreditNotes = "DELETE FROM credit_notes WHERE invoice_id = ?";
constexpr std::string_view kPayments = "DELETE FROM invoice_payments WHERE invoice_id = ?";
constexpr std::string_view kLines = "DELETE FROM invoice_lines WHERE invoice_id = ?";
constexpr std::string_view kInvoice = "DELETE FROM invoices WHERE id = ?";

// The names and addresses go; the places booked, attendance and ratings stay.
constexpr std::string_view kClaimBookings =
    "UPDATE events SET bookings_anonymised_on = ? WHERE id = ? AND bookings_anonymised_on IS NULL";
constexpr std::string_view kAttendees =
    "UPDATE event_bookings SET attendee_name = '', attendee_email = '' WHERE event_id = ?";
constexpr std::string_view kBookingComments =
    "UPDATE event_feedback SET comment = '' WHERE booking_id IN (SELECT id FROM event_bookings "
    "WHERE event_id = ?)";

Date date_of(std::int64_t seconds) {
    return london_date(Timestamp{std::chrono::seconds{seconds}});
}
}  // namespace

std::vector<ClosedRequest> RetentionStore::closed_requests() {
    return db_.read([&](SqlConnection& c) {
        std::vector<ClosedRequest> out;
        std::map<std::int64_t, std::size_t> at;
        for (const auto& row : c.query_with(kClosed)) {
            at[row.integer(0)] = out.size();
            out.push_back({row.integer(0), date_of(row.integer(1)), {}});
        }
        for (const auto& row : c.query_with(kYearGroups)) {
            auto found = at.find(row.integer(0));
            if (found != at.end()) out[found->second].year_groups.push_back(row.text(1));
        }
        return out;
    });
}

std::vector<HeldInvoice> RetentionStore::invoices() {
    return db_.read([&](SqlConnection& c) {
        std::vector<HeldInvoice> out;
        for (const auto& row : c.query_with(kInvoices)) {
            if (auto issued = parse_date(row.text(1))) out.push_back({row.integer(0), *issued});
        }
        return out;
    });
}

bool RetentionStore::anonymise_request(std::int64_t id, Date on, const Acting& who) {
    return db_.write([&](SqlConnection& c) {
        // The claim is the guard: a second run, or a second job beside this one, finds it done.
        if (c.execute_with(kClaimRequest, format_date(on), id) != 1) return false;
        for (auto sql : {kPupils, kEvents, kOutcomes, kProgress, kReports, kFeedback, kConcerns})
            c.execute_with(sql, id);
        append_audit(c, who, "anonymise", "request", std::to_string(id));
        return true;
    });
}

bool RetentionStore::delete_invoice(std::int64_t id, const Acting& who) {
    return db_.write([&](SqlConnection& c) {
        auto invoice = c.query_one(kInvoiceExists, id);
        if (!invoice) return false;
        for (auto sql :
             {kMarkVisits, kMarkPackages, kMarkPlaces, kMarkReportWriting, kCreditNoteDocuments,
              kInvoiceDocument, kCreditNotes, kPayments, kLines, kInvoice})
            c.execute_with(sql, id);
        append_audit(c, who, "delete", "invoice", std::to_string(id),
                     {{"number", invoice->text(0)}});
        return true;
    });
}

std::vector<BookedEvent> RetentionStore::booked_events() {
    return db_.read([&](SqlConnection& c) {
        std::vector<BookedEvent> out;
        for (const auto& row : c.query_with(kBookedEvents)) {
            // "2027-01-15T16:00": the day is the first ten characters.
            if (auto ended = parse_date(row.text(1).substr(0, 10)))
                out.push_back({row.integer(0), *ended});
        }
        return out;
    });
}

bool RetentionStore::anonymise_bookings(std::int64_t event_id, Date on, const Acting& who) {
    return db_.write([&](SqlConnection& c) {
        if (c.execute_with(kClaimBookings, format_date(on), event_id) != 1) return false;
        for (auto sql : {kAttendees, kBookingComments}) c.execute_with(sql, event_id);
        append_audit(c, who, "anonymise", "event_bookings", std::to_string(event_id));
        return true;
    });
}

}  // namespace sendhub
