#pragma once
// The printable provision agreement and visit report.
#include <string>

#include "core/money_input.hpp"
#include "core/pricing.hpp"
#include "service/outreach_service.hpp"

namespace sendhub {

[[nodiscard]] std::string agreement_pdf(const AgreementRecord& a, const Quote& q,
                                        std::string_view trust_name);
[[nodiscard]] std::string visit_report_pdf(const VisitRecord& v, std::string_view trust_name);

}  // namespace sendhub
