// The only translation unit that includes RESTinio (it is heavy to compile).
#include <restinio/all.hpp>

#include <atomic>
#include <csignal>
#include <iostream>

#include "http/server.hpp"
#include "http/url.hpp"
#include "http/worker_pool.hpp"

namespace sendhub::http {
namespace {

struct Traits : restinio::default_traits_t {
    using logger_t = restinio::null_logger_t;  // our own access log has no personal data
};

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
        case 200: return "OK";
        case 201: return "Created";
        case 204: return "No Content";
        case 303: return "See Other";
        case 304: return "Not Modified";
        case 400: return "Bad Request";
        case 401: return "Unauthorized";
        case 403: return "Forbidden";
        case 404: return "Not Found";
        case 405: return "Method Not Allowed";
        case 409: return "Conflict";
        case 413: return "Content Too Large";
        case 415: return "Unsupported Media Type";
        case 422: return "Unprocessable Content";
        case 429: return "Too Many Requests";
        case 503: return "Service Unavailable";
        default: return status < 500 ? "Client Error" : "Server Error";
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

void run_server(const ServerOptions& options, Handler handler, const std::function<void(std::uint16_t)>& on_listening) {
    WorkerPool workers(options.worker_threads);
    std::atomic<bool> draining{false};
    std::atomic<int> in_flight{0};
    std::string listen_error;

    asio::io_context io;
    using Server = restinio::http_server_t<Traits>;
    auto settings = restinio::server_settings_t<Traits>{}
                        .address(options.host)
                        .port(options.port)
                        .incoming_http_msg_limits(
                            restinio::incoming_http_msg_limits_t{}.max_body_size(options.transport_body_limit))
                        .request_handler([&](const restinio::request_handle_t& req) {
                            bool head_only = req->header().method() == restinio::http_method_head();
                            if (draining.load()) {
                                Response busy = Response::with_body(503, "text/plain; charset=utf-8", "Shutting down\n");
                                busy.set_header("Connection", "close");
                                send(req, std::move(busy), head_only);
                                return restinio::request_accepted();
                            }
                            ++in_flight;
                            workers.submit([req, head_only, &handler, &in_flight] {
                                Request request = to_request(req);
                                send(req, handler(request), head_only);
                                --in_flight;
                            });
                            return restinio::request_accepted();
                        });
    Server server{restinio::external_io_context(io), std::move(settings)};

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
        std::cerr << "sendhub: stopping: finishing requests in progress\n";
        draining = true;
        finish_when_idle();
    });

    server.open_async(
        [&] { on_listening(options.port); },
        [&](std::exception_ptr error) {
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
    if (!listen_error.empty())
        throw std::runtime_error("cannot listen on " + options.host + ":" + std::to_string(options.port) + ": " + listen_error);
}

}  // namespace sendhub::http
