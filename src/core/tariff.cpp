#include "core/tariff.hpp"

#include <array>

#include "core/text.hpp"

namespace sendhub {
namespace {
constexpr std::array<Term<TariffItem>, 4> kItems{{
    {TariffItem::specialist_ta_day, "specialist_ta_day", "Specialist TA, per day"},
    {TariffItem::teacher_day, "teacher_day", "Teacher, per day"},
    {TariffItem::slt_day, "slt_day", "Specialist SLT, per day"},
    {TariffItem::mileage, "mileage", "Travel, per mile"},
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
        v.fail("effective_from", "invalid", "Enter the date the price starts, like 2027-04-01");
    else
        t.effective_from = *from;
    if (!v.ok()) return std::unexpected(std::move(v).error());
    return t;
}

}  // namespace sendhub
