#pragma once
// JSON shapes of invoices, packages, statements and the finance summary (api-contract.md,
// Charging).
#include <nlohmann/json.hpp>

#include "service/finance_service.hpp"

namespace sendhub {

[[nodiscard]] nlohmann::json invoice_json(const InvoiceRecord& invoice, Date today);
[[nodiscard]] nlohmann::json package_json(const PackageRecord& package);
[[nodiscard]] nlohmann::json statement_json(const Statement& statement);
[[nodiscard]] nlohmann::json finance_summary_json(const FinanceSummary& summary);

}  // namespace sendhub
