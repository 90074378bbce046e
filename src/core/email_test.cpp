#include "core/email.hpp"

#include <gtest/gtest.h>

namespace sendhub {

TEST(Email, NormalisesOrRefusesAddresses) {
    struct Case {
        const char* raw;
        std::optional<std::string> expected;
    };
    const Case cases[] = {
        {"  Sam.Taylor@School.Example.ORG ", "sam.taylor@school.example.org"},
        {"senco+outreach@coxley.somerset.sch.uk", "senco+outreach@coxley.somerset.sch.uk"},
        {"", std::nullopt},
        {"no-at-sign.example.org", std::nullopt},
        {"two@@example.org", std::nullopt},
        {"nodot@example", std::nullopt},
        {"@example.org", std::nullopt},
        {"space in@example.org", std::nullopt},
    };
    for (const auto& c : cases) EXPECT_EQ(normalise_email(c.raw), c.expected) << c.raw;
}

}  // namespace sendhub
