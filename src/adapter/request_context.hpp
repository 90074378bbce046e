#pragma once
// What a handler receives: the request, the signed-in actor, path parameters and the
// services. Built by the pipeline (src/app/pipeline.cpp) after authentication and CSRF.
#include <optional>
#include <string>

#include "adapter/templates.hpp"
#include "core/text.hpp"
#include "http/message.hpp"
#include "http/router.hpp"
#include "http/static_files.hpp"
#include "http/url.hpp"
#include "service/services.hpp"

namespace sendhub {

struct RequestContext {
    http::Request& request;
    Services& services;
    const Templates& templates;
    const http::StaticFiles& static_files;
    http::PathParams params;
    std::string request_id;
    std::optional<ResolvedSession> session;
    std::string session_token;
    http::FormData form;  // the parsed body of an HTML form post

    [[nodiscard]] bool signed_in() const { return session.has_value(); }
    //! The signed-in person; routes that call this require sign-in (checked by the pipeline).
    [[nodiscard]] const Actor& actor() const { return session->actor; }
    //! Who is acting, as recorded in history and the audit log.
    [[nodiscard]] Acting acting() const;
    [[nodiscard]] std::string param(std::string_view name) const;
    [[nodiscard]] http::FormData query() const;
    //! Who is on the other end: the TCP peer, or behind the TLS proxy the address that proxy
    //! appended last to X-Forwarded-For (earlier entries are the client's to invent).
    [[nodiscard]] std::string client_address() const;
    //! Today in Europe/London, by the services' clock.
    [[nodiscard]] Date today() const;
};

//! A path parameter as a typed id; nullopt when it is missing, not a number or not positive
//! (the caller answers "not found").
template <class Id>
[[nodiscard]] std::optional<Id> id_param(const RequestContext& ctx, std::string_view name = "id") {
    auto id = parse_int(ctx.param(name));
    if (!id || *id <= 0) return std::nullopt;
    return Id{*id};
}

//! "https://host" as the browser reached us (the Host header), for links people copy elsewhere.
[[nodiscard]] std::string site_origin(const RequestContext& ctx);
//! The secret address of a calendar feed.
[[nodiscard]] inline std::string calendar_feed_url(const RequestContext& ctx,
                                                   std::string_view token) {
    return site_origin(ctx) + "/calendar/feed/" + std::string(token) + ".ics";
}

}  // namespace sendhub
