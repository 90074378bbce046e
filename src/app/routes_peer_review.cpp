// Peer review: clusters, reviews, findings and actions.
#include "api/peer_review_handlers.hpp"
#include "app/route_table.hpp"
#include "web/peer_review_handlers.hpp"

namespace sendhub {

void add_peer_review_routes(RouteTable& r) {
    using P = Permission;
    // Peer review clusters: who sees and does what is core's review_rights, applied by the
    // service.
    r.page("GET", "/clusters", P::signed_in, pages::clusters_page);
    r.page("POST", "/clusters", P::signed_in, pages::cluster_create_page);
    r.page("GET", "/clusters/{id}", P::signed_in, pages::cluster_page);
    r.page("POST", "/clusters/{id}/partnership-days", P::signed_in, pages::partnership_day_submit);
    r.page("POST", "/clusters/{id}/reality-goals", P::signed_in, pages::reality_goals_submit);
    r.page("POST", "/clusters/{id}/reviews", P::signed_in, pages::review_create_page);
    r.page("GET", "/reviews/{id}", P::signed_in, pages::review_page);
    r.page("GET", "/reviews/{id}/report.pdf", P::signed_in, pages::review_report);
    r.page("POST", "/reviews/{id}/lines", P::signed_in, pages::review_line_submit);
    r.page("POST", "/reviews/{id}/findings", P::signed_in, pages::review_finding_submit);
    r.page("POST", "/reviews/{id}/publish", P::signed_in, pages::review_publish_submit);
    r.page("POST", "/reviews/{id}/actions", P::signed_in, pages::review_action_submit);
    r.page("POST", "/reviews/{id}/follow-ups", P::signed_in, pages::review_follow_up_submit);
    r.json("POST", "/api/v1/clusters", P::signed_in, api::cluster_create);
    r.json("GET", "/api/v1/clusters", P::signed_in, api::clusters_list);
    r.json("GET", "/api/v1/clusters/{id}/themes", P::signed_in, api::cluster_themes_get);
    r.json("GET", "/api/v1/clusters/{id}", P::signed_in, api::cluster_get);
    r.json("POST", "/api/v1/clusters/{id}/partnership-days", P::signed_in,
           api::cluster_partnership_day);
    r.json("POST", "/api/v1/clusters/{id}/reality-goals", P::signed_in, api::cluster_reality_goals);
    r.json("POST", "/api/v1/reviews", P::signed_in, api::review_create);
    r.json("GET", "/api/v1/reviews", P::signed_in, api::reviews_list);
    r.json("GET", "/api/v1/reviews/{id}", P::signed_in, api::review_get);
    r.json("POST", "/api/v1/reviews/{id}/lines", P::signed_in, api::review_line_add);
    r.json("POST", "/api/v1/reviews/{id}/findings", P::signed_in, api::review_finding_add);
    r.json("POST", "/api/v1/reviews/{id}/publish", P::signed_in, api::review_publish);
    r.json("POST", "/api/v1/reviews/{id}/actions", P::signed_in, api::review_action_add);
    r.json("POST", "/api/v1/reviews/{id}/actions/{action_id}/follow-ups", P::signed_in,
           api::review_follow_up_add);
}

}  // namespace sendhub
