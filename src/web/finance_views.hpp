#pragma once
// View models shared by the finance pages: invoice rows and accessible SVG bar charts.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "service/finance_service.hpp"

namespace sendhub {

//! A table row of an invoice list.
[[nodiscard]] nlohmann::json invoice_row(const InvoiceRecord& invoice, Date today);
//! The status tag: "Overdue" in red when an issued invoice is past its due date.
[[nodiscard]] nlohmann::json invoice_status_tag(const InvoiceRecord& invoice, Date today);

//! A horizontal bar chart drawn as SVG by templates/partials/bar_chart.mustache: role="img"
//! named by its <title> and <desc>, with the same figures in a table beside it.
[[nodiscard]] nlohmann::json bar_chart(std::string id, std::string title,
                                       const std::vector<Amount>& amounts);

}  // namespace sendhub
