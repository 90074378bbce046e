#include "core/tariff.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "core/policy.hpp"

namespace sendhub {

TEST(Tariffs, ValidateItemPriceAndDate) {
    auto ok = validate_tariff({"slt_day", "26000", "2027-04-01"});
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->item, TariffItem::slt_day);
    EXPECT_EQ(validate_tariff({"head_day", "1", "2027-04-01"}).error().field, "item");
    EXPECT_EQ(validate_tariff({"slt_day", "-1", "2027-04-01"}).error().field, "pence");
    EXPECT_EQ(validate_tariff({"slt_day", "12.5", "2027-04-01"}).error().field, "pence");
    EXPECT_EQ(validate_tariff({"slt_day", "1", "April"}).error().field, "effective_from");
}

TEST(Tariffs, OnlyFinanceAndAdminsChangePricesAndPractitionersSeeNone) {
    for (const auto& role : role_terms()) {
        EXPECT_EQ(allows(role.value, Permission::manage_tariffs),
                  role.value == Role::admin || role.value == Role::finance);
        EXPECT_EQ(allows(role.value, Permission::read_tariffs), role.value != Role::practitioner);
    }
}

TEST(Tariffs, ThePriceOnADayIsTheLatestToHaveStarted) {
    auto d = [](const char* text) { return *parse_date(text); };
    const std::vector<Tariff> all{{TariffItem::teacher_day, 19000, d("2026-04-01")},
                                  {TariffItem::teacher_day, 19500, d("2027-04-01")},
                                  {TariffItem::slt_day, 25000, d("2026-04-01")}};
    EXPECT_EQ(price_on(all, TariffItem::teacher_day, d("2026-03-31")), std::nullopt);
    EXPECT_EQ(price_on(all, TariffItem::teacher_day, d("2026-04-01")), 19000);
    EXPECT_EQ(price_on(all, TariffItem::teacher_day, d("2027-03-31")), 19000);
    EXPECT_EQ(price_on(all, TariffItem::teacher_day, d("2027-04-01")), 19500);
    EXPECT_EQ(price_on(all, TariffItem::slt_day, d("2030-01-01")), 25000);
    EXPECT_EQ(price_on(all, TariffItem::mileage, d("2030-01-01")), std::nullopt);
}

}  // namespace sendhub
