#include "web/bar_chart.hpp"

#include <algorithm>

namespace sendhub {
namespace {

// Each label sits on its own line above its bar, so a long school name is never cut short
// and the chart stays readable when a half-width column scales it down.
constexpr int kChartWidth = 480;
constexpr int kValueWidth = 110;
constexpr int kLabelHeight = 22;
constexpr int kBarHeight = 20;
constexpr int kRowHeight = 56;

}  // namespace

nlohmann::json bar_chart(std::string id, std::string title, const std::vector<ChartBar>& bars,
                         const ChartWords& words) {
    std::int64_t largest = 0;
    for (const auto& b : bars) largest = std::max(largest, b.value);
    nlohmann::json drawn = nlohmann::json::array();
    nlohmann::json rows = nlohmann::json::array();
    int y = 4;
    std::string described;
    for (const auto& b : bars) {
        int width = largest > 0 && b.value > 0
                        ? static_cast<int>((b.value * (kChartWidth - kValueWidth)) / largest)
                        : 0;
        drawn.push_back({{"label", b.label},
                         {"value", b.shown},
                         {"label_y", y + 18},
                         {"bar_y", y + kLabelHeight + 2},
                         {"text_y", y + kLabelHeight + 18},
                         {"bar_width", std::max(width, b.value > 0 ? 1 : 0)},
                         {"value_x", width + 6}});
        rows.push_back({{"label", b.label}, {"value", b.shown}});
        if (!described.empty()) described += "; ";
        described += b.label + " " + b.shown;
        y += kRowHeight;
    }
    return {{"id", std::move(id)},
            {"title", std::move(title)},
            {"desc", described.empty() ? "No figures yet." : described + "."},
            {"height", std::max(y, 40)},
            {"width", kChartWidth},
            {"bar_height", kBarHeight},
            {"bars", drawn},
            {"rows", rows},
            {"value_heading", words.value_heading},
            {"empty_text", words.empty},
            {"empty", bars.empty()}};
}

}  // namespace sendhub
