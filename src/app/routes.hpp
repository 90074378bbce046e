#pragma once
// Every route of sendhub: routes.cpp lists the areas in order, and each area's routes_<area>.cpp
// lists its routes, so a reader sees an area's whole surface in one file.
#include <functional>
#include <optional>

#include "adapter/request_context.hpp"
#include "core/policy.hpp"
#include "http/router.hpp"

namespace sendhub {

enum class Surface { page, api };
//! Which threads run a route: password checks have their own (http/server.hpp, SignInLane).
enum class Lane { ordinary, sign_in };

struct Route {
    Surface surface = Surface::page;
    //! nullopt: public (sign-in form, health check); otherwise who may call it (policy.cpp).
    std::optional<Permission> permission;
    std::function<http::Response(RequestContext&)> handler;
    Lane lane = Lane::ordinary;
    //! Takes multipart/form-data bodies up to kMaxUploadBodyBytes (others stop at 1 MiB).
    bool takes_uploads = false;
};

[[nodiscard]] http::Router<Route> make_router();

}  // namespace sendhub
