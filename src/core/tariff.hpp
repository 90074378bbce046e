#pragma once
// The price list (seed 002) as tariff items with effective dates (api-contract.md, Charging).
// A change applies to agreements accepted on or after its date; accepted ones keep theirs.
#include <optional>
#include <span>
#include <string>

#include "core/dates.hpp"
#include "core/error.hpp"
#include "core/vocabulary.hpp"

namespace sendhub {

enum class TariffItem {
    specialist_ta_day,
    teacher_day,
    slt_day,
    mileage,
    educational_psychology_day,  // no price until finance sets one
    speech_and_language_day,
};

[[nodiscard]] std::span<const Term<TariffItem>> tariff_item_terms();

struct Tariff {
    TariffItem item = TariffItem::teacher_day;
    std::int64_t pence = 0;
    Date effective_from;
};

struct TariffInput {
    std::string item;
    std::string pence;
    std::string effective_from;
};

[[nodiscard]] Result<Tariff> validate_tariff(const TariffInput& input);

//! The price of `item` in force on `day`: the one with the latest start on or before it.
[[nodiscard]] std::optional<std::int64_t> price_on(std::span<const Tariff> tariffs, TariffItem item,
                                                   Date day);

}  // namespace sendhub
