#include "store/invoice_store.hpp"

#include <set>

#include "core/outreach.hpp"
#include "store/stored_value.hpp"

namespace sendhub {
namespace {

constexpr std::string_view kBillableVisits =
    "SELECT v.id, v.agreement_id, r.school_urn, r.id, v.date, v.half_days, "
    "coalesce(v.miles_tenths, 0), a.level,"
    " a.day_rate_pence, a.mileage_pence_per_mile, a.report_writing_half_days, "
    // An invoice deleted at the end of its retention period still charged its report writing:
    // 0 stands for it, so it is not charged again.
    "coalesce(a.report_writing_invoice_id, CASE WHEN a.report_writing_invoice_deleted = 1 THEN 0 "
    "END)"
    " FROM visits v JOIN agreements a ON a.id = v.agreement_id JOIN outreach_requests r ON r.id = "
    "a.request_id"
    " WHERE v.status = 'delivered' AND v.invoice_id IS NULL AND v.invoice_deleted = 0 AND v.date "
    "<= "
    "? AND a.day_rate_pence "
    "IS NOT NULL"
    " ORDER BY v.date, v.id";
constexpr std::string_view kPackageColumns =
    "SELECT p.id, p.school_urn, p.grade, p.half_days, p.price_pence, p.starts_on, p.ends_on, "
    "p.description, p.invoice_id,"
    " s.name, coalesce((SELECT sum(l.drawn_half_days) FROM invoice_lines l WHERE l.package_id = "
    "p.id), 0)"
    " FROM packages p JOIN schools s ON s.urn = p.school_urn";
const std::string kUninvoicedPackages =
    std::string(kPackageColumns) +
    " WHERE p.invoice_id IS NULL AND p.invoice_deleted = 0 ORDER BY p.id";
const std::string kAllPackages =
    std::string(kPackageColumns) +
    " WHERE (? IS NULL OR p.school_urn = ?) ORDER BY p.starts_on DESC, p.id DESC";
const std::string kFindPackage = std::string(kPackageColumns) + " WHERE p.id = ?";
constexpr std::string_view kNextNumber =
    "INSERT INTO document_sequences (kind, financial_year, last_number) VALUES (?, ?, 1)"
    " ON CONFLICT (kind, financial_year) DO UPDATE SET last_number = "
    "document_sequences.last_number + 1"
    " RETURNING last_number";
constexpr std::string_view kInsertInvoice =
    "INSERT INTO invoices (number, school_urn, issue_date, due_date, period_end, total_pence, "
    "status, created_by, created_at,"
    " updated_at) VALUES (?, ?, ?, ?, ?, ?, 'issued', ?, ?, ?) RETURNING id";
constexpr std::string_view kInsertLine =
    "INSERT INTO invoice_lines (invoice_id, position, kind, description, quantity_tenths, "
    "unit_pence, amount_pence, grade,"
    " visit_id, agreement_id, package_id, drawn_half_days, event_id, booking_id)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr std::string_view kClaimVisit =
    "UPDATE visits SET invoice_id = ? WHERE id = ? AND invoice_id IS NULL";
constexpr std::string_view kClaimReportWriting =
    "UPDATE agreements SET report_writing_invoice_id = ? WHERE id = ? AND "
    "report_writing_invoice_id IS NULL";
// A place confirmed on or before the period's end, on an event with a price.
constexpr std::string_view kBillablePlaces =
    "SELECT b.id, b.event_id, b.school_urn, e.title, e.starts_at, b.attendee_name, e.price_pence"
    " FROM event_bookings b JOIN events e ON e.id = b.event_id"
    " WHERE b.status = 'confirmed' AND e.price_pence > 0 AND b.invoice_id IS NULL"
    " AND b.invoice_deleted = 0 AND b.confirmed_on <= ? ORDER BY b.id";
constexpr std::string_view kClaimPlace =
    "UPDATE event_bookings SET invoice_id = ? WHERE id = ? AND invoice_id IS NULL";
constexpr std::string_view kClaimPackage =
    "UPDATE packages SET invoice_id = ? WHERE id = ? AND invoice_id IS NULL";
constexpr std::string_view kInvoiceColumns =
    "SELECT i.id, i.number, i.school_urn, s.name, s.postcode, i.issue_date, i.due_date, "
    "i.period_end, i.total_pence,"
    " i.status, i.paid_on, i.paid_pence, i.credited_pence, i.purchase_order FROM invoices i JOIN "
    "schools s ON s.urn = i.school_urn";
const std::string kFindInvoice = std::string(kInvoiceColumns) + " WHERE i.id = ?";
const std::string kListInvoices =
    std::string(kInvoiceColumns) +
    " WHERE (? IS NULL OR i.school_urn = ?) AND (? IS NULL OR (CASE WHEN i.status = 'issued' AND "
    "i.paid_pence > 0 THEN 'part_paid' ELSE i.status END) = ?) AND i.id < ?"
    " ORDER BY i.id DESC LIMIT ?";
const std::string kAllInvoices =
    std::string(kInvoiceColumns) + " WHERE (? IS NULL OR i.school_urn = ?) ORDER BY i.id";
constexpr std::string_view kLines =
    "SELECT kind, description, quantity_tenths, unit_pence, amount_pence, grade, visit_id, "
    "agreement_id, package_id, drawn_half_days, event_id, booking_id"
    " FROM invoice_lines WHERE invoice_id = ? ORDER BY position";
constexpr std::string_view kCreditNotes =
    "SELECT id, number, invoice_id, issue_date, amount_pence, reason FROM credit_notes WHERE "
    "invoice_id = ? ORDER BY id";
// Payments: the WHERE on the old amount makes a concurrent payment lose.
constexpr std::string_view kPayments =
    "SELECT paid_on, amount_pence FROM invoice_payments WHERE invoice_id = ? ORDER BY id";
constexpr std::string_view kCreditNoteInvoice = "SELECT invoice_id FROM credit_notes WHERE id = ?";
constexpr std::string_view kApplyPayment =
    "UPDATE invoices SET status = ?, paid_on = ?, paid_pence = ?, updated_at = ?"
    " WHERE id = ? AND status = 'issued' AND paid_pence = ?";
constexpr std::string_view kInsertPayment =
    "INSERT INTO invoice_payments (invoice_id, amount_pence, paid_on, created_by, created_at)"
    " VALUES (?, ?, ?, ?, ?)";
constexpr std::string_view kPurchaseOrders =
    "SELECT DISTINCT a.purchase_order FROM agreements a WHERE a.purchase_order <> '' AND a.id IN"
    " (SELECT agreement_id FROM invoice_lines WHERE invoice_id = ?) ORDER BY a.purchase_order";
constexpr std::string_view kSetPurchaseOrder =
    "UPDATE invoices SET purchase_order = ? WHERE id = ?";
constexpr std::string_view kInsertCredit =
    "INSERT INTO credit_notes (number, invoice_id, issue_date, amount_pence, reason, created_by, "
    "created_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?)";
constexpr std::string_view kApplyCredit =
    "UPDATE invoices SET credited_pence = ?, status = ?, updated_at = ? WHERE id = ? AND "
    "credited_pence = ?";
constexpr std::string_view kInsertPackage =
    "INSERT INTO packages (school_urn, grade, half_days, price_pence, starts_on, ends_on, "
    "description, created_by, created_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr std::string_view kSchoolExists = "SELECT 1 FROM schools WHERE urn = ?";

std::string code_of(Grade g) {
    return std::string(term_of(level_terms(), g).code);
}

Error concurrent_run() {
    return Error::conflict(
        "concurrent_run",
        "Another invoice run charged some of this work at the same moment. Run it again.");
}

std::int64_t next_number(SqlConnection& c, std::string_view kind, int fy) {
    return c.query_one(kNextNumber, kind, fy)->integer(0);
}

PackageRecord package_from(const SqlRow& r) {
    PackageRecord p;
    p.id = PackageId{r.integer(0)};
    p.terms.school = SchoolUrn{r.integer(1)};
    p.terms.grade = stored_term(level_terms(), r.text(2), "invoice work grade");
    p.terms.half_days = static_cast<int>(r.integer(3));
    p.terms.price_pence = r.integer(4);
    p.terms.starts_on = stored_date(r.text(5), "packages.starts_on");
    p.terms.ends_on = stored_date(r.text(6), "packages.ends_on");
    p.terms.description = r.text(7);
    if (auto i = r.optional_integer(8)) p.invoice_id = InvoiceId{*i};
    p.school_name = r.text(9);
    p.drawn_half_days = static_cast<int>(r.integer(10));
    return p;
}

// The status column never holds part_paid: a part-paid invoice is stored as issued with
// paid_pence above nil, and read back as part paid (here and in kListInvoices).
std::string stored_status(InvoiceStatus status) {
    if (status == InvoiceStatus::part_paid) status = InvoiceStatus::issued;
    return std::string(term_of(invoice_status_terms(), status).code);
}

InvoiceRecord invoice_from(SqlConnection& c, const SqlRow& r) {
    InvoiceRecord inv;
    inv.id = InvoiceId{r.integer(0)};
    inv.number = r.text(1);
    inv.school_urn = SchoolUrn{r.integer(2)};
    inv.school_name = r.text(3);
    inv.school_postcode = r.text(4);
    inv.issue_date = stored_date(r.text(5), "invoices.issue_date");
    inv.due_date = stored_date(r.text(6), "invoices.due_date");
    inv.period_end = stored_date(r.text(7), "invoices.period_end");
    inv.total_pence = r.integer(8);
    inv.status = stored_term(invoice_status_terms(), r.text(9), "invoices.status");
    if (!r.is_null(10)) inv.paid_on = parse_date(r.text(10));
    inv.paid_pence = r.integer(11);
    inv.credited_pence = r.integer(12);
    if (inv.status == InvoiceStatus::issued && inv.paid_pence > 0)
        inv.status = InvoiceStatus::part_paid;
    inv.purchase_order = r.text(13);
    for (const auto& l : c.query_with(kLines, inv.id.value)) {
        InvoiceLineRecord line;
        line.kind = stored_term(line_kind_terms(), l.text(0), "invoice_lines.kind");
        line.description = l.text(1);
        line.quantity_tenths = l.integer(2);
        line.unit_pence = l.integer(3);
        line.amount_pence = l.integer(4);
        if (!l.is_null(5)) line.grade = parse_term(level_terms(), l.text(5));
        line.visit_id = l.optional_integer(6);
        line.agreement_id = l.optional_integer(7);
        line.package_id = l.optional_integer(8);
        line.drawn_half_days = static_cast<int>(l.integer(9));
        line.event_id = l.optional_integer(10);
        line.booking_id = l.optional_integer(11);
        inv.lines.push_back(std::move(line));
    }
    for (const auto& n : c.query_with(kCreditNotes, inv.id.value))
        inv.credit_notes.push_back({n.integer(0), n.text(1), InvoiceId{n.integer(2)},
                                    stored_date(n.text(3), "credit_notes.issue_date"), n.integer(4),
                                    n.text(5)});
    for (const auto& p : c.query_with(kPayments, inv.id.value))
        inv.payments.push_back({stored_date(p.text(0), "invoice_payments.paid_on"), p.integer(1)});
    return inv;
}

std::optional<InvoiceRecord> find_in(SqlConnection& c, InvoiceId id) {
    auto row = c.query_one(kFindInvoice, id.value);
    if (!row) return std::nullopt;
    return invoice_from(c, *row);
}

BillableWork billable_work(SqlConnection& c, Date period_end) {
    BillableWork work;
    std::set<std::int64_t> report_writing_seen;
    for (const auto& r : c.query_with(kBillableVisits, format_date(period_end))) {
        BillableVisit v;
        v.id = VisitId{r.integer(0)};
        v.agreement = AgreementId{r.integer(1)};
        v.school = SchoolUrn{r.integer(2)};
        v.reference = request_reference(RequestId{r.integer(3)});
        v.date = stored_date(r.text(4), "visits.date");
        v.half_days = static_cast<int>(r.integer(5));
        v.miles_tenths = r.integer(6);
        v.grade = stored_term(level_terms(), r.text(7), "invoice work grade");
        v.rates = {r.integer(8), r.integer(9)};
        int report_half_days = static_cast<int>(r.integer(10));
        if (report_half_days > 0 && r.is_null(11) &&
            report_writing_seen.insert(v.agreement.value).second)
            work.report_writing.push_back({v.agreement, v.school, v.reference, report_half_days,
                                           v.grade, v.rates.day_rate_pence});
        work.visits.push_back(std::move(v));
    }
    for (const auto& r : c.query_with(kUninvoicedPackages)) {
        auto p = package_from(r);
        work.packages.push_back({p.id, p.terms});
    }
    for (const auto& r : c.query_with(kBillablePlaces, format_date(period_end))) {
        // The event's date is the first ten characters of its start ("2026-12-03T09:30").
        work.places.push_back({r.integer(0), r.integer(1), SchoolUrn{r.integer(2)}, r.text(3),
                               stored_date(r.text(4).substr(0, 10), "events.starts_at"), r.text(5),
                               r.integer(6)});
    }
    for (const auto& r : c.query_with(kAllPackages, nullptr, nullptr)) {
        auto p = package_from(r);
        if (p.half_days_left() > 0)
            work.balances.push_back({p.id, p.terms.school, p.terms.grade, p.terms.starts_on,
                                     p.terms.ends_on, p.half_days_left()});
    }
    return work;
}

//! Writes one drafted invoice and claims the work it charges; false if a concurrent run
//! claimed any of it first.
bool issue(SqlConnection& c, const DraftInvoice& draft, Date period_end, Date issue_date,
           const Acting& who, InvoiceId& created) {
    int fy = financial_year(issue_date);
    std::string number = document_number("INV", fy, next_number(c, "INV", fy));
    Date due = std::chrono::sys_days{issue_date} + std::chrono::days{kPaymentTermsDays};
    std::int64_t at = c.now_seconds();
    created =
        InvoiceId{c.query_one(kInsertInvoice, number, draft.school.value, format_date(issue_date),
                              format_date(due), format_date(period_end), draft.total_pence,
                              who.user_value(), at, at)
                      ->integer(0)};
    std::set<std::int64_t> visits, agreements;
    int position = 0;
    for (const auto& l : draft.lines) {
        std::optional<std::string> grade;
        if (l.grade) grade = code_of(*l.grade);
        std::optional<std::int64_t> visit, agreement, package;
        if (l.visit) visit = l.visit->value;
        if (l.agreement) agreement = l.agreement->value;
        if (l.package) package = l.package->value;
        c.execute_with(kInsertLine, created.value, position++,
                       std::string(term_of(line_kind_terms(), l.kind).code), l.description,
                       l.quantity_tenths, l.unit_pence, l.amount_pence, grade, visit, agreement,
                       package, l.drawn_half_days, l.event, l.booking);
        if (l.visit && visits.insert(l.visit->value).second &&
            c.execute_with(kClaimVisit, created.value, l.visit->value) != 1)
            return false;
        if (l.kind == LineKind::report_writing && agreements.insert(l.agreement->value).second &&
            c.execute_with(kClaimReportWriting, created.value, l.agreement->value) != 1)
            return false;
        if (l.kind == LineKind::package &&
            c.execute_with(kClaimPackage, created.value, l.package->value) != 1)
            return false;
        if (l.booking && c.execute_with(kClaimPlace, created.value, *l.booking) != 1) return false;
    }
    // The purchase order numbers of the agreements it charges, as they are on the day it is
    // issued: the invoice never changes afterwards.
    std::string orders;
    for (const auto& r : c.query_with(kPurchaseOrders, created.value))
        orders += (orders.empty() ? "" : ", ") + r.text(0);
    if (!orders.empty()) c.execute_with(kSetPurchaseOrder, orders, created.value);
    append_audit(c, who, "create", "invoice", std::to_string(created.value),
                 {{"number", number},
                  {"school_urn", draft.school.value},
                  {"total_pence", draft.total_pence},
                  {"period_end", format_date(period_end)}});
    return true;
}

}  // namespace

Result<std::vector<InvoiceRecord>> InvoiceStore::run(Date period_end, Date issue_date,
                                                     const Acting& who) {
    return db_.write([&](SqlConnection& c) -> Result<std::vector<InvoiceRecord>> {
        std::vector<InvoiceId> ids;
        for (const auto& draft : draft_invoices(billable_work(c, period_end))) {
            InvoiceId id;
            if (!issue(c, draft, period_end, issue_date, who, id))
                return std::unexpected(concurrent_run());
            ids.push_back(id);
        }
        std::vector<InvoiceRecord> created;
        created.reserve(ids.size());
        for (auto id : ids) created.push_back(*find_in(c, id));
        return created;
    });
}

std::optional<InvoiceId> InvoiceStore::invoice_of_credit_note(std::int64_t credit_note_id) {
    return db_.read([&](SqlConnection& c) -> std::optional<InvoiceId> {
        auto r = c.query_one(kCreditNoteInvoice, credit_note_id);
        if (!r) return std::nullopt;
        return InvoiceId{r->integer(0)};
    });
}

std::optional<InvoiceRecord> InvoiceStore::find(InvoiceId id) {
    return db_.read([&](SqlConnection& c) { return find_in(c, id); });
}

Page<InvoiceRecord> InvoiceStore::list(const InvoiceFilter& f) {
    std::optional<std::int64_t> school;
    std::optional<std::string> status;
    if (f.school_urn) school = f.school_urn->value;
    if (f.status) status = std::string(term_of(invoice_status_terms(), *f.status).code);
    auto rows = db_.read([&](SqlConnection& c) {
        std::vector<InvoiceRecord> out;
        for (const auto& r : c.query_with(kListInvoices, school, school, status, status,
                                          f.before_id.value_or(INT64_MAX), f.limit + 1))
            out.push_back(invoice_from(c, r));
        return out;
    });
    return make_page(std::move(rows), f.limit,
                     [](const InvoiceRecord& i) { return std::to_string(i.id.value); });
}

std::vector<InvoiceRecord> InvoiceStore::all(std::optional<SchoolUrn> school) {
    std::optional<std::int64_t> urn;
    if (school) urn = school->value;
    return db_.read([&](SqlConnection& c) {
        std::vector<InvoiceRecord> out;
        for (const auto& r : c.query_with(kAllInvoices, urn, urn))
            out.push_back(invoice_from(c, r));
        return out;
    });
}

Result<InvoiceRecord> InvoiceStore::add_payment(InvoiceId id, std::optional<std::int64_t> amount,
                                                Date paid_on, const Acting& who) {
    return db_.write([&](SqlConnection& c) -> Result<InvoiceRecord> {
        auto inv = find_in(c, id);
        if (!inv) return std::unexpected(Error::not_found("No such invoice."));
        if (paid_on < inv->issue_date)
            return std::unexpected(Error::invalid(
                "paid_on", "invalid", "The payment date cannot be before the invoice was issued"));
        const std::int64_t balance = inv->outstanding_pence();
        SENDHUB_ASSIGN_OR_RETURN(std::int64_t value,
                                 validate_payment(amount.value_or(balance), balance));
        const std::int64_t paid = inv->paid_pence + value;
        const InvoiceStatus status = invoice_status(inv->total_pence, paid, inv->credited_pence);
        std::optional<std::string> paid_on_text;
        if (status == InvoiceStatus::paid) paid_on_text = format_date(paid_on);
        if (c.execute_with(kApplyPayment, stored_status(status), paid_on_text, paid,
                           c.now_seconds(), id.value, inv->paid_pence) != 1)
            return std::unexpected(Error::conflict(
                "not_issued", "This invoice changed while the payment was recorded. Reload it."));
        c.execute_with(kInsertPayment, id.value, value, format_date(paid_on), who.user_value(),
                       c.now_seconds());
        append_audit(
            c, who, "pay", "invoice", std::to_string(id.value),
            {{"number", inv->number}, {"amount_pence", value}, {"paid_on", format_date(paid_on)}});
        return *find_in(c, id);
    });
}

Result<InvoiceRecord> InvoiceStore::credit(InvoiceId id, std::optional<std::int64_t> amount,
                                           std::string_view reason, Date issue_date,
                                           const Acting& who) {
    return db_.write([&](SqlConnection& c) -> Result<InvoiceRecord> {
        auto inv = find_in(c, id);
        if (!inv) return std::unexpected(Error::not_found("No such invoice."));
        SENDHUB_ASSIGN_OR_RETURN(
            auto value, validate_credit(amount, inv->total_pence, inv->credited_pence, reason));
        int fy = financial_year(issue_date);
        std::string number = document_number("CN", fy, next_number(c, "CN", fy));
        c.execute_with(kInsertCredit, number, id.value, format_date(issue_date), value,
                       std::string(reason), who.user_value(), c.now_seconds());
        std::int64_t credited = inv->credited_pence + value;
        auto status = invoice_status(inv->total_pence, inv->paid_pence, credited);
        if (c.execute_with(kApplyCredit, credited, stored_status(status), c.now_seconds(), id.value,
                           inv->credited_pence) != 1)
            return std::unexpected(Error::conflict(
                "changed", "The invoice changed while the credit note was written. Try again."));
        append_audit(c, who, "credit", "invoice", std::to_string(id.value),
                     {{"number", inv->number},
                      {"credit_note", number},
                      {"amount_pence", value},
                      {"reason", reason}});
        return *find_in(c, id);
    });
}

Result<PackageRecord> InvoiceStore::add_package(const PackageTerms& t, const Acting& who) {
    return db_.write([&](SqlConnection& c) -> Result<PackageRecord> {
        if (!c.query_one(kSchoolExists, t.school.value))
            return std::unexpected(
                Error::invalid("school_urn", "unknown", "No school has that URN"));
        auto id = c.query_one(kInsertPackage, t.school.value, code_of(t.grade), t.half_days,
                              t.price_pence, format_date(t.starts_on), format_date(t.ends_on),
                              t.description, who.user_value(), c.now_seconds())
                      ->integer(0);
        append_audit(c, who, "create", "package", std::to_string(id),
                     {{"school_urn", t.school.value},
                      {"grade", code_of(t.grade)},
                      {"half_days", t.half_days},
                      {"price_pence", t.price_pence},
                      {"starts_on", format_date(t.starts_on)},
                      {"ends_on", format_date(t.ends_on)}});
        return package_from(*c.query_one(kFindPackage, id));
    });
}

std::optional<PackageRecord> InvoiceStore::find_package(PackageId id) {
    return db_.read([&](SqlConnection& c) -> std::optional<PackageRecord> {
        auto row = c.query_one(kFindPackage, id.value);
        if (!row) return std::nullopt;
        return package_from(*row);
    });
}

std::vector<PackageRecord> InvoiceStore::packages(std::optional<SchoolUrn> school) {
    std::optional<std::int64_t> urn;
    if (school) urn = school->value;
    return db_.read([&](SqlConnection& c) {
        std::vector<PackageRecord> out;
        for (const auto& r : c.query_with(kAllPackages, urn, urn)) out.push_back(package_from(r));
        return out;
    });
}

}  // namespace sendhub
