#pragma once
// Prices of outreach (seed 002): Specialist TA £87, Teacher £190, SLT £250 a day; travel
// 30p a mile from the practitioner's home; report writing at the agreement's day rate.
// All money is integer pence, rounded half up at each line; totals are sums of lines.
#include <cstdint>
#include <string>
#include <vector>

#include "core/agreement.hpp"
#include "core/geo.hpp"

namespace sendhub {

struct Rates {
    std::int64_t day_rate_pence = 0;
    std::int64_t mileage_pence_per_mile = 0;
};

struct QuoteLine {
    std::string description;
    double quantity = 0;  // days or miles
    std::int64_t unit_pence = 0;
    std::int64_t amount_pence = 0;
    bool travel = false;  // the one charge practitioners may see (their own mileage)
};

struct Quote {
    std::vector<QuoteLine> lines;
    std::int64_t travel_miles_estimate_tenths = 0;  // all sessions, return journeys
    std::int64_t total_pence = 0;
};

//! Tariff item names (api-contract.md, Charging).
[[nodiscard]] std::string day_rate_item(Grade grade);

//! Half days × day rate, rounded half up to the penny.
[[nodiscard]] std::int64_t charge_for_days(int half_days, std::int64_t day_rate_pence);
//! Tenths of a mile × rate per mile, rounded half up to the penny.
[[nodiscard]] std::int64_t charge_for_miles(std::int64_t tenths, std::int64_t pence_per_mile);

//! Road-distance estimate: straight line × a circuity factor (1.4 in England: Ballou et al.
//! 2002 detour index, shared/data/README.md), out and back, in tenths of a mile.
[[nodiscard]] std::int64_t estimated_return_tenths(GeoPoint home, GeoPoint school, double circuity);

[[nodiscard]] Quote quote_agreement(const AgreementTerms& terms, const Rates& rates,
                                    std::int64_t return_tenths_per_visit);
//! The quote without day rates: only travel lines, the total their sum (for practitioners).
[[nodiscard]] Quote travel_only(Quote quote);

}  // namespace sendhub
