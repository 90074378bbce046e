#include "adapter/request_context.hpp"

namespace sendhub {

Acting RequestContext::acting() const {
    if (session) return acting_as(session->actor, request_id);
    return {.request_id = request_id};
}

std::string RequestContext::param(std::string_view name) const {
    auto it = params.find(name);
    return it == params.end() ? std::string() : it->second;
}

http::FormData RequestContext::query() const {
    // A malformed query string is treated as empty: filters are optional.
    return http::FormData::parse(request.query).value_or(http::FormData{});
}

std::string site_origin(const RequestContext& ctx) {
    std::string host(ctx.request.header("host").value_or("127.0.0.1"));
    return (ctx.services.config.behind_tls ? "https://" : "http://") + host;
}

std::string RequestContext::client_address() const {
    if (services.config.behind_tls) {
        if (auto forwarded = request.header("x-forwarded-for")) {
            auto last = forwarded->rfind(',');
            auto address =
                trim(last == std::string_view::npos ? *forwarded : forwarded->substr(last + 1));
            if (!address.empty()) return address;
        }
    }
    return request.remote_address;
}

Date RequestContext::today() const {
    return services.clock().today();
}

}  // namespace sendhub
