#pragma once
// How many threads a server starts, from the cores it has and where its database waits.
// SQLite runs inside the process: a request is all processor work, so a worker per core keeps
// the cores busy and any more only take turns (each hand-over a wake-up and a switch).
// PostgreSQL is across the network: a worker waits for each round trip, so more workers than
// cores keep the cores busy while others wait. One I/O thread reads and writes tens of
// thousands of small requests a second, so I/O threads grow only with many cores.
#include <cstddef>

namespace sendhub {

enum class DatabaseWait {
    in_process,  // SQLite
    network,     // PostgreSQL
};

struct ThreadPlan {
    std::size_t io_threads = 1;
    std::size_t worker_threads = 2;
};

//! The default plan for `cores` processor cores (0 when the machine does not say).
[[nodiscard]] ThreadPlan default_thread_plan(unsigned cores, DatabaseWait wait);

}  // namespace sendhub
