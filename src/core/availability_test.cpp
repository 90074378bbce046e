#include "core/availability.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sendhub {
namespace {
Date d(int y, unsigned m, unsigned day) {
    return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{day}};
}
}  // namespace

TEST(Availability, WorkingDaysAndLeave) {
    auto pattern = parse_working_days(std::vector<std::string>{"mon", "wed", "thu"});
    ASSERT_TRUE(pattern);
    EXPECT_EQ(describe(*pattern), "Monday, Wednesday and Thursday");
    EXPECT_TRUE(pattern->works_on(d(2027, 1, 6)));   // a Wednesday
    EXPECT_FALSE(pattern->works_on(d(2027, 1, 5)));  // a Tuesday
    EXPECT_EQ(describe(WorkingPattern{}), "Monday to Friday");
    EXPECT_FALSE(parse_working_days(std::vector<std::string>{}));
    EXPECT_FALSE(parse_working_days(std::vector<std::string>{"funday"}));

    auto leave = validate_leave({"2027-02-15", "2027-02-19", "Half term"});
    ASSERT_TRUE(leave);
    EXPECT_TRUE(on_leave(std::vector<Leave>{*leave}, d(2027, 2, 17)));
    EXPECT_FALSE(on_leave(std::vector<Leave>{*leave}, d(2027, 2, 22)));
    auto backwards = validate_leave({"2027-02-19", "2027-02-15", ""});
    ASSERT_FALSE(backwards);
    EXPECT_EQ(backwards.error().fields.at(0).field, "last");
}

TEST(Availability, AVisitClashesWithLeaveOrADayNotWorked) {
    auto pattern = *parse_working_days(std::vector<std::string>{"mon", "tue", "wed"});
    std::vector<Leave> leave{{LeaveId{1}, d(2027, 2, 15), d(2027, 2, 19), "Half term"}};
    struct Case {
        Date date;
        std::optional<ClashReason> expected;
    };
    const Case cases[] = {
        {d(2027, 2, 8), std::nullopt},               // a Monday worked
        {d(2027, 2, 11), ClashReason::not_working},  // a Thursday
        {d(2027, 2, 15), ClashReason::on_leave},     // first day of leave
        {d(2027, 2, 18), ClashReason::on_leave},     // leave on a day not worked: leave says more
        {d(2027, 2, 19), ClashReason::on_leave},     // last day of leave
        {d(2027, 2, 22), std::nullopt},              // back
    };
    for (const auto& c : cases) EXPECT_EQ(clash_on(pattern, leave, c.date), c.expected);
    EXPECT_EQ(clash_label(ClashReason::on_leave), "on leave");
    EXPECT_EQ(clash_label(ClashReason::not_working), "not a working day");
}

TEST(Availability, WeeksRunMondayToSunday) {
    auto d = [](const char* text) { return *parse_date(text); };
    EXPECT_EQ(monday_of(d("2026-11-30")), d("2026-11-30"));  // a Monday
    EXPECT_EQ(monday_of(d("2026-12-02")), d("2026-11-30"));
    EXPECT_EQ(monday_of(d("2026-12-06")), d("2026-11-30"));  // Sunday ends the week
    EXPECT_EQ(monday_of(d("2027-01-01")), d("2026-12-28"));
    EXPECT_EQ(add_days(d("2026-12-28"), 6), d("2027-01-03"));
}

}  // namespace sendhub
