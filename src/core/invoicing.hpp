#pragma once
// Invoicing (issue 6, api-contract.md Charging): turning delivered work into invoice lines,
// drawing buy-back package days down first, numbering per financial year, credit notes.
// Pure rules with no I/O: the store feeds in what is billable and writes what comes out.
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/agreement.hpp"
#include "core/error.hpp"
#include "core/ids.hpp"
#include "core/needs.hpp"
#include "core/pricing.hpp"
#include "core/vocabulary.hpp"

namespace sendhub {

using InvoiceId = StrongId<struct InvoiceIdTag>;
using PackageId = StrongId<struct PackageIdTag>;

//! part_paid: issued with some payments made and a balance still to pay.
enum class InvoiceStatus { issued, paid, credited, part_paid };
//! What a line charges for; the finance dashboard groups income by it.
enum class LineKind { visit, report_writing, travel, package, event };

[[nodiscard]] std::span<const Term<InvoiceStatus>> invoice_status_terms();
[[nodiscard]] std::span<const Term<LineKind>> line_kind_terms();

//! Payment terms printed on every invoice.
inline constexpr int kPaymentTermsDays = 30;

//! The UK financial year (April–March) a date falls in, named by the year it starts.
[[nodiscard]] int financial_year(Date date);
//! "INV-2026-27-0001"; credit notes use the prefix "CN".
[[nodiscard]] std::string document_number(std::string_view prefix, int financial_year,
                                          std::int64_t sequence);

//! A delivered visit that has not been invoiced, with the rates locked into its agreement.
struct BillableVisit {
    VisitId id;
    AgreementId agreement;
    SchoolUrn school;
    std::string reference;  // the request's "OR-00042"
    Date date;
    int half_days = 2;
    std::int64_t miles_tenths = 0;
    Grade grade = Grade::teacher;
    Rates rates;
};

//! An agreement's report-writing days, charged once with the agreement's first invoiced visit.
struct BillableReportWriting {
    AgreementId agreement;
    SchoolUrn school;
    std::string reference;
    int half_days = 0;
    Grade grade = Grade::teacher;
    std::int64_t day_rate_pence = 0;
};

//! Days a school bought in advance at an agreed price (seed 000 "service buy back").
struct PackageTerms {
    SchoolUrn school;
    Grade grade = Grade::teacher;
    int half_days = 0;
    std::int64_t price_pence = 0;
    Date starts_on;
    Date ends_on;
    std::string description;
};

struct PackageInput {
    std::string school_urn;
    std::string grade;
    std::string days;
    std::string price_pence;
    std::string starts_on;
    std::string ends_on;
    std::string description;
};

[[nodiscard]] Result<PackageTerms> validate_package(const PackageInput& input);

//! A package not yet invoiced: its price is charged in the next run.
struct BillablePackage {
    PackageId id;
    PackageTerms terms;
};

//! Days left on a package, which visits of its grade within its dates draw down.
struct PackageBalance {
    PackageId id;
    SchoolUrn school;
    Grade grade = Grade::teacher;
    Date starts_on;
    Date ends_on;
    int half_days_left = 0;
};

struct DraftLine {
    LineKind kind = LineKind::visit;
    std::string description;
    std::int64_t quantity_tenths = 0;  // days, miles or packages, in tenths
    std::int64_t unit_pence = 0;
    std::int64_t amount_pence = 0;
    std::optional<Grade> grade;
    std::optional<VisitId> visit;
    std::optional<AgreementId> agreement;
    std::optional<PackageId> package;     // the package bought, or the one drawn down
    int drawn_half_days = 0;              // days taken from `package` instead of charged
    std::optional<std::int64_t> event;    // a place on this event…
    std::optional<std::int64_t> booking;  // …booked by this booking
};

struct DraftInvoice {
    SchoolUrn school;
    std::vector<DraftLine> lines;
    std::int64_t total_pence = 0;
};

//! A confirmed place on a paid event, not yet invoiced: charged once at the event's price.
struct BillablePlace {
    std::int64_t booking = 0;
    std::int64_t event = 0;
    SchoolUrn school;
    std::string title;
    Date event_date;
    std::string attendee;
    std::int64_t price_pence = 0;
};

struct BillableWork {
    std::vector<BillableVisit> visits;
    std::vector<BillableReportWriting> report_writing;  // agreements not yet charged for it
    std::vector<BillablePackage> packages;
    std::vector<PackageBalance> balances;
    std::vector<BillablePlace> places;
};

//! One draft invoice per school with anything to charge, schools in URN order. Days are
//! drawn from a matching package first (the one ending soonest); what the package cannot
//! cover is charged at the agreement's locked day rate. Travel is always charged.
[[nodiscard]] std::vector<DraftInvoice> draft_invoices(BillableWork work);

//! A credit note's amount: 1p up to what is left uncredited.
[[nodiscard]] Result<std::int64_t> validate_credit(std::optional<std::int64_t> amount_pence,
                                                   std::int64_t total_pence,
                                                   std::int64_t already_credited_pence,
                                                   std::string_view reason);

//! A school's purchase order number as typed: trimmed, at most 50 characters, no line
//! breaks (422 purchase_order). Empty means none.
[[nodiscard]] Result<std::string> validate_purchase_order(std::string_view typed);
//! A payment towards an invoice: from 1p to the balance still owed (422 amount_pence).
[[nodiscard]] Result<std::int64_t> validate_payment(std::optional<std::int64_t> amount_pence,
                                                    std::int64_t balance_pence);
//! The status once payments and credit notes are counted: credited in full, paid (nothing
//! left to pay), part paid, or issued.
[[nodiscard]] InvoiceStatus invoice_status(std::int64_t total_pence, std::int64_t paid_pence,
                                           std::int64_t credited_pence);

}  // namespace sendhub
