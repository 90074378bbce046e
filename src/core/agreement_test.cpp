#include "core/agreement.hpp"

#include <gtest/gtest.h>

namespace sendhub {

TEST(AgreementRules, SessionsAreHalfOrWholeDaysAndOneOffMeansOne) {
    AgreementInput in{"Observation", "teacher",    "weekly", "3",
                      "1",           "2026-12-07", "0.5",    {"Outcome one", ""}};
    auto ok = validate_agreement(in);
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->outcomes.size(), 1u);  // blank lines are dropped
    EXPECT_EQ(ok->report_writing_half_days, 1);
    in.session_days = "0.75";
    EXPECT_EQ(validate_agreement(in).error().field, "session_days");
    in.session_days = "1";
    in.frequency = "one_off";
    EXPECT_EQ(validate_agreement(in).error().field, "sessions");
    in.sessions = "1";
    in.outcomes = {};
    EXPECT_EQ(validate_agreement(in).error().field, "outcomes");
}

TEST(AgreementRules, ParsesDaysAndMiles) {
    EXPECT_EQ(parse_half_days("0.5"), 1);
    EXPECT_EQ(parse_half_days("2"), 4);
    EXPECT_FALSE(parse_half_days("0.3"));
    EXPECT_FALSE(parse_half_days("-1"));
    EXPECT_EQ(parse_tenths("14.5"), 145);
    EXPECT_EQ(parse_tenths("0"), 0);
    EXPECT_FALSE(parse_tenths("14.55"));
    EXPECT_FALSE(parse_tenths("-2"));
    EXPECT_EQ(format_tenths(145), "14.5");
    EXPECT_EQ(format_days(3), "1.5");
}

TEST(AgreementRules, NumbersThatAreNotFiniteAreRefused) {
    for (const char* text : {"nan", "NaN", "-nan", "inf", "-inf", "infinity", "1e400"}) {
        EXPECT_FALSE(parse_half_days(text)) << text;
        EXPECT_FALSE(parse_tenths(text)) << text;
    }
}

TEST(AgreementRules, AReportHasAtMostAThousandMilesAndIsForAVisitThatHasHappened) {
    ReportInput input{"Observed in class", "Visual timetable", "Review at half term", "1000"};
    EXPECT_TRUE(validate_report(input));
    for (const char* miles : {"1000.1", "100000", "nan", "-1", ""}) {
        input.miles = miles;
        auto report = validate_report(input);
        ASSERT_FALSE(report) << miles;
        EXPECT_EQ(report.error().field, "miles");
    }
    Date today = *parse_date("2026-12-01");
    EXPECT_TRUE(check_visit_can_be_reported(*parse_date("2026-12-01"), today));
    EXPECT_TRUE(check_visit_can_be_reported(*parse_date("2026-11-20"), today));
    auto early = check_visit_can_be_reported(*parse_date("2026-12-02"), today);
    ASSERT_FALSE(early);
    EXPECT_EQ(early.error().kind, ErrorKind::conflict);
    EXPECT_EQ(early.error().code, "visit_not_yet_made");
}

TEST(AgreementTerms, TheFrequencyOfHeldDates) {
    auto dates = [](std::initializer_list<const char*> list) {
        std::vector<Date> out;
        for (const char* d : list) out.push_back(*parse_date(d));
        return out;
    };
    EXPECT_EQ(frequency_of(dates({"2027-01-04"})), Frequency::one_off);
    EXPECT_EQ(frequency_of(dates({"2027-01-04", "2027-01-11", "2027-01-19"})), Frequency::weekly);
    EXPECT_EQ(frequency_of(dates({"2027-01-04", "2027-01-18", "2027-02-02", "2027-02-15"})),
              Frequency::fortnightly);
    EXPECT_EQ(frequency_of(dates({"2027-01-04", "2027-02-01", "2027-03-01"})), Frequency::monthly);
}

}  // namespace sendhub
