#include "core/thread_plan.hpp"

#include <algorithm>

namespace sendhub {

ThreadPlan default_thread_plan(unsigned cores, DatabaseWait wait) {
    // Too few workers, and one slow report holds up everyone else's pages.
    constexpr std::size_t kFewestInProcess = 2, kFewestNetwork = 4;
    constexpr std::size_t kCoresPerIoThread = 4, kMostIoThreads = 8;
    const std::size_t known = cores == 0 ? 2 : cores;
    ThreadPlan plan;
    plan.io_threads = std::clamp<std::size_t>(known / kCoresPerIoThread, 1, kMostIoThreads);
    plan.worker_threads = wait == DatabaseWait::in_process ? std::max(kFewestInProcess, known)
                                                           : std::max(kFewestNetwork, 2 * known);
    return plan;
}

}  // namespace sendhub
