#pragma once
// A fixed pool of threads for blocking work (database, argon2, rendering), so the
// I/O threads only move bytes (STYLE.md: RESTinio handlers run on the I/O threads).
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace sendhub::http {

class WorkerPool {
  public:
    explicit WorkerPool(std::size_t threads);
    ~WorkerPool();
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    void submit(std::function<void()> task);
    //! Queues `task` unless `max_waiting` tasks already wait; returns whether it was queued.
    [[nodiscard]] bool try_submit(std::function<void()> task, std::size_t max_waiting);
    //! Waits until every submitted task has finished (for graceful shutdown).
    void drain();

  private:
    void run();

    std::mutex mutex_;
    std::condition_variable has_work_;
    std::condition_variable idle_;
    std::deque<std::function<void()>> tasks_;
    std::size_t running_ = 0;
    bool stopping_ = false;
    std::vector<std::jthread> threads_;
};

}  // namespace sendhub::http
