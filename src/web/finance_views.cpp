#include "web/finance_views.hpp"

#include "adapter/documents.hpp"
#include "web/bar_chart.hpp"

namespace sendhub {
nlohmann::json invoice_status_tag(const InvoiceRecord& inv, Date today) {
    if (inv.overdue(today)) return {{"text", "Overdue"}, {"class", "govuk-tag--red"}};
    switch (inv.status) {
        case InvoiceStatus::issued:
            return {{"text", "Issued"}, {"class", "govuk-tag--blue"}};
        case InvoiceStatus::part_paid:
            return {{"text", "Part paid"}, {"class", "govuk-tag--yellow"}};
        case InvoiceStatus::paid:
            return {{"text", "Paid"}, {"class", "govuk-tag--green"}};
        case InvoiceStatus::credited:
            return {{"text", "Credited"}, {"class", "govuk-tag--grey"}};
    }
    return {{"text", ""}, {"class", ""}};
}

nlohmann::json invoice_row(const InvoiceRecord& inv, Date today) {
    return {{"id", std::to_string(inv.id.value)},
            {"number", inv.number},
            {"school_name", inv.school_name},
            {"issue_date", format_day_month_year(inv.issue_date)},
            {"due_date", format_day_month_year(inv.due_date)},
            {"total", money(inv.total_pence)},
            {"outstanding", money(inv.outstanding_pence())},
            {"tag", invoice_status_tag(inv, today)}};
}

nlohmann::json bar_chart(std::string id, std::string title, const std::vector<Amount>& amounts) {
    std::vector<ChartBar> bars;
    bars.reserve(amounts.size());
    for (const auto& a : amounts) bars.push_back({a.label, a.pence, money(a.pence)});
    return bar_chart(std::move(id), std::move(title), bars, {"Income", "Nothing invoiced yet."});
}

}  // namespace sendhub
