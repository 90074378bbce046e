#include "core/tariff.hpp"

#include <array>

#include "core/text.hpp"

namespace sendhub {
namespace {
constexpr std::array<Term<TariffItem>, 6> kItems{{
    {TariffItem::specialist_ta_day, "specialist_ta_day", "Specialist TA, per day"},
    {TariffItem::teacher_day, "teacher_day", "Teacher, per day"},
    {TariffItem::slt_day, "slt_day", "Specialist senior leader, per day"},
    {TariffItem::mileage, "mileage", "Travel, per mile"},
    {TariffItem::educational_psychology_day, "educational_psychology_day",
     "Educational psychologist, per day"},
    {TariffItem::speech_and_language_day, "speech_and_language_day",
     "Speech and language therapist, per day"},
}};
}  // namespace

std::span<const Term<TariffItem>> tariff_item_terms() {
    return kItems;
}

Result<Tariff> validate_tariff(const TariffInput& input) {
    Validator v;
    Tariff t;
    auto item = parse_term(tariff_item_terms(), trim(input.item));
    if (!item)
        v.fail("item", "invalid", "Choose the tariff item");
    else
        t.item = *item;
    auto pence = parse_int(trim(input.pence));
    if (!pence || *pence < 0 || *pence > 10'000'000)
        v.fail("pence", "invalid", "Enter the price in pence, a whole number like 19000");
    else
        t.pence = *pence;
    auto from = parse_date(trim(input.effective_from));
    if (!from)
        v.fail("effective_from", "invalid",
               date_problem(input.effective_from, "the date the price starts"));
    else
        t.effective_from = *from;
    if (!v.ok()) return std::unexpected(std::move(v).error());
    return t;
}

std::optional<std::int64_t> price_on(std::span<const Tariff> tariffs, TariffItem item, Date day) {
    const Tariff* best = nullptr;
    for (const auto& t : tariffs)
        if (t.item == item && t.effective_from <= day &&
            (!best || best->effective_from < t.effective_from))
            best = &t;
    if (!best) return std::nullopt;
    return best->pence;
}

}  // namespace sendhub
