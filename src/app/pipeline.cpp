#include "app/pipeline.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <variant>

#include <fmt/format.h>

#include "adapter/error_response.hpp"
#include "adapter/session_cookie.hpp"
#include "adapter/upload.hpp"
#include "core/clock.hpp"
#include "core/text.hpp"
#include "http/url.hpp"
#include "security/digest.hpp"
#include "security/random.hpp"
#include "store/database.hpp"
#include "web/page.hpp"

namespace sendhub {
namespace {

// CSP without inline script or style; object-src and base-uri shut; no framing (clickjacking).
constexpr std::string_view kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src "
    "'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action "
    "'self'";

void apply_security_headers(http::Response& r, bool behind_tls) {
    r.set_header("Content-Security-Policy", std::string(kContentSecurityPolicy));
    r.set_header("X-Content-Type-Options", "nosniff");
    r.set_header("Referrer-Policy", "same-origin");
    r.set_header("X-Frame-Options", "DENY");
    r.set_header("Cross-Origin-Opener-Policy", "same-origin");
    r.set_header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    if (behind_tls)
        r.set_header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    if (!r.header("Cache-Control")) r.set_header("Cache-Control", "no-store");
}

// Request ids: a random per-process prefix and a counter. Unique and unguessable enough
// to quote in a support call, without a system call per request.
std::string next_request_id() {
    static const std::string prefix = random_token(6).substr(0, 6);
    static std::atomic<std::uint64_t> counter{0};
    return prefix + "-" + std::to_string(++counter);
}

bool is_safe_method(std::string_view method) {
    return method == "GET" || method == "HEAD";
}

bool is_api_path(std::string_view path) {
    return path.starts_with("/api/") || path == "/healthz";
}

void log_access(const std::string& request_id, const http::Request& request, int status,
                std::chrono::steady_clock::duration elapsed) {
    // Method, path and status only: query strings and bodies can hold personal data. A
    // calendar feed's path is its secret, so it is never written out.
    static std::mutex mutex;
    double ms = std::chrono::duration<double, std::milli>(elapsed).count();
    const std::string path =
        request.path.starts_with("/calendar/feed/") ? "/calendar/feed/[secret].ics" : request.path;
    std::lock_guard lock(mutex);
    std::fprintf(stderr, "%s %s %s %s %d %.2fms\n", format_timestamp(system_clock()->now()).c_str(),
                 request_id.c_str(), request.method.c_str(), path.c_str(), status, ms);
}

std::optional<std::string> bearer_token(const http::Request& request) {
    auto header = request.header("authorization");
    if (!header || header->size() < 7 || to_lower(header->substr(0, 7)) != "bearer ")
        return std::nullopt;
    return trim(header->substr(7));
}

std::optional<std::string> cookie(const http::Request& request, std::string_view name) {
    auto header = request.header("cookie");
    if (!header) return std::nullopt;
    return http::cookie_value(*header, name);
}

// What a user who must set up two-step sign-in may still reach: setting it up, who they are,
// and signing out.
//! A failure as the surface shows it: JSON for the API, an error page for a person.
http::Response answer_error(RequestContext& ctx, Surface surface, const Error& error) {
    return surface == Surface::api ? json_error(error) : error_page(ctx, error);
}

bool reachable_before_mfa_setup(std::string_view path) {
    return path == "/api/v1/me" || path.starts_with("/api/v1/me/mfa") || path == "/api/v1/logout" ||
           path == "/logout" || path.starts_with("/account/mfa");
}

}  // namespace

Pipeline::Pipeline(Services& services, const Templates& templates,
                   const http::StaticFiles& static_files)
    : services_(services),
      templates_(templates),
      static_files_(static_files),
      router_(make_router()) {}

http::Response Pipeline::handle(http::Request& request) {
    auto started = std::chrono::steady_clock::now();
    std::string request_id = next_request_id();
    http::Response response;
    try {
        response = dispatch(request, request_id);
    } catch (const DatabaseBusy& e) {
        std::fprintf(stderr, "%s busy %s %s: %s\n", request_id.c_str(), request.method.c_str(),
                     request.path.c_str(), e.what());
        response = unexpected_error(
            request, request_id,
            {.kind = ErrorKind::unavailable,
             .code = "busy",
             .message = "sendhub is busy. Nothing was changed; try again in a moment.",
             .retry_after_seconds = 1});
    } catch (const std::exception& e) {
        // The detail goes to the log with the request id; the client sees only the id.
        std::fprintf(stderr, "%s error %s %s: %s\n", request_id.c_str(), request.method.c_str(),
                     request.path.c_str(), e.what());
        response = unexpected_error(
            request, request_id,
            {.kind = ErrorKind::internal,
             .code = "internal",
             .message = "Something went wrong. Quote reference " + request_id + "."});
    }
    return finish(std::move(response), request, request_id, started);
}

bool Pipeline::checks_password(std::string_view method, std::string_view raw_path) const {
    // This runs on an I/O thread for every request: reads and the like leave at once. The
    // path is decoded as dispatch() will, so "/log%69n" cannot reach a password check elsewhere.
    if (method != "POST") return false;
    auto path = http::percent_decode(raw_path, false);
    if (!path) return false;
    auto match = router_.find(method, *path);
    return match.route && match.route->lane == Lane::sign_in;
}

http::Response Pipeline::sign_in_busy(http::Request& request) {
    auto started = std::chrono::steady_clock::now();
    std::string request_id = next_request_id();
    Error busy{.kind = ErrorKind::unavailable,
               .code = "busy",
               .message = "Many people are signing in at once. Wait a few seconds, then try again.",
               .retry_after_seconds = 5};
    return finish(unexpected_error(request, request_id, busy), request, request_id, started);
}

http::Response Pipeline::unexpected_error(http::Request& request, const std::string& request_id,
                                          const Error& error) {
    // Before routing, the path decides: API calls get JSON and everything else a page.
    if (is_api_path(request.path)) return json_error(error);
    try {
        RequestContext ctx{request,      services_, templates_, static_files_, {}, request_id,
                           std::nullopt, {},        {}};
        return error_page(ctx, error);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s error page failed: %s\n", request_id.c_str(), e.what());
        auto plain = http::Response::with_body(http_status(error.kind), "text/plain; charset=utf-8",
                                               error.message + "\n");
        add_retry_after(plain, error);
        return plain;
    }
}

http::Response Pipeline::finish(http::Response response, const http::Request& request,
                                const std::string& request_id,
                                std::chrono::steady_clock::time_point started) {
    apply_security_headers(response, services_.config.behind_tls);
    response.set_header("X-Request-Id", request_id);
    if (services_.config.access_log)
        log_access(request_id, request, response.status,
                   std::chrono::steady_clock::now() - started);
    return response;
}

http::Response Pipeline::dispatch(http::Request& request, const std::string& request_id) {
    bool api_path = is_api_path(request.path);
    RequestContext ctx{request,      services_, templates_, static_files_, {}, request_id,
                       std::nullopt, {},        {}};
    auto fail = [&](Surface surface, const Error& error) {
        return answer_error(ctx, surface, error);
    };
    Surface guessed = api_path ? Surface::api : Surface::page;

    auto too_large = [&](Surface surface, std::size_t limit) {
        return fail(surface, Error{.kind = ErrorKind::payload_too_large,
                                   .code = "too_large",
                                   .message = fmt::format("The request is larger than {} MB.",
                                                          limit >> 20)});
    };
    // Only upload routes take more than the usual limit; the rest are held to it once matched.
    if (request.body.size() > std::max(services_.config.max_body_bytes, kMaxUploadBodyBytes))
        return too_large(guessed, kMaxUploadBodyBytes);
    auto decoded_path = http::percent_decode(request.path, false);
    if (!decoded_path || !is_valid_utf8(*decoded_path))
        return fail(guessed, Error::bad_request("bad_path", "The address is not valid."));
    request.path = std::move(*decoded_path);

    if (request.path.starts_with("/static/") && is_safe_method(request.method)) {
        if (auto file = static_files_.serve(std::string_view(request.path).substr(8), request))
            return *file;
        return fail(Surface::page, Error::not_found());
    }

    auto match = router_.find(request.method, request.path);
    if (!match.route) {
        if (match.path_known) {
            return fail(guessed,
                        Error{.kind = ErrorKind::method_not_allowed,
                              .code = "method_not_allowed",
                              .message = "This address does not accept " + request.method + "."});
        }
        return fail(guessed, Error::not_found());
    }
    const Route& route = *match.route;
    ctx.params = std::move(match.params);
    if (!route.takes_uploads && request.body.size() > services_.config.max_body_bytes)
        return too_large(route.surface, services_.config.max_body_bytes);
    if (!is_safe_method(request.method)) return authorise_and_run(ctx, route, SessionCheck::first);
    // A read's session check and the handler's reads share one snapshot: one transaction.
    // On PostgreSQL the check travels with the handler's first statement; if it finds the
    // session changed, what the handler did is dropped and it runs again, checking first.
    http::Response response;
    auto read = [&](SessionCheck check) {
        services_.database->read(
            [&](SqlConnection&) { response = authorise_and_run(ctx, route, check); });
    };
    try {
        read(SessionCheck::alongside);
    } catch (const SessionChanged&) {
        ctx.session.reset();
        read(SessionCheck::first);
    }
    return response;
}

http::Response Pipeline::authorise_and_run(RequestContext& ctx, const Route& route,
                                           SessionCheck check) {
    http::Request& request = ctx.request;
    auto fail = [&](Surface surface, const Error& error) {
        return answer_error(ctx, surface, error);
    };
    // Authentication: a bearer token (API clients) or the session cookie (browsers).
    auto bearer = bearer_token(request);
    bool via_cookie = false;
    if (bearer) {
        ctx.session_token = *bearer;
    } else if (auto value = cookie(request, session_cookie_name(services_.config))) {
        ctx.session_token = *value;
        via_cookie = true;
    }
    if (!ctx.session_token.empty())
        ctx.session = services_.sessions.resolve(ctx.session_token, check);

    if (route.permission) {
        if (!ctx.session) {
            if (route.surface == Surface::api) return json_error(Error::unauthenticated());
            std::string next = request.path + (request.query.empty() ? "" : "?" + request.query);
            return http::Response::redirect("/login?next=" + http::percent_encode(next));
        }
        if (!allows(ctx.actor(), *route.permission)) return fail(route.surface, Error::forbidden());
        if (ctx.session->mfa_setup_required && !reachable_before_mfa_setup(request.path)) {
            if (route.surface == Surface::page) return http::Response::redirect("/account/mfa");
            return json_error(Error{.kind = ErrorKind::forbidden,
                                    .code = "mfa_setup_required",
                                    .message = "Your role must use two-step sign-in. Set it up "
                                               "first (POST /api/v1/me/mfa/setup)."});
        }
    }

    if (!is_safe_method(request.method)) {
        if (route.surface == Surface::page) {
            auto type = request.header("content-type").value_or("");
            // An upload form's plain fields (the CSRF token among them); its files are the
            // handler's to read.
            const bool upload = route.takes_uploads && is_multipart(request);
            auto form =
                upload
                    ? read_upload(request).transform([](Upload&& u) { return std::move(u.fields); })
                    : http::FormData::parse(request.body);
            if (!(upload || type.starts_with("application/x-www-form-urlencoded")) || !form)
                return fail(Surface::page,
                            Error::bad_request(
                                "bad_form", "The form could not be read. Go back and try again."));
            ctx.form = std::move(*form);
            fold_date_inputs(ctx.form);
            // Synchronizer token in the session; before sign-in, a double-submit cookie.
            std::string expected =
                ctx.session
                    ? ctx.session->csrf_token
                    : cookie(request, login_csrf_cookie_name(services_.config)).value_or("");
            std::string provided = ctx.form.get("csrf_token");
            if (expected.empty() || !constant_time_equals(expected, provided)) {
                return fail(
                    Surface::page,
                    Error::forbidden("Your form had expired, so nothing was saved. Go back, "
                                     "refresh the page and try again."));
            }
        } else if (via_cookie && ctx.session) {
            // A browser's cookie rides along on cross-site requests; a bearer token does not.
            auto header = request.header("x-csrf-token").value_or("");
            if (!constant_time_equals(ctx.session->csrf_token, header))
                return json_error(
                    Error{.kind = ErrorKind::forbidden,
                          .code = "csrf",
                          .message = "Send the X-CSRF-Token header, or use a bearer token."});
        }
    }
    return run_in_transaction(ctx, route);
}

http::Response Pipeline::run_in_transaction(RequestContext& ctx, const Route& route) {
    // A read already runs inside dispatch()'s snapshot, which every read it makes shares
    // (Database::read nests).
    if (is_safe_method(ctx.request.method)) return route.handler(ctx);
    auto key = ctx.request.header("idempotency-key");
    if (route.surface != Surface::api || ctx.request.method != "POST" || !key || !ctx.session)
        return route.handler(ctx);
    if (key->empty() || key->size() > 255)
        return json_error(Error::invalid("Idempotency-Key", "invalid",
                                         "Idempotency-Key must be 1 to 255 characters"));
    UserId user = ctx.actor().user_id;
    std::string hash =
        sha256_hex(ctx.request.method + " " + ctx.request.path + "\n" + ctx.request.body);
    // The handler's writes join this transaction (Database::write nests), so its change and
    // the stored answer commit together or not at all.
    http::Response response;
    auto outcome =
        services_.idempotency.run_once(user, *key, hash, [&]() -> std::optional<StoredResponse> {
            response = route.handler(ctx);
            if (response.status >= 500) return std::nullopt;
            return StoredResponse{response.status,
                                  std::string(response.header("Content-Type").value_or("")),
                                  response.body};
        });
    if (auto* stored = std::get_if<StoredResponse>(&outcome)) {
        auto replay = http::Response::with_body(stored->status, stored->content_type, stored->body);
        replay.set_header("Idempotent-Replayed", "true");
        return replay;
    }
    if (std::holds_alternative<KeyReusedWithOtherBody>(outcome))
        return json_error(Error::invalid("Idempotency-Key", "idempotency_key_reused",
                                         "This Idempotency-Key was used with a different request"));
    return response;
}

}  // namespace sendhub
