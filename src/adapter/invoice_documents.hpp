#pragma once
// Invoices on paper and for the finance system: the PDF a school receives, and CSV and
// XLSX exports with one row per invoice line and per credit note.
#include <string>
#include <string_view>
#include <vector>

#include "service/finance_service.hpp"

namespace sendhub {

//! "1 day", "0.5 days", "14.5 miles", "1 package": a line's quantity in words.
[[nodiscard]] std::string line_quantity(const InvoiceLineRecord& line);
//! "£190.00", or "30p a mile" for travel.
[[nodiscard]] std::string line_unit_price(const InvoiceLineRecord& line);

[[nodiscard]] std::string invoice_pdf(const InvoiceRecord& invoice, const TrustSettings& trust);
[[nodiscard]] std::string credit_note_pdf(const InvoiceRecord& invoice,
                                          const CreditNoteRecord& note, const TrustSettings& trust);
[[nodiscard]] std::string invoices_csv(const std::vector<InvoiceRecord>& invoices);
[[nodiscard]] std::string invoices_xlsx(const std::vector<InvoiceRecord>& invoices);

}  // namespace sendhub
