#include "core/pricing.hpp"

#include <cmath>

namespace sendhub {

std::string day_rate_item(Grade grade) {
    return std::string(term_of(level_terms(), grade).code) + "_day";
}

std::int64_t charge_for_days(int half_days, std::int64_t day_rate_pence) {
    std::int64_t halves = static_cast<std::int64_t>(half_days) * day_rate_pence;
    return (halves + 1) / 2;  // x/2 rounded half up, for x >= 0
}

std::int64_t charge_for_miles(std::int64_t tenths, std::int64_t pence_per_mile) {
    return (tenths * pence_per_mile + 5) / 10;
}

std::int64_t estimated_return_tenths(GeoPoint home, GeoPoint school, double circuity) {
    return std::llround(straight_line_miles(home, school) * circuity * 2 * 10);
}

Quote quote_agreement(const AgreementTerms& t, const Rates& rates,
                      std::int64_t return_tenths_per_visit) {
    Quote q;
    int session_half_days = t.sessions * t.session_half_days;
    std::string grade = std::string(term_of(level_terms(), t.level).label);
    q.lines.push_back({std::to_string(t.sessions) + (t.sessions == 1 ? " session" : " sessions") +
                           " of " + format_days(t.session_half_days) + " day at the " + grade +
                           " day rate",
                       session_half_days / 2.0, rates.day_rate_pence,
                       charge_for_days(session_half_days, rates.day_rate_pence)});
    if (t.report_writing_half_days > 0) {
        q.lines.push_back({"Report writing", t.report_writing_half_days / 2.0, rates.day_rate_pence,
                           charge_for_days(t.report_writing_half_days, rates.day_rate_pence)});
    }
    q.travel_miles_estimate_tenths = return_tenths_per_visit * t.sessions;
    q.lines.push_back(
        {"Estimated travel (return journeys from the practitioner's home)",
         static_cast<double>(q.travel_miles_estimate_tenths) / 10.0, rates.mileage_pence_per_mile,
         charge_for_miles(q.travel_miles_estimate_tenths, rates.mileage_pence_per_mile), true});
    for (const auto& line : q.lines) q.total_pence += line.amount_pence;
    return q;
}

Quote travel_only(Quote quote) {
    std::erase_if(quote.lines, [](const QuoteLine& line) { return !line.travel; });
    quote.total_pence = 0;
    for (const auto& line : quote.lines) quote.total_pence += line.amount_pence;
    return quote;
}

}  // namespace sendhub
