#pragma once
// A horizontal bar chart drawn as SVG by templates/partials/bar_chart.mustache: role="img"
// named by its <title> and <desc>, with the same figures in a table beside it, so nobody needs
// to see the bars to read the numbers.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace sendhub {

struct ChartBar {
    std::string label;
    std::int64_t value = 0;  // the bar's length, in any unit
    std::string shown;       // the value as people read it: "£1,200.00", "4.8%"
};

struct ChartWords {
    std::string value_heading;  // the table's second column: "Income", "Percentage"
    std::string empty;          // shown instead of a chart with no bars
};

[[nodiscard]] nlohmann::json bar_chart(std::string id, std::string title,
                                       const std::vector<ChartBar>& bars, const ChartWords& words);

}  // namespace sendhub
