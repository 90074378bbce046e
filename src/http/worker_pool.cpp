#include "http/worker_pool.hpp"

namespace sendhub::http {

WorkerPool::WorkerPool(std::size_t threads) {
    for (std::size_t i = 0; i < threads; ++i) threads_.emplace_back([this] { run(); });
}

WorkerPool::~WorkerPool() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    has_work_.notify_all();
}

void WorkerPool::submit(std::function<void()> task) {
    {
        std::lock_guard lock(mutex_);
        tasks_.push_back(std::move(task));
    }
    has_work_.notify_one();
}

bool WorkerPool::try_submit(std::function<void()> task, std::size_t max_waiting) {
    {
        std::lock_guard lock(mutex_);
        if (tasks_.size() >= max_waiting) return false;
        tasks_.push_back(std::move(task));
    }
    has_work_.notify_one();
    return true;
}

void WorkerPool::drain() {
    std::unique_lock lock(mutex_);
    idle_.wait(lock, [this] { return tasks_.empty() && running_ == 0; });
}

void WorkerPool::run() {
    while (true) {
        std::function<void()> task;
        {
            std::unique_lock lock(mutex_);
            has_work_.wait(lock, [this] { return stopping_ || !tasks_.empty(); });
            if (tasks_.empty()) return;  // stopping and nothing left
            task = std::move(tasks_.front());
            tasks_.pop_front();
            ++running_;
        }
        task();
        {
            std::lock_guard lock(mutex_);
            --running_;
            if (tasks_.empty() && running_ == 0) idle_.notify_all();
        }
    }
}

}  // namespace sendhub::http
