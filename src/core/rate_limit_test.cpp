#include "core/rate_limit.hpp"

#include <gtest/gtest.h>

namespace sendhub {

TEST(RateLimit, AllowsABurstThenRefusesWithTheWaitUntilTheNextToken) {
    RateLimit limit{.capacity = 3, .per_minute = 6};  // one token every 10 seconds
    TokenBucket bucket;
    EXPECT_FALSE(take_token(bucket, limit, 0));
    EXPECT_FALSE(take_token(bucket, limit, 0));
    EXPECT_FALSE(take_token(bucket, limit, 0));
    EXPECT_EQ(take_token(bucket, limit, 0), 10);
    EXPECT_EQ(take_token(bucket, limit, 4'000), 6);  // 0.4 of a token back after 4 s
    EXPECT_FALSE(take_token(bucket, limit, 10'500));
    EXPECT_EQ(take_token(bucket, limit, 10'500), 10);
}

TEST(RateLimit, RefillsNoHigherThanItsCapacity) {
    RateLimit limit{.capacity = 2, .per_minute = 60};
    TokenBucket bucket;
    EXPECT_FALSE(take_token(bucket, limit, 0));
    EXPECT_FALSE(is_full(bucket, limit, 500));
    EXPECT_TRUE(is_full(bucket, limit, 1'000));
    // An hour idle still gives only two.
    EXPECT_FALSE(take_token(bucket, limit, 3'600'000));
    EXPECT_FALSE(take_token(bucket, limit, 3'600'000));
    EXPECT_TRUE(take_token(bucket, limit, 3'600'000));
}

TEST(RateLimit, AClockThatStepsBackGivesNothingExtra) {
    RateLimit limit{.capacity = 1, .per_minute = 1};
    TokenBucket bucket;
    EXPECT_FALSE(take_token(bucket, limit, 100'000));
    EXPECT_TRUE(take_token(bucket, limit, 50'000));
}

}  // namespace sendhub
