#include "app/routes.hpp"

#include "app/route_table.hpp"

namespace sendhub {

// The first route whose method and pattern match a request wins, so a literal segment
// ("/events/new") comes before a parameter in the same place ("/events/{id}"). Areas do not
// share a path; routes_test.cpp checks that no route hides another.
http::Router<Route> make_router() {
    RouteTable table;
    add_account_routes(table);
    add_school_routes(table);
    add_event_and_resource_routes(table);
    add_insight_routes(table);
    add_peer_review_routes(table);
    add_early_identification_routes(table);
    add_outreach_routes(table);
    add_charging_routes(table);
    return std::move(table).take();
}

}  // namespace sendhub
