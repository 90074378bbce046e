// Trust-wide SEND insight, schools' returns and self-evaluation.
#include "api/insight_handlers.hpp"
#include "api/school_data_handlers.hpp"
#include "app/route_table.hpp"
#include "web/insight_handlers.hpp"
#include "web/school_data_handlers.hpp"

namespace sendhub {

void add_insight_routes(RouteTable& r) {
    using P = Permission;
    // Trust-wide SEND insight from the census: who reads what is core's insight_access.
    r.page("GET", "/insight", P::signed_in, pages::insight_trust_page);
    r.page("GET", "/insight/schools/{urn}", P::signed_in, pages::insight_school_page);
    r.page("GET", "/insight/local-authorities/{la_code}", P::signed_in,
           pages::insight_local_authority_page);
    r.json("GET", "/api/v1/insight/schools/{urn}", P::signed_in, api::insight_school);
    r.json("GET", "/api/v1/insight/local-authorities/{la_code}", P::signed_in,
           api::insight_local_authority);
    r.json("GET", "/api/v1/insight/england", P::signed_in, api::insight_england);
    r.json("GET", "/api/v1/insight/trust.csv", P::signed_in,
           api::insight_trust_csv);  // before trust
    r.json("GET", "/api/v1/insight/trust", P::signed_in, api::insight_trust);
    // Schools' termly returns and self-evaluation: who reads and writes is core's
    // school_data_access, applied by the service.
    r.page("GET", "/insight/returns", P::signed_in, pages::school_returns_page);
    r.page("POST", "/insight/returns", P::signed_in, pages::school_return_submit);
    r.upload(Surface::page, "POST", "/insight/returns/import", P::signed_in,
             pages::school_returns_import_page);
    r.page("GET", "/insight/frameworks", P::signed_in, pages::frameworks_page);
    r.page("POST", "/insight/frameworks", P::signed_in, pages::framework_create_page);
    r.page("GET", "/insight/frameworks/{id}", P::signed_in, pages::framework_page);
    r.page("POST", "/insight/frameworks/{id}/self-evaluation", P::signed_in,
           pages::self_evaluation_submit);
    r.json("POST", "/api/v1/school-returns/import", P::signed_in, api::school_returns_import);
    r.json("POST", "/api/v1/school-returns", P::signed_in, api::school_return_save);
    r.json("GET", "/api/v1/school-returns", P::signed_in, api::school_returns_list);
    r.json("POST", "/api/v1/frameworks", P::signed_in, api::framework_create);
    r.json("GET", "/api/v1/frameworks", P::signed_in, api::frameworks_list);
    r.json("GET", "/api/v1/frameworks/{id}/summary", P::signed_in, api::framework_summary);
    r.json("GET", "/api/v1/frameworks/{id}", P::signed_in, api::framework_get);
    r.json("POST", "/api/v1/self-evaluations", P::signed_in, api::self_evaluation_save);
    r.json("GET", "/api/v1/self-evaluations", P::signed_in, api::self_evaluations_list);
    r.json("GET", "/api/v1/self-evaluations/{id}", P::signed_in, api::self_evaluation_get);
}

}  // namespace sendhub
