#include "core/term_dates_csv.hpp"

#include <gtest/gtest.h>

namespace sendhub {
namespace {

constexpr std::string_view kHeader =
    "la_code,academic_year,starts_on,ends_on,half_term_starts_on,half_term_ends_on,closures\n";

std::string message_of(std::string_view rows) {
    auto parsed = parse_term_dates_csv(std::string(kHeader) + std::string(rows));
    EXPECT_FALSE(parsed);
    return parsed ? "" : parsed.error().field + ": " + parsed.error().message;
}

}  // namespace

TEST(TermDatesCsv, GroupsRowsIntoEachAuthoritysYear) {
    auto parsed = parse_term_dates_csv(std::string(kHeader) +
                                       "933,2026-27,2026-09-03,2026-12-18,2026-10-26,2026-10-30,"
                                       "2026-09-03\n"
                                       "878,2026-27,2026-09-02,2026-12-18,,,\n"
                                       "933,2026-27,2027-01-05,2027-03-26,2027-02-15,2027-02-19,"
                                       "\"2027-01-04; 2027-06-28\"\r\n");
    ASSERT_TRUE(parsed) << parsed.error().message;
    ASSERT_EQ(parsed->size(), 2u);
    const auto& devon = (*parsed)[0];  // ordered by authority code
    EXPECT_EQ(devon.la_code, 878);
    EXPECT_EQ(devon.dates.terms.size(), 1u);
    EXPECT_FALSE(devon.dates.terms[0].half_term_starts_on);
    const auto& somerset = (*parsed)[1];
    EXPECT_EQ(somerset.la_code, 933);
    EXPECT_EQ(somerset.dates.academic_year, "2026-27");
    EXPECT_EQ(somerset.dates.terms.size(), 2u);
    EXPECT_EQ(somerset.dates.closures.size(), 3u);
}

TEST(TermDatesCsv, RefusesTheWholeFileNamingTheRow) {
    EXPECT_EQ(message_of("933,2026-27,2026-09-03,2026-12-18,,,\n"
                         "93,2026-27,2027-01-05,2027-03-26,,,\n"),
              "csv: Row 3: la_code must be a local authority's three-digit DfE code");
    // The second term of Somerset's year (row 4) ends before it starts.
    auto backwards = message_of(
        "933,2026-27,2026-09-03,2026-12-18,,,\n"
        "878,2026-27,2026-09-02,2026-12-18,,,\n"
        "933,2026-27,2027-03-26,2027-01-05,,,\n");
    EXPECT_TRUE(backwards.starts_with("csv: Row 4: ")) << backwards;
    auto year = message_of("933,2026,2026-09-03,2026-12-18,,,\n");
    EXPECT_TRUE(year.starts_with("csv: Row 2: ")) << year;
    EXPECT_EQ(message_of(""), "csv: The file has no rows of dates");
    auto no_header = parse_term_dates_csv("933,2026-27,2026-09-03,2026-12-18\n");
    ASSERT_FALSE(no_header);
    EXPECT_EQ(no_header.error().code, "missing_column");
}

}  // namespace sendhub
