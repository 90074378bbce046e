#include "core/offer.hpp"

namespace sendhub {

OutreachOffer outreach_offer(std::span<const Tariff> tariffs, Date today) {
    OutreachOffer offer{.prices_on = today, .levels = {}, .mileage_pence = std::nullopt};
    const std::pair<Grade, TariffItem> levels[] = {
        {Grade::specialist_ta, TariffItem::specialist_ta_day},
        {Grade::teacher, TariffItem::teacher_day},
        {Grade::slt, TariffItem::slt_day},
    };
    for (auto [grade, item] : levels)
        if (auto pence = price_on(tariffs, item, today)) offer.levels.push_back({grade, *pence});
    offer.mileage_pence = price_on(tariffs, TariffItem::mileage, today);
    return offer;
}

}  // namespace sendhub
