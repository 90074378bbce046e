#pragma once
// How each area's file (routes_*.cpp) adds its routes to the one router that routes.cpp builds.
#include <optional>
#include <utility>

#include "app/routes.hpp"

namespace sendhub {

class RouteTable {
  public:
    using Handler = decltype(Route::handler);

    //! A server-rendered page: errors are HTML.
    void page(const char* method, const char* path, std::optional<Permission> permission,
              Handler handler, Lane lane = Lane::ordinary) {
        router_.add(method, path, Route{Surface::page, permission, std::move(handler), lane});
    }
    //! A JSON API route: errors are {"error":{…}}.
    void json(const char* method, const char* path, std::optional<Permission> permission,
              Handler handler, Lane lane = Lane::ordinary) {
        router_.add(method, path, Route{Surface::api, permission, std::move(handler), lane});
    }
    //! A route that takes a file: multipart/form-data bodies up to the upload limit.
    void upload(Surface surface, const char* method, const char* path,
                std::optional<Permission> permission, Handler handler) {
        router_.add(method, path,
                    Route{surface, permission, std::move(handler), Lane::ordinary, true});
    }

    [[nodiscard]] http::Router<Route> take() && { return std::move(router_); }

  private:
    http::Router<Route> router_;
};

// One per area, in routes_<area>.cpp.
void add_account_routes(RouteTable& r);
void add_school_routes(RouteTable& r);
void add_event_and_resource_routes(RouteTable& r);
void add_insight_routes(RouteTable& r);
void add_peer_review_routes(RouteTable& r);
void add_early_identification_routes(RouteTable& r);
void add_outreach_routes(RouteTable& r);
void add_charging_routes(RouteTable& r);

}  // namespace sendhub
