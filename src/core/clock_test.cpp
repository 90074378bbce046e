#include "core/clock.hpp"

#include <gtest/gtest.h>

namespace sendhub {
namespace {

Timestamp at(const char* text) {
    return *parse_timestamp(text);
}

TEST(Clock, TodayIsTheLondonDateOfNow) {
    struct Case {
        const char* instant;
        const char* today;
    };
    // 23:30 UTC is still the same day in winter and already the next in summer (BST).
    for (const Case& c :
         {Case{"2026-12-01T23:30:00Z", "2026-12-01"}, Case{"2026-07-01T23:30:00Z", "2026-07-02"},
          Case{"2026-03-29T00:59:59Z", "2026-03-29"}, Case{"2026-10-24T23:00:00Z", "2026-10-25"}}) {
        FixedClock clock(at(c.instant));
        EXPECT_EQ(format_date(clock.today()), c.today) << c.instant;
    }
}

TEST(Clock, FixedClockMovesOnlyWhenTold) {
    FixedClock clock(at("2026-12-01T09:00:00Z"));
    EXPECT_EQ(clock.now(), clock.now());
    clock.advance(std::chrono::hours{24});
    EXPECT_EQ(format_timestamp(clock.now()), "2026-12-02T09:00:00Z");
    clock.set(at("2027-01-04T08:00:00Z"));
    EXPECT_EQ(format_date(clock.today()), "2027-01-04");
}

TEST(Clock, SystemClockIsShared) {
    EXPECT_EQ(system_clock().get(), system_clock().get());
    EXPECT_GT(system_clock()->now().time_since_epoch().count(), 0);
}

}  // namespace
}  // namespace sendhub
