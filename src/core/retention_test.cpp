#include "core/retention.hpp"

#include <gtest/gtest.h>

namespace sendhub {
namespace {
Date d(std::string_view text) {
    return parse_date(text).value();
}
}  // namespace

TEST(Retention, APupilsRecordsAreKeptToTheirBirthdayPlus31Years) {
    struct Case {
        std::string_view year_group;
        std::string_view submitted;
        std::string_view kept_until;
    };
    for (auto c : {
             Case{"Y3", "2026-11-20", "2050-08-31"},  // the contract's example
             Case{"Y3", "2027-08-31", "2050-08-31"},  // same school year, its last day
             Case{"Y3", "2027-09-01", "2051-08-31"},  // next school year
             Case{"R", "2026-11-20", "2053-08-31"},
             Case{"N2", "2026-11-20", "2054-08-31"},
             Case{"N1", "2026-11-20", "2055-08-31"},
             Case{"Y1", "2026-11-20", "2052-08-31"},
             Case{"Y14", "2026-11-20", "2039-08-31"},
             Case{"", "2026-11-20", "2055-08-31"},     // unknown: as the youngest
             Case{"Y15", "2026-11-20", "2055-08-31"},  // not a year group: as the youngest
             Case{"Y0", "2026-11-20", "2055-08-31"},
         }) {
        EXPECT_EQ(format_date(pupil_kept_until(c.year_group, d(c.submitted))), c.kept_until)
            << c.year_group << " " << c.submitted;
    }
}

TEST(Retention, ARequestIsKeptForItsYoungestPupil) {
    std::vector<std::string> group{"Y6", "Y3", "Y5"};
    EXPECT_EQ(format_date(request_kept_until(group, d("2026-11-20"))), "2050-08-31");
    std::vector<std::string> none;
    EXPECT_EQ(format_date(request_kept_until(none, d("2026-11-20"))), "2055-08-31");
}

TEST(Retention, InvoicesAreKeptSixYearsAfterTheirFinancialYear) {
    struct Case {
        std::string_view issued;
        std::string_view kept_until;
    };
    for (auto c : {Case{"2026-03-31", "2032-03-31"}, Case{"2026-04-01", "2033-03-31"},
                   Case{"2026-11-20", "2033-03-31"}, Case{"2027-01-15", "2033-03-31"}}) {
        EXPECT_EQ(format_date(invoice_kept_until(d(c.issued))), c.kept_until) << c.issued;
    }
}

TEST(Retention, BookingsAreKeptSixYearsAfterTheFinancialYearOfTheEvent) {
    struct Case {
        std::string_view ended;
        std::string_view kept_until;
    };
    for (auto c : {Case{"2027-03-31", "2033-03-31"}, Case{"2027-04-01", "2034-03-31"},
                   Case{"2026-12-10", "2033-03-31"}}) {
        EXPECT_EQ(format_date(bookings_kept_until(d(c.ended))), c.kept_until) << c.ended;
    }
}

TEST(Retention, EveryRuleExplainsItself) {
    ASSERT_EQ(retention_rules().size(), 4U);
    EXPECT_EQ(retention_rules()[0].record_type, "outreach_request");
    EXPECT_EQ(retention_rules()[1].record_type, "safeguarding_concern");
    EXPECT_EQ(retention_rules()[2].record_type, "invoice");
    EXPECT_EQ(retention_rules()[3].record_type, "event_booking");
    for (const auto& rule : retention_rules()) {
        EXPECT_FALSE(rule.covers.empty());
        EXPECT_FALSE(rule.period.empty());
        EXPECT_FALSE(rule.action.empty());
        EXPECT_FALSE(rule.basis.empty());
    }
}

}  // namespace sendhub
