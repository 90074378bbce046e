#include "core/school_register.hpp"

#include <gtest/gtest.h>

namespace sendhub {
namespace {
constexpr const char* kRegister =
    "URN,SCHNAME,POSTCODE,ISPRIMARY,ISSECONDARY,LAT,LON\n"
    "123641,Coxley Primary School,BA5 1RD,1,0,51.18446,-2.67526\n"
    "136000,Somewhere Academy,BS1 4DJ,1,1,51.45,-2.59\n"
    "100113,Not In Census School,EC1A 1BB,1,0,51.5,-0.1\n"
    "150000,Bad Postcode School,NOWHERE,0,1,51.0,-3.0\n"
    "160000,No Coordinates School,TA1 3ES,0,0,,\n"
    "notaurn,Broken,TA1 3ES,0,0,51,-3\n";
constexpr const char* kCensus =
    "\xEF\xBB\xBFURN,LA,Estab,SCHOOLTYPE,NOR,TSENELSE,TSENELK\n"
    "123641,933,2000,State-funded primary,68,3,9\n"
    "136000,801,4000,State-funded secondary,900,NA,\n"
    "150000,933,4001,State-funded secondary,500,10,50\n"
    "160000,933,7000,State-funded special school,80,80,0\n"
    "NAT,NAT,,Total,1,1,1\n";
constexpr const char* kLas =
    "LEA,LA Name,REGION,REGION NAME\n933,Somerset,9,South West\n801,\"Bristol, City of\",9,South "
    "West\n";
}  // namespace

TEST(SchoolRegister, JoinsRegisterToCensusOnUrn) {
    auto reg = CsvTable::parse(kRegister);
    auto census = CsvTable::parse(kCensus);
    auto las = CsvTable::parse(kLas);
    auto joined = join_school_register({reg, census, las}, {});
    ASSERT_TRUE(joined);
    ASSERT_EQ(joined->schools.size(), 2u);
    const School& coxley = joined->schools[0];
    EXPECT_EQ(coxley.name, "Coxley Primary School");
    EXPECT_EQ(coxley.local_authority, "Somerset");
    EXPECT_EQ(coxley.phase, Phase::primary);
    EXPECT_EQ(coxley.pupils, 68);
    EXPECT_EQ(coxley.ehcp_pupils, 3);
    EXPECT_EQ(coxley.sen_support_pupils, 9);
    const School& academy = joined->schools[1];
    EXPECT_EQ(academy.phase, Phase::all_through);
    EXPECT_EQ(academy.local_authority, "Bristol, City of");
    EXPECT_FALSE(academy.ehcp_pupils);  // "NA" in the census is unknown, not zero
}

TEST(SchoolRegister, RejectsRowsWithTheReason) {
    auto reg = CsvTable::parse(kRegister);
    auto census = CsvTable::parse(kCensus);
    auto las = CsvTable::parse(kLas);
    auto joined = join_school_register({reg, census, las}, {});
    ASSERT_TRUE(joined);
    ASSERT_EQ(joined->rejected.size(), 4u);
    EXPECT_EQ(joined->rejected[0].reason, "no January census row for this URN");
    EXPECT_EQ(joined->rejected[0].line, 4u);
    EXPECT_EQ(joined->rejected[1].reason, "postcode is not a valid UK postcode");
    EXPECT_EQ(joined->rejected[2].reason, "coordinates are missing or outside the UK");
    EXPECT_EQ(joined->rejected[3].reason, "URN is not a six-digit number");
}

TEST(SchoolRegister, KeepsOnlyTheChosenLocalAuthorities) {
    auto reg = CsvTable::parse(kRegister);
    auto census = CsvTable::parse(kCensus);
    auto las = CsvTable::parse(kLas);
    auto joined = join_school_register({reg, census, las}, {801});
    ASSERT_TRUE(joined);
    ASSERT_EQ(joined->schools.size(), 1u);
    EXPECT_EQ(joined->schools[0].urn.value, 136000);
    EXPECT_EQ(joined->outside_filter, 3u);
}

TEST(SchoolRegister, AMissingColumnIsAnError) {
    auto reg = CsvTable::parse("URN,SCHNAME\n1,x\n");
    auto census = CsvTable::parse(kCensus);
    auto las = CsvTable::parse(kLas);
    auto joined = join_school_register({reg, census, las}, {});
    ASSERT_FALSE(joined);
    EXPECT_NE(joined.error().message.find("POSTCODE"), std::string::npos);
}

}  // namespace sendhub
