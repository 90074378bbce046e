#include "core/invoicing.hpp"

#include <gtest/gtest.h>

namespace sendhub {
namespace {

Date d(int y, unsigned m, unsigned day) {
    return std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{day};
}

BillableVisit visit(std::int64_t id, SchoolUrn school, Date date, int half_days,
                    std::int64_t miles_tenths, Grade grade = Grade::teacher,
                    Rates rates = {19000, 30}) {
    return {VisitId{id}, AgreementId{1}, school, "OR-00001", date,
            half_days,   miles_tenths,   grade,  rates};
}

const SchoolUrn kSchool{123641};

}  // namespace

TEST(Invoicing, TheContractExampleInvoicesFiveHundredAndEightyTwoPoundsSixty) {
    BillableWork work;
    for (int i = 0; i < 3; ++i)
        work.visits.push_back(visit(i + 1, kSchool, d(2026, 11, 2 + i * 7), 2, 140));
    auto invoices = draft_invoices(work);
    ASSERT_EQ(invoices.size(), 1u);
    EXPECT_EQ(invoices[0].total_pence, 58260);
    EXPECT_EQ(invoices[0].lines.size(), 6u);  // days and travel for each visit
}

TEST(Invoicing, HalfDaysFractionalMilesAndZeroMilesRoundHalfUpAtTheLine) {
    BillableWork work;
    work.visits.push_back(
        visit(1, kSchool, d(2026, 11, 2), 1, 0, Grade::specialist_ta, {8701, 30}));
    work.visits.push_back(visit(2, kSchool, d(2026, 11, 3), 1, 3, Grade::specialist_ta,
                                {8701, 45}));  // 0.3 mi × 45p = 13.5p
    auto inv = draft_invoices(work).at(0);
    ASSERT_EQ(inv.lines.size(), 4u);
    EXPECT_EQ(inv.lines[0].amount_pence, 4351);  // 4350.5 rounds up
    EXPECT_EQ(inv.lines[1].amount_pence, 0);     // 0 miles is a zero line, not an error
    EXPECT_EQ(inv.lines[1].kind, LineKind::travel);
    EXPECT_EQ(inv.lines[3].amount_pence, 14);
    EXPECT_EQ(inv.total_pence, 4351 + 0 + 4351 + 14);  // totals are sums of rounded lines
}

TEST(Invoicing, EachAgreementKeepsTheRatesLockedWhenItWasAccepted) {
    // A new teacher rate from 2027-04-01 applies only to agreements accepted after it; work
    // delivered later under an older agreement is still charged at its locked rate.
    BillableWork work;
    work.visits.push_back(visit(1, kSchool, d(2027, 4, 5), 2, 0, Grade::teacher, {19000, 30}));
    auto newer = visit(2, kSchool, d(2027, 4, 6), 2, 0, Grade::teacher, {20000, 35});
    newer.agreement = AgreementId{2};
    work.visits.push_back(newer);
    auto inv = draft_invoices(work).at(0);
    EXPECT_EQ(inv.lines[0].amount_pence, 19000);
    EXPECT_EQ(inv.lines[2].amount_pence, 20000);
}

TEST(Invoicing, ReportWritingIsChargedOnceWithTheAgreementsFirstVisit) {
    BillableWork work;
    work.visits.push_back(visit(2, kSchool, d(2026, 11, 9), 2, 0));
    work.visits.push_back(visit(1, kSchool, d(2026, 11, 2), 2, 0));
    work.report_writing.push_back({AgreementId{1}, kSchool, "OR-00001", 1, Grade::teacher, 19000});
    auto inv = draft_invoices(work).at(0);
    int report_lines = 0;
    for (const auto& l : inv.lines) report_lines += l.kind == LineKind::report_writing;
    EXPECT_EQ(report_lines, 1);
    EXPECT_EQ(inv.lines[1].kind, LineKind::report_writing);  // after the earliest visit's days
    EXPECT_EQ(inv.lines[1].amount_pence, 9500);
    EXPECT_EQ(inv.total_pence, 19000 * 2 + 9500);
}

TEST(Invoicing, OneInvoicePerSchoolInUrnOrder) {
    BillableWork work;
    work.visits.push_back(visit(1, SchoolUrn{200000}, d(2026, 11, 2), 2, 10));
    work.visits.push_back(visit(2, SchoolUrn{100001}, d(2026, 11, 2), 2, 10));
    work.visits.push_back(visit(3, SchoolUrn{200000}, d(2026, 11, 3), 2, 10));
    auto invoices = draft_invoices(work);
    ASSERT_EQ(invoices.size(), 2u);
    EXPECT_EQ(invoices[0].school, SchoolUrn{100001});
    EXPECT_EQ(invoices[1].lines.size(), 4u);
    EXPECT_TRUE(draft_invoices({}).empty());
}

TEST(Invoicing, PackageDaysAreDrawnDownBeforeAnythingIsChargedAndTheRestIsCharged) {
    BillableWork work;
    work.balances.push_back({PackageId{7}, kSchool, Grade::teacher, d(2026, 9, 1), d(2027, 8, 31),
                             3});  // 1.5 days left
    work.visits.push_back(visit(1, kSchool, d(2026, 11, 2), 2, 140));
    work.visits.push_back(visit(2, kSchool, d(2026, 11, 9), 2, 140));
    auto inv = draft_invoices(work).at(0);
    // Visit 1: a whole day from the package. Visit 2: half from the package, half charged.
    ASSERT_EQ(inv.lines.size(), 5u);
    EXPECT_EQ(inv.lines[0].package, PackageId{7});
    EXPECT_EQ(inv.lines[0].drawn_half_days, 2);
    EXPECT_EQ(inv.lines[0].amount_pence, 0);
    EXPECT_EQ(inv.lines[1].kind, LineKind::travel);
    EXPECT_EQ(inv.lines[1].amount_pence, 420);  // travel is never covered by a package
    EXPECT_EQ(inv.lines[2].drawn_half_days, 1);
    EXPECT_EQ(inv.lines[3].amount_pence, 9500);
    EXPECT_EQ(inv.total_pence, 420 + 9500 + 420);
}

TEST(Invoicing, APackageCoversOnlyItsSchoolGradeAndDates) {
    BillableWork work;
    work.balances.push_back({PackageId{1}, kSchool, Grade::slt, d(2026, 9, 1), d(2027, 8, 31), 10});
    work.balances.push_back(
        {PackageId{2}, SchoolUrn{100001}, Grade::teacher, d(2026, 9, 1), d(2027, 8, 31), 10});
    work.balances.push_back(
        {PackageId{3}, kSchool, Grade::teacher, d(2026, 12, 1), d(2027, 8, 31), 10});
    work.visits.push_back(visit(1, kSchool, d(2026, 11, 2), 2, 0));
    auto inv = draft_invoices(work).at(0);
    EXPECT_EQ(inv.lines[0].drawn_half_days, 0);
    EXPECT_EQ(inv.lines[0].amount_pence, 19000);
}

TEST(Invoicing, TheSoonestEndingPackageIsUsedFirst) {
    BillableWork work;
    work.balances.push_back(
        {PackageId{1}, kSchool, Grade::teacher, d(2026, 9, 1), d(2027, 8, 31), 4});
    work.balances.push_back(
        {PackageId{2}, kSchool, Grade::teacher, d(2026, 9, 1), d(2026, 12, 31), 4});
    work.visits.push_back(visit(1, kSchool, d(2026, 11, 2), 2, 0));
    EXPECT_EQ(draft_invoices(work).at(0).lines[0].package, PackageId{2});
}

TEST(Invoicing, ABoughtPackageIsChargedAtItsAgreedPrice) {
    BillableWork work;
    work.packages.push_back(
        {PackageId{4},
         {kSchool, Grade::teacher, 20, 170000, d(2026, 9, 1), d(2027, 8, 31), "10 days"}});
    auto inv = draft_invoices(work).at(0);
    ASSERT_EQ(inv.lines.size(), 1u);
    EXPECT_EQ(inv.lines[0].kind, LineKind::package);
    EXPECT_EQ(inv.total_pence, 170000);
}

TEST(Invoicing, NumbersRunPerFinancialYearFromAprilToMarch) {
    EXPECT_EQ(financial_year(d(2027, 3, 31)), 2026);
    EXPECT_EQ(financial_year(d(2027, 4, 1)), 2027);
    EXPECT_EQ(financial_year(d(2026, 11, 23)), 2026);
    EXPECT_EQ(document_number("INV", 2026, 1), "INV-2026-27-0001");
    EXPECT_EQ(document_number("CN", 2099, 12345), "CN-2099-00-12345");
}

TEST(Invoicing, ACreditNoteIsAtMostWhatIsLeftAndNeedsAReason) {
    EXPECT_EQ(validate_credit(std::nullopt, 58260, 0, "Wrong miles").value(),
              58260);  // in full by default
    EXPECT_EQ(validate_credit(60, 58260, 0, "Wrong miles").value(), 60);
    EXPECT_EQ(validate_credit(58201, 58260, 60, "x").error().field, "amount_pence");
    EXPECT_EQ(validate_credit(0, 58260, 0, "x").error().field, "amount_pence");
    EXPECT_EQ(validate_credit(10, 58260, 0, "  ").error().field, "reason");
    EXPECT_EQ(validate_credit(10, 58260, 58260, "x").error().kind, ErrorKind::conflict);
}

TEST(Invoicing, PackagesNeedASchoolGradeDaysPriceAndDatesInOrder) {
    auto ok =
        validate_package({"123641", "teacher", "10", "170000", "2026-09-01", "2027-08-31", ""});
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->half_days, 20);
    EXPECT_EQ(ok->description, "10 days of Teacher time");
    EXPECT_EQ(validate_package({"123641", "teacher", "0.25", "1", "2026-09-01", "2027-08-31", ""})
                  .error()
                  .field,
              "days");
    EXPECT_EQ(validate_package({"123641", "teacher", "1", "1", "2026-09-01", "2026-08-31", ""})
                  .error()
                  .field,
              "ends_on");
    EXPECT_EQ(
        validate_package({"x", "teacher", "1", "1", "2026-09-01", "2026-09-30", ""}).error().field,
        "school_urn");
}

