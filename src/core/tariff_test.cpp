#include "core/tariff.hpp"

#include <gtest/gtest.h>

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

}  // namespace sendhub
