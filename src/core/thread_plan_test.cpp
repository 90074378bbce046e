#include "core/thread_plan.hpp"

#include <gtest/gtest.h>

namespace sendhub {
namespace {

TEST(ThreadPlan, WorkersFollowTheCoresAndWhereTheDatabaseWaits) {
    struct Case {
        unsigned cores;
        DatabaseWait wait;
        std::size_t io, workers;
    };
    constexpr auto kSqlite = DatabaseWait::in_process;
    constexpr auto kPostgresql = DatabaseWait::network;
    for (const Case& c : {
             Case{0, kSqlite, 1, 2},  // the machine does not say: as if two cores
             Case{1, kSqlite, 1, 2},  // never fewer than two workers
             Case{2, kSqlite, 1, 2},
             Case{8, kSqlite, 2, 8},
             Case{64, kSqlite, 8, 64},  // I/O threads stop at eight
             Case{1, kPostgresql, 1, 4},
             Case{2, kPostgresql, 1, 4},
             Case{8, kPostgresql, 2, 16},
         }) {
        ThreadPlan plan = default_thread_plan(c.cores, c.wait);
        EXPECT_EQ(plan.io_threads, c.io) << c.cores << " cores";
        EXPECT_EQ(plan.worker_threads, c.workers) << c.cores << " cores";
    }
}

}  // namespace
}  // namespace sendhub
