#include "web/finance_views.hpp"

#include <algorithm>

#include "adapter/documents.hpp"

namespace sendhub {
namespace {
constexpr int kChartWidth = 640;
constexpr int kLabelWidth = 220;
constexpr int kValueWidth = 110;
constexpr int kBarHeight = 22;
constexpr int kRowHeight = 32;
}  // namespace

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
    std::int64_t largest = 0;
    for (const auto& a : amounts) largest = std::max(largest, a.pence);
    nlohmann::json bars = nlohmann::json::array();
    nlohmann::json rows = nlohmann::json::array();
    int y = 4;
    std::string described;
    for (const auto& a : amounts) {
        int width =
            largest > 0 && a.pence > 0
                ? static_cast<int>((a.pence * (kChartWidth - kLabelWidth - kValueWidth)) / largest)
                : 0;
        bars.push_back({{"label", a.label},
                        {"value", money(a.pence)},
                        {"bar_y", y},
                        {"text_y", y + 16},
                        {"bar_width", std::max(width, a.pence > 0 ? 1 : 0)},
                        {"value_x", kLabelWidth + width + 6}});
        rows.push_back({{"label", a.label}, {"value", money(a.pence)}});
        if (!described.empty()) described += "; ";
        described += a.label + " " + money(a.pence);
        y += kRowHeight;
    }
    return {{"id", id},
            {"title", title},
            {"desc", described.empty() ? "No figures yet." : described + "."},
            {"height", std::max(y, 40)},
            {"width", kChartWidth},
            {"label_width", kLabelWidth},
            {"bar_height", kBarHeight},
            {"bars", bars},
            {"rows", rows},
            {"empty", amounts.empty()}};
}

}  // namespace sendhub
