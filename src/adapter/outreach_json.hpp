#pragma once
// JSON shapes of outreach records (api-contract.md: Requests, Provision agreements).
#include <nlohmann/json.hpp>

#include "core/pricing.hpp"
#include "service/outreach_service.hpp"

namespace sendhub {

[[nodiscard]] nlohmann::json request_json(const RequestRecord& r);
[[nodiscard]] nlohmann::json quote_json(const Quote& q);
//! `with_prices` false hides the locked day rate (practitioners see only mileage).
[[nodiscard]] nlohmann::json agreement_json(const AgreementRecord& a, const Quote& q,
                                            bool with_prices);
[[nodiscard]] nlohmann::json visit_json(const VisitRecord& v);
[[nodiscard]] nlohmann::json report_json(const VisitRecord& v);
[[nodiscard]] nlohmann::json progress_json(const ProgressRecord& p);
[[nodiscard]] nlohmann::json feedback_json(const FeedbackRecord& f);

}  // namespace sendhub
