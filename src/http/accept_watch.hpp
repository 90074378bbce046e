#pragma once
// Noticing that the listener has stopped accepting. RESTinio 0.6 drops its accept loop when
// accept() fails (EMFILE, ENFILE: out of file descriptors) and never accepts again, while
// the process stays up. The server samples, a few times a second, whether connections wait
// in the listen backlog and how many it has accepted; this decides from two samples.
#include <cstddef>
#include <cstdint>

namespace sendhub::http {

struct AcceptSample {
    bool backlog_waiting = false;  // poll() says the listening socket is readable
    std::uint64_t accepted = 0;    // connections accepted since start
    std::size_t open_connections = 0;
};

//! True when connections waited at both samples, none was accepted between them, and the
//! cap on connections was not what held them back: the accept loop has died.
[[nodiscard]] constexpr bool accept_loop_stalled(AcceptSample before, AcceptSample now,
                                                 std::size_t max_connections) {
    return before.backlog_waiting && now.backlog_waiting && now.accepted == before.accepted &&
           now.open_connections < max_connections;
}

//! The most connections to allow under an open-file limit: what is left after descriptors
//! kept for everything else (database files and connections, PDFs, email, logs).
[[nodiscard]] constexpr std::size_t connection_cap(std::uint64_t open_file_limit) {
    constexpr std::uint64_t kReserved = 128;
    if (open_file_limit <= kReserved * 2) return static_cast<std::size_t>(open_file_limit / 2);
    return static_cast<std::size_t>(open_file_limit - kReserved);
}

}  // namespace sendhub::http