TEST(Invoicing, EachPaidPlaceIsOneLineOnItsSchoolsInvoice) {
    BillableWork work;
    const SchoolUrn other{100001};
    work.places.push_back({41, 7, kSchool, "Precision teaching", d(2027, 1, 13), "Dana Fox", 4500});
    work.places.push_back({42, 7, other, "Precision teaching", d(2027, 1, 13), "Eli Grant", 4500});
    work.visits.push_back(visit(1, kSchool, d(2026, 11, 2), 2, 0));
    auto invoices = draft_invoices(work);
    ASSERT_EQ(invoices.size(), 2U);
    const auto& own = invoices[1];  // URN order: 100001 first
    ASSERT_EQ(own.school, kSchool);
    const auto& line = own.lines.back();
    EXPECT_EQ(line.kind, LineKind::event);
    EXPECT_EQ(line.description, "Precision teaching, 13 January 2027: place for Dana Fox");
    EXPECT_EQ(line.quantity_tenths, 10);
    EXPECT_EQ(line.unit_pence, 4500);
    EXPECT_EQ(line.amount_pence, 4500);
    EXPECT_EQ(line.booking, 41);
    EXPECT_EQ(line.event, 7);
    EXPECT_EQ(own.total_pence, 19000 + 4500);
    // A school with only places still gets an invoice.
    EXPECT_EQ(invoices[0].school, other);
    EXPECT_EQ(invoices[0].lines.size(), 1U);
    EXPECT_EQ(invoices[0].total_pence, 4500);
}

}  // namespace sendhub
