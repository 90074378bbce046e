#include "adapter/insight_csv.hpp"

#include "core/csv.hpp"

namespace sendhub {
namespace {

std::string cell(std::optional<std::int64_t> v) {
    return v ? std::to_string(*v) : std::string();
}

std::string percent_cell(std::optional<std::int64_t> tenths) {
    return tenths ? format_one_decimal(*tenths) : std::string();
}

}  // namespace

std::string trust_insight_csv(const TrustInsight& insight) {
    std::string out = csv_record({"urn", "name", "la_code", "la_name", "school_type", "pupils",
                                  "ehcp", "sen_support", "ehcp_pct", "sen_support_pct"});
    for (const auto& item : insight.items) {
        const auto f = figures_of(item.counts);
        out += csv_record(
            {std::to_string(item.urn), item.name, item.la_code ? std::to_string(*item.la_code) : "",
             item.la_name, item.school_type, cell(f.pupils), cell(f.ehcp), cell(f.sen_support),
             percent_cell(f.ehcp_pct_tenths), percent_cell(f.sen_support_pct_tenths)});
    }
    return out;
}

std::string trust_insight_filename(const TrustInsight& insight) {
    return "sendhub-" +
           std::string(term_of(school_relationship_terms(), insight.relationship).code) +
           "-schools-" + std::to_string(insight.year) + ".csv";
}

}  // namespace sendhub
