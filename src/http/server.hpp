#pragma once
// Runs the HTTP server until SIGTERM or SIGINT, then shuts down gracefully: stop taking
// new requests, let running ones finish (up to a grace period), close.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "http/message.hpp"

namespace sendhub::http {

struct ServerOptions {
    std::string host = "127.0.0.1";
    std::uint16_t port = 8080;
    std::size_t io_threads = 1;
    std::size_t worker_threads = 4;
    //! Bodies larger than this are dropped by the transport without a response; the
    //! application answers 413 for anything over its own (smaller) limit.
    std::uint64_t transport_body_limit = 32u << 20;  // above the largest upload
    int shutdown_grace_seconds = 10;
    //! Open connections at once; 0 sets it below the process's open-file limit
    //! (connection_cap). Connections over the cap wait in the listen backlog.
    std::size_t max_connections = 0;
    //! Requests that check a password (argon2id: tens of milliseconds of CPU each) run on
    //! their own threads with a bounded queue, so a flood of sign-ins never takes the
    //! workers that serve everyone else; when the queue is full, `overloaded` answers.
    std::size_t sign_in_threads = 1;
    std::size_t sign_in_queue_limit = 64;
};

using Handler = std::function<Response(Request&)>;

//! Which requests go to the sign-in threads, and what to answer when their queue is full.
struct SignInLane {
    std::function<bool(std::string_view method, std::string_view path)> takes;
    Handler overloaded;
};

//! Blocks until a stop signal; `on_listening` runs once the socket is bound. Throws if it cannot
//! bind.
void run_server(const ServerOptions& options, Handler handler, const SignInLane& sign_in_lane,
                const std::function<void(std::uint16_t)>& on_listening);

}  // namespace sendhub::http
