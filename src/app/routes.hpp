#pragma once
// Every route of sendhub, in one table (routes.cpp): a reader sees the whole surface there.
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
