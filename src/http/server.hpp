#pragma once
// Runs the HTTP server until SIGTERM or SIGINT, then shuts down gracefully: stop taking
// new requests, let running ones finish (up to a grace period), close.
#include <cstdint>
#include <functional>
#include <string>

#include "http/message.hpp"

namespace sendhub::http {

struct ServerOptions {
    std::string host = "127.0.0.1";
    std::uint16_t port = 8080;
    std::size_t io_threads = 1;
    std::size_t worker_threads = 4;
    //! Bodies larger than this are dropped by the transport without a response; the
    //! application answers 413 for anything over its own (smaller) limit.
    std::uint64_t transport_body_limit = 16u << 20;
    int shutdown_grace_seconds = 10;
};

using Handler = std::function<Response(Request&)>;

//! Blocks until a stop signal; `on_listening` runs once the socket is bound. Throws if it cannot bind.
void run_server(const ServerOptions& options, Handler handler, const std::function<void(std::uint16_t)>& on_listening);

}  // namespace sendhub::http
