#pragma once
// Invoices, credit notes and buy-back packages. An invoice run turns delivered, not yet
// invoiced work into one invoice per school inside one write transaction; each visit,
// report-writing charge and package is claimed with a conditional UPDATE, so two runs at
// once (on any engine) can never charge the same work twice.
#include <optional>
#include <string>
#include <vector>

#include "core/invoicing.hpp"
#include "core/page.hpp"
#include "store/audit_store.hpp"
#include "store/database.hpp"

namespace sendhub {

struct InvoiceLineRecord {
    LineKind kind = LineKind::visit;
    std::string description;
    std::int64_t quantity_tenths = 0;
    std::int64_t unit_pence = 0;
    std::int64_t amount_pence = 0;
    std::optional<Grade> grade;
    std::optional<std::int64_t> visit_id;
    std::optional<std::int64_t> agreement_id;
    std::optional<std::int64_t> package_id;
    int drawn_half_days = 0;
    std::optional<std::int64_t> event_id;
    std::optional<std::int64_t> booking_id;
};

struct CreditNoteRecord {
    std::int64_t id = 0;
    std::string number;
    InvoiceId invoice_id;
    Date issue_date;
    std::int64_t amount_pence = 0;
    std::string reason;
};

struct PaymentRecord {
    Date paid_on;
    std::int64_t amount_pence = 0;
};

struct InvoiceRecord {
    InvoiceId id;
    std::string number;
    SchoolUrn school_urn;
    std::string school_name;
    std::string school_postcode;
    Date issue_date;
    Date due_date;
    Date period_end;
    std::int64_t total_pence = 0;
    InvoiceStatus status = InvoiceStatus::issued;
    std::optional<Date> paid_on;
    std::int64_t paid_pence = 0;
    std::int64_t credited_pence = 0;
    //! The school's purchase order numbers for the work, as on the day it was issued.
    std::string purchase_order;
    std::vector<InvoiceLineRecord> lines;
    std::vector<CreditNoteRecord> credit_notes;
    std::vector<PaymentRecord> payments;  // oldest first

    //! What the school still owes on this invoice.
    [[nodiscard]] std::int64_t outstanding_pence() const {
        return status == InvoiceStatus::issued || status == InvoiceStatus::part_paid
                   ? total_pence - credited_pence - paid_pence
                   : 0;
    }
    [[nodiscard]] bool overdue(Date today) const {
        return outstanding_pence() > 0 && due_date < today;
    }
};

struct InvoiceFilter {
    std::optional<SchoolUrn> school_urn;
    std::optional<InvoiceStatus> status;
    std::optional<std::int64_t> before_id;  // cursor: newest first
    int limit = kDefaultPageSize;
};

struct PackageRecord {
    PackageId id;
    PackageTerms terms;
    std::string school_name;
    std::optional<InvoiceId> invoice_id;
    int drawn_half_days = 0;
    [[nodiscard]] int half_days_left() const { return terms.half_days - drawn_half_days; }
};

class InvoiceStore {
  public:
    explicit InvoiceStore(Database& db) : db_(db) {}

    //! Invoices delivered work dated on or before `period_end`, and packages not yet
    //! invoiced, and confirmed places on paid events, numbered in `issue_date`'s financial year.
    //! Returns the invoices created (none when everything is already invoiced). A conflicting
    //! concurrent run rolls this one back with a 409 "concurrent_run"; the caller may run again.
    [[nodiscard]] Result<std::vector<InvoiceRecord>> run(Date period_end, Date issue_date,
                                                         const Acting& who);

    [[nodiscard]] std::optional<InvoiceRecord> find(InvoiceId id);
    [[nodiscard]] Page<InvoiceRecord> list(const InvoiceFilter& filter);
    //! Every invoice matching the filter, oldest first (exports and statements).
    [[nodiscard]] std::vector<InvoiceRecord> all(std::optional<SchoolUrn> school);
    //! The invoice a credit note belongs to.
    [[nodiscard]] std::optional<InvoiceId> invoice_of_credit_note(std::int64_t credit_note_id);

    //! Records a payment (the whole balance when `amount_pence` is empty): part paid until
    //! the balance is nil, then paid. 422 amount_pence above the balance.
    [[nodiscard]] Result<InvoiceRecord> add_payment(InvoiceId id,
                                                    std::optional<std::int64_t> amount_pence,
                                                    Date paid_on, const Acting& who);
    //! Issues a credit note (in full when `amount_pence` is empty); fully credited → "credited".
    [[nodiscard]] Result<InvoiceRecord> credit(InvoiceId id,
                                               std::optional<std::int64_t> amount_pence,
                                               std::string_view reason, Date issue_date,
                                               const Acting& who);

    [[nodiscard]] Result<PackageRecord> add_package(const PackageTerms& terms, const Acting& who);
    [[nodiscard]] std::optional<PackageRecord> find_package(PackageId id);
    [[nodiscard]] std::vector<PackageRecord> packages(std::optional<SchoolUrn> school);

  private:
    Database& db_;
};

}  // namespace sendhub
