#include "store/stored_value.hpp"

#include <gtest/gtest.h>

#include "core/agreement.hpp"

namespace sendhub {

TEST(StoredValue, KnownCodesAndDatesReadBack) {
    EXPECT_EQ(stored_term(level_terms(), "slt", "agreements.level"), Grade::slt);
    EXPECT_EQ(stored_date("2026-12-01", "visits.date"), *parse_date("2026-12-01"));
    EXPECT_EQ(stored_role("finance", "users.role"), Role::finance);
}

TEST(StoredValue, AnUnknownCodeFailsLoudlyInsteadOfBecomingADefault) {
    EXPECT_THROW((void)stored_term(level_terms(), "head_of_year", "agreements.level"),
                 DatabaseError);
    EXPECT_THROW((void)stored_date("31/12/2026", "visits.date"), DatabaseError);
    EXPECT_THROW((void)stored_role("governor", "users.role"), DatabaseError);
    try {
        (void)stored_term(level_terms(), "head_of_year", "agreements.level");
    } catch (const DatabaseError& e) {
        EXPECT_NE(std::string(e.what()).find("agreements.level"), std::string::npos);
    }
}

}  // namespace sendhub
