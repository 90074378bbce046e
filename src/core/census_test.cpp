#include "core/census.hpp"

#include <gtest/gtest.h>

namespace sendhub {
namespace {

TEST(Census, PercentagesAreTenthsRoundedHalfUp) {
    struct Case {
        std::optional<std::int64_t> count, of, tenths;
    };
    for (auto [count, of, tenths] : {
             Case{12, 249, 48},   // 4.819… → 4.8
             Case{1, 8, 125},     // 12.5 exactly
             Case{1, 16, 63},     // 6.25 → 6.3 (half up)
             Case{1, 2000, 1},    // 0.05 → 0.1 (half up, no floating point)
             Case{1, 2001, 0},    // 0.0499… → 0.0
             Case{0, 50, 0},      //
             Case{50, 50, 1000},  // everyone
             Case{5, 0, {}},      // no pupils
             Case{{}, 50, {}},    // a missing count
             Case{5, {}, {}},     // missing pupils
         })
        EXPECT_EQ(percent_tenths(count, of), tenths)
            << count.value_or(-1) << "/" << of.value_or(-1);
    EXPECT_EQ(format_one_decimal(48), "4.8");
    EXPECT_EQ(format_one_decimal(1000), "100.0");
    EXPECT_EQ(format_one_decimal(0), "0.0");
}

TEST(Census, CountsAreDigitsOnly) {
    EXPECT_EQ(parse_census_count("249"), 249);
    EXPECT_EQ(parse_census_count(" 0 "), 0);
    for (std::string_view missing : {"", "NA", "x", "c", "12.5", "-3", "4.82%"})
        EXPECT_EQ(parse_census_count(missing), std::nullopt) << missing;
}

TEST(Census, AggregatesAddOnlySchoolsWithEveryCountAndTakePercentagesOfTheSums) {
    CensusTotals t;
    t.add({100, 5, 10});
    t.add({300, 7, 30});
    t.add({std::nullopt, 1, 1});   // left out: no pupils
    t.add({50, std::nullopt, 5});  // left out: no EHC count
    t.add({0, 0, 0});              // counted: zero pupils is a value
    EXPECT_EQ(t.schools, 3);
    EXPECT_EQ(t.pupils, 400);
    const auto f = figures_of(t);
    EXPECT_EQ(f.ehcp, 12);
    EXPECT_EQ(f.ehcp_pct_tenths, 30);                                     // 12 / 400 = 3.0 %
    EXPECT_EQ(f.sen_support_pct_tenths, 100);                             // 40 / 400 = 10.0 %
    EXPECT_EQ(figures_of(CensusTotals{}).ehcp_pct_tenths, std::nullopt);  // nothing to divide by
    const auto one = figures_of(CensusCounts{0, 0, 0});
    EXPECT_EQ(one.pupils, 0);
    EXPECT_EQ(one.ehcp_pct_tenths, std::nullopt);
}

TEST(Census, FilesAreReadWithoutNationalRowsAndGroupedByAuthorityAndType) {
    auto table = CsvTable::parse(
        "\xEF\xBB\xBFURN,LA,Estab,SCHOOLTYPE,NOR,TSENELSE,TSENELK\n"
        "100000,201,3614,State-funded primary,249,12,45\n"
        "100001,201,6005,Independent school,780,NA,99\n"
        "100002,933,7000,State-funded primary,100,3,\n"
        "NAT,,PRI,State-funded primary,4554974,157716,671977\n");
    auto rows = read_census(table);
    ASSERT_TRUE(rows);
    ASSERT_EQ(rows->size(), 3u);
    EXPECT_EQ((*rows)[1].counts.ehcp, std::nullopt);
    EXPECT_EQ((*rows)[2].counts.sen_support, std::nullopt);
    auto groups = census_groups(*rows);
    EXPECT_EQ((groups[{0, ""}].schools), 1);  // only the first has all three counts
    EXPECT_EQ((groups[{0, "State-funded primary"}].pupils), 249);
    EXPECT_EQ((groups[{201, ""}].schools), 1);
    EXPECT_EQ((groups[{933, "State-funded primary"}].schools), 0);
    EXPECT_TRUE(groups.contains({201, "Independent school"}));

    auto bad =
        read_census(CsvTable::parse("URN,LA,SCHOOLTYPE,NOR,TSENELSE,TSENELK\nx,1,a,1,1,1\n"));
    ASSERT_FALSE(bad);
    EXPECT_NE(bad.error().message.find("Line 2"), std::string::npos);
    auto missing = read_census(CsvTable::parse("URN,LA,SCHOOLTYPE,NOR,TSENELSE\n"));
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.error().message.find("TSENELK"), std::string::npos);
}

TEST(Census, TheYearIsTheJanuaryOfTheSchoolYear) {
    EXPECT_EQ(census_year_of("england_census_2024-25.csv"), 2025);
    EXPECT_EQ(census_year_of("england_census_2018-19.csv"), 2019);
    EXPECT_EQ(census_year_of("england_census_1999-00.csv"), 2000);
    EXPECT_EQ(census_year_of("england_census_2024-26.csv"), std::nullopt);
    EXPECT_EQ(census_year_of("census.csv"), std::nullopt);
}

TEST(Census, EhcPlanNeedsAreTheAuthorityRowsOfAllPlans) {
    std::string header =
        "time_period,geographic_level,old_la_code,la_name,breakdown_topic,ehc_plans,"
        "number_need_unknown";
    std::string national = "202425,National,,,All EHC plans,638745,4870";
    std::string somerset = "202425,Local authority,933,Somerset,All EHC plans,100,4";
    std::string by_age = "202425,Local authority,933,Somerset,Child or young persons age,9,0";
    for (auto need : kPrimaryNeeds) {
        header += ",number_" + std::string(need == "SPLD" ? "spld" : need);
        national += ",1";
        somerset += need == "ASD" ? ",40" : ",2";
        by_age += ",1";
    }
    for (auto& c : header) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto needs = read_ehcp_needs(
        CsvTable::parse(header + "\n" + national + "\n" + somerset + "\n" + by_age + "\n"));
    ASSERT_TRUE(needs) << needs.error().message;
    ASSERT_EQ(needs->size(), 1u);
    EXPECT_EQ((*needs)[0].la_code, 933);
    EXPECT_EQ((*needs)[0].year, 2025);
    EXPECT_EQ((*needs)[0].total, 100);
    EXPECT_EQ((*needs)[0].unknown, 4);
    EXPECT_EQ((*needs)[0].needs[0], (std::pair<std::string, std::int64_t>{"ASD", 40}));
    EXPECT_EQ(primary_need_label("SEMH"), "Social, emotional and mental health");
}

TEST(Census, WhoReadsTheFigures) {
    struct Case {
        Role role;
        InsightAccess access;
    };
    for (auto [role, access] :
         {Case{Role::admin, InsightAccess::everything},
          Case{Role::coordinator, InsightAccess::everything},
          Case{Role::partnerships, InsightAccess::everything},
          Case{Role::practitioner, InsightAccess::census_figures},
          Case{Role::senco, InsightAccess::own_school},
          Case{Role::headteacher, InsightAccess::own_school},
          Case{Role::school_staff, InsightAccess::none}, Case{Role::finance, InsightAccess::none}})
        EXPECT_EQ(insight_access(role), access) << role_code(role);
}

TEST(Census, FiguresAreFoundByTheirApiNames) {
    const auto f = figures_of(CensusCounts{200, 10, 30});
    EXPECT_EQ(census_figure(f, "pupils"), 200);
    EXPECT_EQ(census_figure(f, "ehcp_pct"), 50);
    EXPECT_EQ(census_figure(f, "sen_support_pct"), 150);
    EXPECT_EQ(census_figure(f, "name"), std::nullopt);
}

TEST(Census, TheTrustTableSortsByNameUrnOrAFigure) {
    for (std::string_view ok : {"name", "urn", "pupils", "ehcp_pct", "sen_support_pct"})
        EXPECT_TRUE(is_census_sort(ok)) << ok;
    for (std::string_view bad : {"", "NAME", "la_name", "pupils;drop"})
        EXPECT_FALSE(is_census_sort(bad)) << bad;
}

}  // namespace
}  // namespace sendhub
