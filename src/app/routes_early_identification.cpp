// Early identification: speech and language screening, named therapists and provision audits.
#include "api/screening_handlers.hpp"
#include "api/slcn_handlers.hpp"
#include "app/route_table.hpp"
#include "web/early_identification_handlers.hpp"

namespace sendhub {

void add_early_identification_routes(RouteTable& r) {
    using P = Permission;
    // Speech and language screening rounds: who reads and writes is service/slcn_service.
    r.json("POST", "/api/v1/screening-rounds", P::signed_in, api::screening_round_create);
    r.json("GET", "/api/v1/screening-rounds.csv", P::signed_in, api::screening_rounds_csv);
    r.json("GET", "/api/v1/screening-rounds", P::signed_in, api::screening_rounds_list);
    r.json("PUT", "/api/v1/screening-rounds/{id}", P::signed_in, api::screening_round_update);
    r.json("GET", "/api/v1/screening-rounds/{id}", P::signed_in, api::screening_round_get);
    r.json("GET", "/api/v1/screening-summary", P::signed_in, api::screening_summary);
    r.page("GET", "/screening", P::signed_in, pages::screening_page);
    r.page("GET", "/screening/new", P::signed_in, pages::screening_new_page);
    r.page("POST", "/screening/new", P::signed_in, pages::screening_create_page);
    r.page("GET", "/slcn", P::signed_in, pages::slcn_page);
    r.page("POST", "/slcn/therapists", P::signed_in, pages::therapist_submit);
    r.page("POST", "/slcn/audits", P::signed_in, pages::audit_create_page);
    r.page("GET", "/slcn/audits/{id}", P::signed_in, pages::audit_page);
    r.page("POST", "/slcn/audits/{id}/actions/{action_id}", P::signed_in,
           pages::audit_action_submit);
    // Named therapists and provision audits: service/slcn_service decides who sees which school.
    r.json("PUT", "/api/v1/schools/{urn}/therapist", P::signed_in, api::therapist_put);
    r.json("GET", "/api/v1/schools/{urn}/therapist", P::signed_in, api::therapist_get);
    r.json("POST", "/api/v1/slcn-audits", P::signed_in, api::slcn_audit_create);
    r.json("GET", "/api/v1/slcn-audits", P::signed_in, api::slcn_audits_list);
    r.json("GET", "/api/v1/slcn-audits/{id}", P::signed_in, api::slcn_audit_get);
    r.json("POST", "/api/v1/slcn-audits/{id}/actions/{action_id}", P::signed_in,
           api::slcn_audit_action_update);
}

}  // namespace sendhub
