#include "core/school_days.hpp"

#include <gtest/gtest.h>

#include <functional>

namespace sendhub {
namespace {

Date day(const char* text) {
    return *parse_date(text);
}

//! England and Wales bank holidays around the cases below, substitute days included.
std::set<Date> bank_holidays() {
    std::set<Date> days;
    for (const char* d : {"2026-12-25", "2026-12-28", "2027-01-01", "2027-03-26", "2027-03-29",
                          "2027-05-03", "2027-12-27", "2027-12-28", "2028-01-03"})
        days.insert(day(d));
    return days;
}

//! Somerset-like term dates for 2026-27: spring term with a February half term, and an
//! INSET day on the first Monday back.
TermDates somerset_2026_27() {
    return {.academic_year = "2026-27",
            .terms = {{day("2026-09-03"), day("2026-12-18"), day("2026-10-26"), day("2026-10-30")},
                      {day("2027-01-04"), day("2027-03-25"), day("2027-02-15"), day("2027-02-19")},
                      {day("2027-04-12"), day("2027-07-21"), day("2027-05-31"), day("2027-06-04")}},
            .closures = {day("2027-01-04")}};
}

std::string reason(const SchoolCalendar& calendar, const char* date) {
    auto closed = calendar.closed_on(day(date));
    return closed ? std::string(term_of(closed_reason_terms(), *closed).code) : "open";
}

}  // namespace

TEST(SchoolDays, WithTermDatesRecorded) {
    SchoolCalendar calendar(bank_holidays(), {somerset_2026_27()});
    struct Case {
        const char* date;
        const char* expected;
    };
    const Case cases[] = {
        {"2026-12-18", "open"},          // last day of the autumn term (a Friday)
        {"2026-12-19", "weekend"},       // Saturday
        {"2026-12-21", "holiday"},       // Christmas holidays
        {"2026-12-25", "bank_holiday"},  // Christmas Day, a Friday
        {"2026-12-28", "bank_holiday"},  // Boxing Day's substitute (26th is a Saturday)
        {"2027-01-01", "bank_holiday"},  // New Year's Day, in the holidays: bank holiday first
        {"2027-01-04", "closure"},       // INSET day on the first day of term
        {"2027-01-05", "open"},
        {"2027-02-15", "holiday"},  // half term, first day
        {"2027-02-19", "holiday"},  // half term, last day
        {"2027-02-22", "open"},
        {"2027-03-25", "open"},          // last day of the spring term
        {"2027-03-26", "bank_holiday"},  // Good Friday
        {"2027-03-29", "bank_holiday"},  // Easter Monday
        {"2027-03-30", "holiday"},       // Easter holidays
        {"2027-04-12", "open"},
        {"2027-05-03", "bank_holiday"},  // early May bank holiday, in term
        {"2027-07-22", "holiday"},       // summer holidays
        {"2026-09-02", "holiday"},       // the day before term starts
    };
    for (const auto& c : cases) EXPECT_EQ(reason(calendar, c.date), c.expected) << c.date;
}

TEST(SchoolDays, WithoutTermDatesEveryWeekdayButBankHolidaysIsOpen) {
    SchoolCalendar calendar(bank_holidays(), {somerset_2026_27()});
    // 2027-28 is not recorded: only weekends and bank holidays close the school.
    EXPECT_EQ(reason(calendar, "2027-12-24"), "open");
    EXPECT_EQ(reason(calendar, "2027-12-25"), "weekend");
    EXPECT_EQ(reason(calendar, "2027-12-27"), "bank_holiday");  // Christmas substitute
    EXPECT_EQ(reason(calendar, "2027-12-28"), "bank_holiday");  // Boxing Day substitute
    EXPECT_EQ(reason(calendar, "2028-01-03"), "bank_holiday");  // New Year substitute
    EXPECT_EQ(reason(calendar, "2028-01-04"), "open");
    SchoolCalendar none(bank_holidays(), {});
    EXPECT_TRUE(none.is_school_day(day("2026-12-21")));
    EXPECT_FALSE(none.is_school_day(day("2026-12-19")));
}

TEST(SchoolDays, ClosedDaysFlagEachDateOfARange) {
    SchoolCalendar calendar(bank_holidays(), {somerset_2026_27()});
    auto closed = closed_days(calendar, day("2027-01-01"), day("2027-01-11"));
    ASSERT_EQ(closed.size(), 11u);
    //                         Fri   Sat   Sun   INSET Tue    Wed    Thu    Fri    Sat  Sun  Mon
    const std::vector<bool> expected{true,  true,  true, true, false, false,
                                     false, false, true, true, false};
    EXPECT_EQ(closed, expected);
    EXPECT_EQ(closed_days(calendar, day("2027-01-05"), day("2027-01-05")),
              std::vector<bool>{false});
}

TEST(SchoolDays, AcademicYears) {
    EXPECT_EQ(academic_year_of(day("2026-08-31")), "2025-26");
    EXPECT_EQ(academic_year_of(day("2026-09-01")), "2026-27");
    EXPECT_EQ(academic_year_of(day("2027-01-04")), "2026-27");
    EXPECT_EQ(academic_year_of(day("2099-12-31")), "2099-00");
    auto bounds = academic_year_bounds("2026-27");
    ASSERT_TRUE(bounds);
    EXPECT_EQ(format_date(bounds->first), "2026-09-01");
    EXPECT_EQ(format_date(bounds->second), "2027-08-31");
    for (const char* bad : {"2026-28", "2026/27", "26-27", "2026-2027", ""})
        EXPECT_FALSE(academic_year_bounds(bad)) << bad;
}

TEST(SchoolDays, TermDatesInput) {
    auto good = [] {
        return TermDatesInput{.academic_year = "2026-27",
                              .terms = {{"2026-09-03", "2026-12-18", "2026-10-26", "2026-10-30"},
                                        {"2027-01-04", "2027-03-25", "", ""}},
                              .closures = {"2027-01-04", "2027-01-04"}};
    };
    auto first_error = [](const Result<TermDates>& r) {
        if (r) return std::string("ok");
        const auto& e = r.error();
        return e.fields.empty() ? e.field + ":" + e.code
                                : e.fields.front().field + ":" + e.fields.front().code;
    };
    auto ok = validate_term_dates(good());
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->terms.size(), 2u);
    EXPECT_EQ(ok->closures.size(), 1u);  // repeated closure days count once
    struct Case {
        std::function<void(TermDatesInput&)> change;
        const char* expected;
    };
    const Case cases[] = {
        {[](TermDatesInput& in) { in.academic_year = "2026-28"; }, "academic_year:invalid"},
        {[](TermDatesInput& in) { in.terms.clear(); }, "terms:required"},
        {[](TermDatesInput& in) { in.terms[0].ends_on = "2026-09-01"; }, "terms.0.ends_on:invalid"},
        {[](TermDatesInput& in) { in.terms[0].starts_on = ""; }, "terms.0.starts_on:required"},
        {[](TermDatesInput& in) { in.terms[0].starts_on = "2026-08-28"; },
         "terms.0.starts_on:invalid"},  // outside the academic year
        {[](TermDatesInput& in) { in.terms[0].half_term_ends_on = ""; },
         "terms.0.half_term_ends_on:required"},
        {[](TermDatesInput& in) { in.terms[0].half_term_starts_on = "2026-12-21"; },
         "terms.0.half_term_starts_on:invalid"},  // half term outside its term
        {[](TermDatesInput& in) { in.terms[1].starts_on = "2026-12-01"; }, "terms:invalid"},
        {[](TermDatesInput& in) { in.closures.push_back("2027-02-30"); }, "closures.2:invalid"},
    };
    for (const auto& c : cases) {
        auto in = good();
        c.change(in);
        EXPECT_EQ(first_error(validate_term_dates(in)), c.expected);
    }
}

TEST(SchoolDays, TheRefusalNamesTheDayAndWhy) {
    EXPECT_EQ(closed_message(day("2026-12-19"), ClosedReason::weekend),
              "Saturday 19 December 2026 is a weekend");
    EXPECT_EQ(closed_message(day("2026-12-28"), ClosedReason::bank_holiday),
              "Monday 28 December 2026 is a bank holiday");
}

}  // namespace sendhub
