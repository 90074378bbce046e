#pragma once
// Charging: invoice runs, payments, credit notes, buy-back packages and
// statements. Finance does everything; a SENCO reads only their own school's invoices,
// statement and package balance (others' are "not found", never "forbidden").
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/agreement_steps.hpp"
#include "core/invoicing.hpp"
#include "core/policy.hpp"
#include "core/trust_settings.hpp"
#include "service/services.hpp"
#include "store/finance_report.hpp"
#include "store/invoice_store.hpp"

namespace sendhub {

//! The price list with effective dates.
[[nodiscard]] std::vector<Tariff> list_tariffs(Services& s);
//! Adds a price from its effective date (finance and administrators).
[[nodiscard]] Result<Tariff> add_tariff(Services& s, const Actor& actor, const Tariff& tariff,
                                        const Acting& who);
[[nodiscard]] Result<std::vector<InvoiceRecord>> run_invoices(Services& s, const Actor& actor,
                                                              std::string_view period_end,
                                                              const Acting& who);
[[nodiscard]] Result<InvoiceRecord> get_invoice(Services& s, const Actor& actor, InvoiceId id);
//! What the step rules (core/agreement_steps.hpp) need to know of an invoice.
[[nodiscard]] InvoiceFacts invoice_facts(const InvoiceRecord& invoice);
//! Newest first; a SENCO's list is always their own school's.
[[nodiscard]] Page<InvoiceRecord> list_invoices(Services& s, const Actor& actor,
                                                InvoiceFilter filter);
//! Oldest first, for exports; scoped like list_invoices.
[[nodiscard]] std::vector<InvoiceRecord> export_invoices(Services& s, const Actor& actor,
                                                         std::optional<SchoolUrn> school);
[[nodiscard]] Result<InvoiceRecord> mark_invoice_paid(Services& s, const Actor& actor, InvoiceId id,
                                                      std::string_view paid_on, const Acting& who);
//! A payment towards the invoice (the whole balance when `amount_pence` is empty).
[[nodiscard]] Result<InvoiceRecord> record_payment(Services& s, const Actor& actor, InvoiceId id,
                                                   std::optional<std::int64_t> amount_pence,
                                                   std::string_view paid_on, const Acting& who);

//! The trust's details for documents (only its name until an administrator saves them).
[[nodiscard]] TrustSettings trust_settings(Services& s);
[[nodiscard]] Result<TrustSettings> save_trust_settings(Services& s, const Actor& actor,
                                                        TrustSettings input, const Acting& who);
//! Documents are made by the adapter layer; the service decides who may have one and keeps
//! each as first issued.
using InvoiceRenderer = std::function<std::string(const InvoiceRecord&, const TrustSettings&)>;
using CreditNoteRenderer =
    std::function<std::string(const InvoiceRecord&, const CreditNoteRecord&, const TrustSettings&)>;
[[nodiscard]] Result<std::string> issued_invoice_pdf(Services& s, const Actor& actor, InvoiceId id,
                                                     const InvoiceRenderer& render);
[[nodiscard]] Result<std::string> issued_credit_note_pdf(Services& s, const Actor& actor,
                                                         std::int64_t credit_note_id,
                                                         const CreditNoteRenderer& render);

[[nodiscard]] Result<InvoiceRecord> credit_invoice(Services& s, const Actor& actor, InvoiceId id,
                                                   std::string_view amount_pence,
                                                   std::string_view reason, const Acting& who);

[[nodiscard]] Result<PackageRecord> add_package(Services& s, const Actor& actor,
                                                const PackageInput& input, const Acting& who);
[[nodiscard]] Result<PackageRecord> get_package(Services& s, const Actor& actor, PackageId id);
[[nodiscard]] std::vector<PackageRecord> list_packages(Services& s, const Actor& actor,
                                                       std::optional<SchoolUrn> school);

//! A school's account: invoices raise the balance, credit notes and payments lower it.
struct StatementEntry {
    Date date;
    std::string kind;       // invoice | credit_note | payment
    std::string reference;  // "INV-…", "CN-…" or "Payment of INV-…"
    std::string invoice_number;
    std::optional<InvoiceId> invoice_id;
    std::int64_t amount_pence = 0;  // positive: owed by the school
    std::int64_t balance_pence = 0;
};
struct Statement {
    SchoolUrn school_urn;
    std::string school_name;
    std::vector<StatementEntry> entries;
    std::int64_t balance_pence = 0;
};
[[nodiscard]] Result<Statement> school_statement(Services& s, const Actor& actor, SchoolUrn school);

[[nodiscard]] FinanceSummary finance_dashboard(Services& s);

}  // namespace sendhub
