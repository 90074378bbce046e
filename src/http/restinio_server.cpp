// The only translation unit that includes RESTinio (it is heavy to compile).
#include <restinio/all.hpp>

#include <poll.h>
#include <sys/resource.h>

#include <atomic>
#include <csignal>
#include <cstdio>

#include "http/accept_watch.hpp"
#include "http/server.hpp"
#include "http/url.hpp"
#include "http/worker_pool.hpp"

namespace sendhub::http {
namespace {

//! Counts accepted and open connections, for the accept watchdog.
class ConnectionCounter {
  public:
    void state_changed(const restinio::connection_state::notice_t& notice) noexcept {
        restinio::visit(Visitor{*this}, notice.cause());
    }
    [[nodiscard]] std::uint64_t accepted() const { return accepted_.load(); }
    [[nodiscard]] std::size_t open() const {
        return static_cast<std::size_t>(accepted_.load() - closed_.load());
    }

  private:
    struct Visitor {
        ConnectionCounter& counter;
        void operator()(const restinio::connection_state::accepted_t&) const noexcept {
            ++counter.accepted_;
        }
        void operator()(const restinio::connection_state::closed_t&) const noexcept {
            ++counter.closed_;
        }
        void operator()(const restinio::connection_state::upgraded_to_websocket_t&) const noexcept {
            ++counter.closed_;
        }
    };
    std::atomic<std::uint64_t> accepted_{0};
    std::atomic<std::uint64_t> closed_{0};
};

// RESTinio reads its settings from traits with these names.
// NOLINTBEGIN(readability-identifier-naming)
struct Traits : restinio::default_traits_t {
    using logger_t = restinio::null_logger_t;  // our own access log has no personal data
    using connection_state_listener_t = ConnectionCounter;
    static constexpr bool use_connection_count_limiter = true;
};
// NOLINTEND(readability-identifier-naming)

//! Raises the soft open-file limit to the hard one (Debian's default soft limit is 1024)
//! and returns it.
std::uint64_t raise_open_file_limit() {
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return 1024;
    if (limit.rlim_cur < limit.rlim_max) {
        rlimit raised{limit.rlim_max, limit.rlim_max};
        if (setrlimit(RLIMIT_NOFILE, &raised) == 0) limit = raised;
    }
    return limit.rlim_cur == RLIM_INFINITY ? 1u << 20 : limit.rlim_cur;
}

bool backlog_waiting(int listening_fd) {
    if (listening_fd < 0) return false;
    pollfd p{listening_fd, POLLIN, 0};
    return ::poll(&p, 1, 0) == 1 && (p.revents & POLLIN) != 0;
}

Request to_request(const restinio::request_handle_t& req) {
    Request r;
    const auto& head = req->header();
    r.method = std::string(head.method().c_str());
    r.path = std::string(head.path());
    r.query = std::string(head.query());
    for (const auto& field : head) {
        std::string name = field.name();
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        r.headers.emplace_back(std::move(name), field.value());
    }
    r.body = req->body();
    r.remote_address = req->remote_endpoint().address().to_string();
    return r;
}

std::string_view reason_phrase(int status) {
    switch (status) {
        case 200:
            return "OK";
        case 201:
            return "Created";
        case 204:
            return "No Content";
        case 303:
            return "See Other";
        case 304:
            return "Not Modified";
        case 400:
            return "Bad Request";
        case 401:
            return "Unauthorized";
        case 403:
            return "Forbidden";
        case 404:
            return "Not Found";
        case 405:
            return "Method Not Allowed";
        case 409:
            return "Conflict";
        case 413:
            return "Content Too Large";
        case 415:
            return "Unsupported Media Type";
        case 422:
            return "Unprocessable Content";
        case 429:
            return "Too Many Requests";
        case 503:
            return "Service Unavailable";
        default:
            return status < 500 ? "Client Error" : "Server Error";
    }
}

void send(const restinio::request_handle_t& req, Response response, bool head_only) {
    auto builder = req->create_response(restinio::http_status_line_t{
        restinio::http_status_code_t{static_cast<std::uint16_t>(response.status)},
        std::string(reason_phrase(response.status))});
    for (auto& [name, value] : response.headers) builder.append_header(name, value);
    // HEAD answers carry the headers only.
    if (!head_only) builder.set_body(std::move(response.body));
    builder.done();
}

}  // namespace

void run_server(const ServerOptions& options, Handler handler, const SignInLane& sign_in_lane,
                const std::function<void(std::uint16_t)>& on_listening) {
    WorkerPool workers(options.worker_threads);
    WorkerPool sign_in_workers(options.sign_in_threads);
    std::atomic<bool> draining{false};
    std::atomic<int> in_flight{0};
    std::string listen_error;
    std::size_t max_connections =
        options.max_connections ? options.max_connections : connection_cap(raise_open_file_limit());
    auto connections = std::make_shared<ConnectionCounter>();
    std::atomic<int> listening_fd{-1};

    asio::io_context io;
    using Server = restinio::http_server_t<Traits>;
    auto respond = [&](const restinio::request_handle_t& req, bool head_only) {
        Request request = to_request(req);
        send(req, handler(request), head_only);
        --in_flight;
    };
    auto settings =
        restinio::server_settings_t<Traits>{}
            .address(options.host)
            .port(options.port)
            .max_parallel_connections(max_connections)
            .connection_state_listener(connections)
            .acceptor_post_bind_hook(
                [&](asio::ip::tcp::acceptor& acceptor) { listening_fd = acceptor.native_handle(); })
            .incoming_http_msg_limits(
                restinio::incoming_http_msg_limits_t{}.max_body_size(options.transport_body_limit))
            .request_handler([&](const restinio::request_handle_t& req) {
                bool head_only = req->header().method() == restinio::http_method_head();
                if (draining.load()) {
                    Response busy =
                        Response::with_body(503, "text/plain; charset=utf-8", "Shutting down\n");
                    busy.set_header("Connection", "close");
                    send(req, std::move(busy), head_only);
                    return restinio::request_accepted();
                }
                ++in_flight;
                if (sign_in_lane.takes &&
                    sign_in_lane.takes(req->header().method().c_str(), req->header().path())) {
                    if (!sign_in_workers.try_submit(
                            [req, head_only, &respond] { respond(req, head_only); },
                            options.sign_in_queue_limit)) {
                        Request request = to_request(req);
                        send(req, sign_in_lane.overloaded(request), head_only);
                        --in_flight;
                    }
                } else {
                    workers.submit([req, head_only, &respond] { respond(req, head_only); });
                }
                return restinio::request_accepted();
            });
    Server server{restinio::external_io_context(io), std::move(settings)};

    // The accept watchdog: if RESTinio's accept loop has died (out of file descriptors), close
    // the listener and open it again, waiting longer each time it keeps failing.
    asio::steady_timer watch_timer(io);
    AcceptSample last_sample;
    int reopen_backoff_ms = 0;
    // RESTinio's limiter counts an accept as in progress until it yields a connection; the
    // accept that failed, or that closing the listener aborts, never does, so each reopening
    // takes one place off the cap for good. The watchdog counts them so as not to mistake
    // that smaller cap for a stall.
    std::size_t lost_places = 0;
    std::atomic<bool> listening{false}, reopening{false};
    auto open_listener = [&] {
        server.open_async(
            [&] {
                listening = true;
                reopening = false;
                std::fputs("sendhub: accepting connections again\n", stderr);
            },
            [&](const std::exception_ptr&) {
                reopening = false;  // the watchdog tries again on its next round
                std::fputs("sendhub: cannot listen yet (too many open files?); trying again\n",
                           stderr);
            });
    };
    auto reopen_listener = [&] {
        ++lost_places;
        reopening = true;
        listening = false;
        server.close_async(
            [&] {
                listening_fd = -1;
                open_listener();
            },
            [&](const std::exception_ptr&) { reopening = false; });
    };
    std::function<void()> watch_accepts = [&] {
        watch_timer.expires_after(std::chrono::milliseconds(250 + reopen_backoff_ms));
        watch_timer.async_wait([&](const asio::error_code& ec) {
            if (ec || draining.load()) return;
            AcceptSample now{backlog_waiting(listening_fd.load()), connections->accepted(),
                             connections->open()};
            if (!listening && !reopening) {
                reopening = true;
                open_listener();
            } else if (listening && accept_loop_stalled(
                                        last_sample, now,
                                        max_connections - std::min(lost_places, max_connections))) {
                // stdio, not iostreams: with no descriptors left, UBSan's vptr check cannot
                // test memory (it needs a pipe) and would report a false error.
                std::fprintf(stderr,
                             "sendhub: stopped accepting connections (too many open files?); "
                             "%zu open of at most %zu; listening again\n",
                             now.open_connections, max_connections);
                reopen_backoff_ms = std::min(5000, reopen_backoff_ms * 2 + 100);
                now.backlog_waiting = false;  // the next verdict needs two fresh samples
                reopen_listener();
            } else if (now.accepted != last_sample.accepted) {
                reopen_backoff_ms = 0;
            }
            last_sample = now;
            watch_accepts();
        });
    };

    asio::signal_set signals(io, SIGINT, SIGTERM);
    asio::steady_timer drain_timer(io);
    int waited_ms = 0;
    std::function<void()> finish_when_idle = [&] {
        if (in_flight.load() == 0 || waited_ms >= options.shutdown_grace_seconds * 1000) {
            server.close_async([&] { io.stop(); }, [&](auto) { io.stop(); });
            return;
        }
        waited_ms += 50;
        drain_timer.expires_after(std::chrono::milliseconds(50));
        drain_timer.async_wait([&](const asio::error_code&) { finish_when_idle(); });
    };
    signals.async_wait([&](const asio::error_code& ec, int) {
        if (ec) return;
        std::fputs("sendhub: stopping: finishing requests in progress\n", stderr);
        draining = true;
        watch_timer.cancel();
        finish_when_idle();
    });

    server.open_async(
        [&] {
            listening = true;
            on_listening(options.port);
            watch_accepts();
        },
        [&](const std::exception_ptr& error) {
            try {
                std::rethrow_exception(error);
            } catch (const std::exception& e) {
                listen_error = e.what();
            }
            io.stop();
        });

    std::vector<std::jthread> io_threads;
    for (std::size_t i = 1; i < options.io_threads; ++i) io_threads.emplace_back([&] { io.run(); });
    io.run();
    for (auto& t : io_threads) t.join();
    workers.drain();
    sign_in_workers.drain();
    if (!listen_error.empty())
        throw std::runtime_error("cannot listen on " + options.host + ":" +
                                 std::to_string(options.port) + ": " + listen_error);
}

}  // namespace sendhub::http
