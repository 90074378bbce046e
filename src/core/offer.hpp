#pragma once
// The trust's public outreach offer (api-contract-partners.md, Public front door): what it is,
// who it is for, how to ask, and the day rates in force today.
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "core/dates.hpp"
#include "core/needs.hpp"
#include "core/tariff.hpp"

namespace sendhub {

struct OfferLevel {
    Grade level = Grade::teacher;
    std::int64_t day_rate_pence = 0;
};

struct OutreachOffer {
    Date prices_on;
    std::vector<OfferLevel> levels;  // only levels with a rate in force
    std::optional<std::int64_t> mileage_pence;
};

inline constexpr std::string_view kOfferSummary =
    "Specialist staff from the trust's special schools work alongside a mainstream school to "
    "help one pupil or a group of pupils with special educational needs: observing, advising, "
    "modelling strategies and training staff, with a short report after each visit.";
inline constexpr std::string_view kOfferWhoFor =
    "Schools and settings in the South West, for pupils with or without an education, health "
    "and care plan.";
inline constexpr std::string_view kOfferHowToAsk =
    "The school's SENCO asks through sendhub at least 7 days before the support is wanted. For "
    "one pupil we need a parent's signed consent; for a group, the parents' verbal consent.";

//! The day rates in force on `today`: a rate starting today shows at once, a later one not yet.
[[nodiscard]] OutreachOffer outreach_offer(std::span<const Tariff> tariffs, Date today);

}  // namespace sendhub
