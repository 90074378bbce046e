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

}  // namespace sendhub
