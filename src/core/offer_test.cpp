#include "core/offer.hpp"

#include <gtest/gtest.h>

namespace sendhub {

TEST(Offer, ShowsTheRatesInForceTodayAndNotLaterOnes) {
    const Date sept = *parse_date("2026-09-01");
    const Date jan = *parse_date("2027-01-04");
    const std::vector<Tariff> tariffs{
        {TariffItem::teacher_day, 19000, sept},
        {TariffItem::teacher_day, 20000, jan},
        {TariffItem::specialist_ta_day, 8700, sept},
        {TariffItem::mileage, 30, sept},
    };
    struct Case {
        const char* today;
        std::int64_t teacher;
    };
    for (auto c :
         {Case{"2026-12-02", 19000}, Case{"2027-01-03", 19000}, Case{"2027-01-04", 20000}}) {
        auto offer = outreach_offer(tariffs, *parse_date(c.today));
        ASSERT_EQ(offer.levels.size(), 2U) << c.today;  // no senior leader rate yet
        EXPECT_EQ(offer.levels[0].level, Grade::specialist_ta);
        EXPECT_EQ(offer.levels[1].level, Grade::teacher);
        EXPECT_EQ(offer.levels[1].day_rate_pence, c.teacher) << c.today;
        EXPECT_EQ(offer.mileage_pence, 30);
    }
    EXPECT_TRUE(outreach_offer(tariffs, *parse_date("2026-08-31")).levels.empty());
}

}  // namespace sendhub
