// Tariffs through the API and the page: finance adds prices with effective dates.
#include <gtest/gtest.h>

#include "core/clock.hpp"
#include "core/dates.hpp"
#include "world.hpp"

namespace sendhub::testing {

TEST(Tariffs, FinanceAddsAFuturePriceAndAcceptedAgreementsAreUnaffected) {
    World& w = world();
    auto list = w.finance.api("GET", "/api/v1/tariffs");
    ASSERT_EQ(list.status, 200);
    EXPECT_GE(list.json()["items"].size(), 4u);
    std::string next_year =
        format_date(std::chrono::sys_days{system_clock()->today()} + std::chrono::days{400});
    auto added = w.finance.api(
        "POST", "/api/v1/tariffs",
        {{"item", "specialist_ta_day"}, {"pence", 9000}, {"effective_from", next_year}});
    ASSERT_EQ(added.status, 201) << added.body;
    EXPECT_EQ(added.json()["pence"], 9000);
    auto twice = w.finance.api(
        "POST", "/api/v1/tariffs",
        {{"item", "specialist_ta_day"}, {"pence", 9100}, {"effective_from", next_year}});
    EXPECT_EQ(twice.status, 422);
    EXPECT_EQ(twice.json()["error"]["field"], "effective_from");
    EXPECT_EQ(w.finance
                  .api("POST", "/api/v1/tariffs",
                       {{"item", "lunch"}, {"pence", 1}, {"effective_from", next_year}})
                  .status,
              422);
    EXPECT_EQ(w.coordinator
                  .api("POST", "/api/v1/tariffs",
                       {{"item", "mileage"}, {"pence", 45}, {"effective_from", next_year}})
                  .status,
              403);
    EXPECT_EQ(w.practitioner.api("GET", "/api/v1/tariffs").status, 403);
    EXPECT_EQ(w.senco.api("GET", "/api/v1/tariffs").status, 200);
}

TEST(Tariffs, ThePageShowsPricesAndRefusesBadInputBesideTheField) {
    World& w = world();
    Client browser(server().base_url());
    browser.cookies["sendhub_session"] = w.finance.token;
    auto page = browser.get("/tariffs");
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("£190.00"), std::string::npos);
    auto bad = browser.post_form(
        "/tariffs", "/tariffs",
        {{"item", "teacher_day"}, {"pence", "lots"}, {"effective_from", "2030-01-01"}});
    EXPECT_EQ(bad.status, 422);
    EXPECT_NE(bad.body.find("id=\"pence-error\""), std::string::npos);
    auto good = browser.post_form(
        "/tariffs", "/tariffs",
        {{"item", "slt_day"}, {"pence", "26000"}, {"effective_from", "2030-01-01"}});
    EXPECT_EQ(good.status, 303);
}

}  // namespace sendhub::testing
