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
        {{"item", "teacher_day"}, {"price", "lots"}, {"effective_from", "2030-01-01"}});
    EXPECT_EQ(bad.status, 422);
    EXPECT_NE(bad.body.find("id=\"price-error\""), std::string::npos);
    auto too_precise = browser.post_form(
        "/tariffs", "/tariffs",
        {{"item", "teacher_day"}, {"price", "190.005"}, {"effective_from", "2030-01-01"}});
    EXPECT_EQ(too_precise.status, 422);
    EXPECT_NE(too_precise.body.find("id=\"price-error\""), std::string::npos);
    auto no_date = browser.post_form("/tariffs", "/tariffs",
                                     {{"item", "teacher_day"},
                                      {"price", "190"},
                                      {"effective_from-day", ""},
                                      {"effective_from-month", ""},
                                      {"effective_from-year", ""}});
    EXPECT_EQ(no_date.status, 422);
    EXPECT_NE(no_date.body.find("id=\"effective_from-error\""), std::string::npos);
    // Pounds as people type them, and the date in the GOV.UK date input's three boxes.
    auto good = browser.post_form("/tariffs", "/tariffs",
                                  {{"item", "slt_day"},
                                   {"price", "£260"},
                                   {"effective_from-day", "1"},
                                   {"effective_from-month", "1"},
                                   {"effective_from-year", "2030"}});
    EXPECT_EQ(good.status, 303);
    auto all = w.finance.api("GET", "/api/v1/tariffs").json();
    bool stored = false;
    for (const auto& t : all["items"])
        stored = stored || (t["item"] == "slt_day" && t["pence"] == 26000 &&
                            t["effective_from"] == "2030-01-01");
    EXPECT_TRUE(stored);
}

}  // namespace sendhub::testing
