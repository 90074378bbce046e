#include "core/money_input.hpp"

#include <gtest/gtest.h>

namespace sendhub {

TEST(MoneyInput, AcceptsPoundsAsPeopleTypeThem) {
    struct Case {
        std::string_view typed;
        std::int64_t pence;
    };
    for (const Case& c :
         {Case{"195", 19500}, Case{"195.00", 19500},
          Case{"\xC2\xA3"
               "195",
               19500},
          Case{"\xC2\xA3"
               "1,700.50",
               170050},
          Case{" 87.5 ", 8750}, Case{"0.30", 30}, Case{"1,234,567", 123456700}, Case{"0", 0}}) {
        auto pence = parse_pounds(c.typed, "amount");
        ASSERT_TRUE(pence) << c.typed;
        EXPECT_EQ(*pence, c.pence) << c.typed;
    }
}

TEST(MoneyInput, RefusesWhatIsNotAnAmountBesideTheField) {
    for (std::string_view typed : {"1.955", "19000p", "-5", "abc", "1,70", ",100", "1,,000", "12.",
                                   ".5", "1.2.3", "99999999999"}) {
        auto pence = parse_pounds(typed, "day_rate");
        ASSERT_FALSE(pence) << typed;
        EXPECT_EQ(pence.error().field, "day_rate") << typed;
        EXPECT_EQ(pence.error().code, "invalid") << typed;
    }
    EXPECT_EQ(parse_pounds("  ", "amount").error().code, "required");
}

TEST(MoneyInput, ShowsMoneyWithThousandsSeparators) {
    EXPECT_EQ(money(19000),
              "\u00a3"
              "190.00");
    EXPECT_EQ(money(170050),
              "\u00a3"
              "1,700.50");
    EXPECT_EQ(money(123456789),
              "\u00a3"
              "1,234,567.89");
    EXPECT_EQ(money(-500),
              "\u2212\u00a3"
              "5.00");
}

TEST(MoneyInput, ShowsPenceAsPoundsForEditing) {
    EXPECT_EQ(pounds_for_input(19000), "190.00");
    EXPECT_EQ(pounds_for_input(30), "0.30");
}

}  // namespace sendhub
