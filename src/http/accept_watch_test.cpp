#include "http/accept_watch.hpp"

#include <gtest/gtest.h>

namespace sendhub::http {

TEST(AcceptWatch, ALoopThatKeepsAcceptingIsAlive) {
    EXPECT_FALSE(accept_loop_stalled({true, 10, 5}, {true, 11, 6}, 100));
}

TEST(AcceptWatch, WaitingConnectionsAndNoAcceptsBelowTheCapMeanTheLoopDied) {
    EXPECT_TRUE(accept_loop_stalled({true, 10, 5}, {true, 10, 5}, 100));
}

TEST(AcceptWatch, OneSampleWithAWaitingConnectionIsNotEnough) {
    // It may have arrived a moment before the sample.
    EXPECT_FALSE(accept_loop_stalled({false, 10, 5}, {true, 10, 5}, 100));
}

TEST(AcceptWatch, AtTheCapWaitingIsWhatTheCapIsFor) {
    EXPECT_FALSE(accept_loop_stalled({true, 10, 100}, {true, 10, 100}, 100));
}

TEST(AcceptWatch, TheCapLeavesDescriptorsForEverythingElse) {
    EXPECT_EQ(connection_cap(1024), 896u);
    EXPECT_EQ(connection_cap(65536), 65408u);
    EXPECT_EQ(connection_cap(256), 128u);
    EXPECT_EQ(connection_cap(64), 32u);
}

}  // namespace sendhub::http
