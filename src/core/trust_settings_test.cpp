#include "core/trust_settings.hpp"

#include <gtest/gtest.h>

namespace sendhub {
namespace {

TrustSettings good() {
    return {"Special Partnership Trust",
            "1 School Lane\nExeter\nEX1 1AA",
            "Finance@Trust.org.uk",
            "01632 960 001",
            std::nullopt,
            "Special Partnership Trust",
            "30 99 50",
            "0073 3445"};
}

}  // namespace

TEST(TrustSettings, TidiesWhatFinanceTeamsType) {
    auto settings = validate_trust_settings(good());
    ASSERT_TRUE(settings);
    EXPECT_EQ(settings->sort_code, "30-99-50");
    EXPECT_EQ(settings->account_number, "00733445");
    EXPECT_EQ(settings->email, "finance@trust.org.uk");
    EXPECT_EQ(vat_status(*settings), "Not registered for VAT: no VAT is charged");
    auto with_vat = good();
    with_vat.vat_number = "gb 123 4567 89";
    auto registered = validate_trust_settings(with_vat);
    ASSERT_TRUE(registered);
    EXPECT_EQ(registered->vat_number, "GB123456789");
    auto blank_vat = good();
    blank_vat.vat_number = " ";
    EXPECT_FALSE(validate_trust_settings(blank_vat)->vat_number);
}

TEST(TrustSettings, NamesEveryProblemOnItsField) {
    TrustSettings bad{"", "", "not-an-email", "call us", std::string("GB12"), "", "12-34", "1234"};
    auto result = validate_trust_settings(bad);
    ASSERT_FALSE(result);
    std::vector<std::string> fields;
    for (const auto& f : result.error().fields) fields.push_back(f.field);
    EXPECT_EQ(fields,
              (std::vector<std::string>{"name", "address", "email", "phone", "bank_account_name",
                                        "sort_code", "account_number", "vat_number"}));
}

}  // namespace sendhub
