#include "core/school_returns.hpp"

#include <gtest/gtest.h>

namespace sendhub {
namespace {

TEST(SchoolReturns, TermsAreASchoolYearOfConsecutiveYearsAndATerm) {
    struct Case {
        const char* text;
        bool ok;
    };
    for (auto [text, ok] : {Case{"2026-27 autumn", true}, Case{"2026-27 summer", true},
                            Case{" 2099-00 spring ", true}, Case{"2026-28 autumn", false},
                            Case{"2026-27 winter", false}, Case{"2026/27 autumn", false},
                            Case{"26-27 autumn", false}, Case{"2026-27", false}, Case{"", false}})
        EXPECT_EQ(parse_term_name(text).has_value(), ok) << text;
    auto term = parse_term_name("2026-27 spring");
    ASSERT_TRUE(term);
    EXPECT_EQ(term_name(*term), "2026-27 spring");
    EXPECT_LT(term_sort_key(*parse_term_name("2026-27 autumn")),
              term_sort_key(*parse_term_name("2026-27 spring")));
    EXPECT_LT(term_sort_key(*parse_term_name("2026-27 summer")),
              term_sort_key(*parse_term_name("2027-28 autumn")));
}

TEST(SchoolReturns, MeasuresArePercentagesOrNotKnown) {
    struct Case {
        const char* value;
        bool ok;
        std::optional<double> stored;
    };
    for (auto [value, ok, stored] :
         {Case{"", true, std::nullopt}, Case{"0", true, 0.0}, Case{"100", true, 100.0},
          Case{"92.5", true, 92.5}, Case{"100.1", false, {}}, Case{"-1", false, {}},
          Case{"ninety", false, {}}}) {
        auto r =
            validate_school_return({"123641", "2026-27 autumn", {{"ehcp_attendance_pct", value}}});
        ASSERT_EQ(r.has_value(), ok) << value;
        if (ok) {
            EXPECT_EQ(r->measures.at("ehcp_attendance_pct"), stored) << value;
            EXPECT_EQ(r->measures.size(), 8u) << "every measure, known or not";
        } else {
            EXPECT_EQ(r.error().field, "ehcp_attendance_pct");
            EXPECT_EQ(r.error().code, "invalid");
        }
    }
}

TEST(SchoolReturns, EveryProblemIsReportedAtOnce) {
    auto r = validate_school_return({"", "autumn", {{"sen_support_ks2_rwm_pct", "200"}}});
    ASSERT_FALSE(r);
    ASSERT_EQ(r.error().fields.size(), 3u);
    EXPECT_EQ(r.error().fields[0].field, "school_urn");
    EXPECT_EQ(r.error().fields[1].field, "term");
    EXPECT_EQ(r.error().fields[2].field, "sen_support_ks2_rwm_pct");
    EXPECT_TRUE(is_return_measure("ehcp_ks4_em_pct"));
    EXPECT_FALSE(is_return_measure("ehcp_pct"));
}

TEST(SchoolReturns, WhoReadsAndWritesASchoolsReturns) {
    struct Case {
        Role role;
        SchoolDataAccess access;
    };
    for (auto [role, access] : {Case{Role::admin, SchoolDataAccess::write_all},
                                Case{Role::coordinator, SchoolDataAccess::write_all},
                                Case{Role::partnerships, SchoolDataAccess::read_all},
                                Case{Role::senco, SchoolDataAccess::own_school},
                                Case{Role::headteacher, SchoolDataAccess::own_school},
                                Case{Role::practitioner, SchoolDataAccess::none},
                                Case{Role::finance, SchoolDataAccess::none},
                                Case{Role::school_staff, SchoolDataAccess::none}})
        EXPECT_EQ(school_data_access(role), access);
}

}  // namespace
}  // namespace sendhub
