#pragma once
// The printable provision agreement and visit report.
#include <string>

#include "core/money_input.hpp"
#include "core/pricing.hpp"
#include "core/trust_settings.hpp"
#include "service/outreach_service.hpp"

namespace sendhub {

class PdfDocument;

//! The trust's name, address, contact and VAT status at the head of every document.
void trust_letterhead(PdfDocument& pdf, const TrustSettings& trust);

//! The provision agreement as an order form: who is buying what from whom, sessions and
//! prices as a table, terms, cancellation and payment, and the school's acceptance.
[[nodiscard]] std::string agreement_pdf(const AgreementRecord& a, const Quote& q,
                                        const TrustSettings& trust);
[[nodiscard]] std::string visit_report_pdf(const VisitRecord& v, const TrustSettings& trust);

}  // namespace sendhub
