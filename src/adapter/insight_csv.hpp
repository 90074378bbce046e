#pragma once
// The trust's schools and their census figures as CSV: the same rows, order and numbers as the
// page and the API, an empty cell for a figure the census does not have.
#include <string>

#include "service/insight_service.hpp"

namespace sendhub {

[[nodiscard]] std::string trust_insight_csv(const TrustInsight& insight);
//! "sendhub-trust-schools-2025.csv"
[[nodiscard]] std::string trust_insight_filename(const TrustInsight& insight);

}  // namespace sendhub
