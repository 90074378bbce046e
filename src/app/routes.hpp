#pragma once
// Every route of sendhub, in one table (routes.cpp): a reader sees the whole surface there.
#include <functional>
#include <optional>

#include "core/policy.hpp"
#include "http/router.hpp"
#include "web/request_context.hpp"

namespace sendhub {

enum class Surface { page, api };

struct Route {
    Surface surface = Surface::page;
    //! nullopt: public (sign-in form, health check); otherwise who may call it (policy.cpp).
    std::optional<Permission> permission;
    std::function<http::Response(RequestContext&)> handler;
};

[[nodiscard]] http::Router<Route> make_router();

}  // namespace sendhub
