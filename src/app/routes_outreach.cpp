// Traded outreach: practitioners, availability and the term plan, requests, agreements,
// visits and term dates.
#include "api/handlers.hpp"
#include "app/route_table.hpp"
#include "web/handlers.hpp"

namespace sendhub {

void add_outreach_routes(RouteTable& r) {
    using P = Permission;
    // Practitioners
    r.page("GET", "/practitioners", P::read_practitioners, pages::practitioners_list);
    r.page("GET", "/practitioners/new", P::manage_practitioners, pages::practitioner_new);
    r.page("POST", "/practitioners", P::manage_practitioners, pages::practitioner_create);
    r.page("GET", "/practitioners/{id}", P::read_practitioners, pages::practitioner_show);
    r.page("GET", "/practitioners/{id}/edit", P::manage_practitioners, pages::practitioner_edit);
    r.page("POST", "/practitioners/{id}", P::manage_practitioners, pages::practitioner_update);
    r.json("GET", "/api/v1/practitioners", P::read_practitioners, api::practitioners_list);
    r.json("POST", "/api/v1/practitioners", P::manage_practitioners, api::practitioner_create);
    r.json("GET", "/api/v1/practitioners/{id}", P::read_practitioners, api::practitioner_get);
    r.json("PUT", "/api/v1/practitioners/{id}", P::manage_practitioners, api::practitioner_update);
    // Availability, planning and calendars: planning_service.cpp decides whose calendar
    // and availability each person may read and change.
    r.json("GET", "/api/v1/practitioners/{id}/availability", P::read_practitioners,
           api::availability_get);
    r.json("PUT", "/api/v1/practitioners/{id}/availability", P::read_practitioners,
           api::availability_put);
    r.json("POST", "/api/v1/practitioners/{id}/leave", P::read_practitioners, api::leave_create);
    r.json("DELETE", "/api/v1/practitioners/{id}/leave/{leave_id}", P::read_practitioners,
           api::leave_delete);
    r.json("POST", "/api/v1/plans", P::triage_requests, api::plan_propose);
    r.json("POST", "/api/v1/plans/accept", P::triage_requests, api::plan_accept);
    r.json("GET", "/api/v1/calendar", P::read_calendars, api::calendar_get);
    r.json("POST", "/api/v1/calendar/feed", P::read_calendars, api::calendar_feed_create);
    r.json("DELETE", "/api/v1/calendar/feed", P::read_calendars, api::calendar_feed_delete);
    r.page("GET", "/practitioners/{id}/availability", P::read_practitioners,
           pages::availability_page);
    r.page("POST", "/practitioners/{id}/availability", P::read_practitioners,
           pages::availability_save);
    r.page("POST", "/practitioners/{id}/leave", P::read_practitioners, pages::leave_add);
    r.page("POST", "/practitioners/{id}/leave/{leave_id}/delete", P::read_practitioners,
           pages::leave_remove);
    r.page("GET", "/plan", P::triage_requests, pages::plan_page);
    r.page("POST", "/plan", P::triage_requests, pages::plan_submit);
    r.page("POST", "/plan/accept", P::triage_requests, pages::plan_accept_submit);
    r.page("GET", "/calendar", P::read_calendars, pages::calendar_page);
    r.page("POST", "/calendar/feed", P::read_calendars, pages::calendar_feed_submit);
    r.page("POST", "/calendar/feed/revoke", P::read_calendars, pages::calendar_feed_revoke_submit);
    // The feed's secret token is its only credential: calendar apps cannot sign in.
    r.json("GET", "/calendar/feed/{token}.ics", std::nullopt, api::calendar_feed_ics);

    // Traded outreach pages
    r.page("GET", "/requests", P::use_outreach, pages::requests_list);
    r.page("GET", "/requests/new", P::submit_requests, pages::request_new);
    r.page("POST", "/requests", P::submit_requests, pages::request_create);
    r.page("GET", "/requests/{id}", P::use_outreach, pages::request_show);
    r.page("GET", "/requests/{id}/edit", P::submit_requests, pages::request_edit);
    r.page("POST", "/requests/{id}/edit", P::submit_requests, pages::request_update);
    r.page("POST", "/requests/{id}/triage", P::triage_requests, pages::request_triage);
    r.page("POST", "/requests/{id}/cancel", P::submit_requests, pages::request_cancel);
    r.page("POST", "/requests/{id}/delete", P::submit_requests, pages::request_delete);
    r.page("GET", "/requests/{id}/assign", P::triage_requests, pages::request_assign);
    r.page("POST", "/requests/{id}/assign", P::triage_requests, pages::request_assign_submit);
    r.page("GET", "/requests/{id}/agreement", P::use_outreach, pages::agreement_new);
    r.page("POST", "/requests/{id}/agreement", P::use_outreach, pages::agreement_create);
    r.page("POST", "/agreements/{id}/accept", P::use_outreach, pages::agreement_accept);
    r.page("POST", "/agreements/{id}/change-request", P::use_outreach,
           pages::agreement_change_request);
    r.page("POST", "/agreements/{id}/complete", P::triage_requests, pages::agreement_complete);
    r.page("POST", "/agreements/{id}/visits", P::use_outreach, pages::agreement_plan_visit);
    r.page("POST", "/agreements/{id}/progress", P::use_outreach, pages::agreement_progress);
    r.page("POST", "/agreements/{id}/feedback", P::use_outreach, pages::agreement_feedback);
    r.page("GET", "/visits", P::use_outreach, pages::visits_list);
    r.page("GET", "/visits/{id}", P::use_outreach, pages::visit_show);
    r.page("POST", "/visits/{id}/report", P::use_outreach, pages::visit_report);
    r.page("POST", "/visits/{id}/move", P::use_outreach, pages::visit_move);
    r.page("POST", "/visits/{id}/cancel", P::use_outreach, pages::visit_cancel);
    r.page("GET", "/feedback", P::read_feedback, pages::feedback_overview);

    // Traded outreach API (seed 002; api-contract.md Requests, Provision agreements)
    r.json("GET", "/api/v1/requests", P::use_outreach, api::requests_list);
    r.json("GET", "/api/v1/requests.csv", P::use_outreach, api::requests_csv);  // before {id}
    r.json("POST", "/api/v1/requests", P::submit_requests, api::request_create);
    r.json("GET", "/api/v1/requests/{id}", P::use_outreach, api::request_get);
    r.json("PUT", "/api/v1/requests/{id}", P::submit_requests, api::request_update);
    r.json("DELETE", "/api/v1/requests/{id}", P::submit_requests, api::request_delete);
    r.json("POST", "/api/v1/requests/{id}/submit", P::submit_requests, api::request_submit);
    r.json("POST", "/api/v1/requests/{id}/triage", P::triage_requests, api::request_triage);
    r.json("POST", "/api/v1/requests/{id}/resubmit", P::submit_requests, api::request_resubmit);
    r.json("POST", "/api/v1/requests/{id}/cancel", P::submit_requests, api::request_cancel);
    r.json("GET", "/api/v1/requests/{id}/candidates", P::triage_requests,
           api::request_candidates_get);
    r.json("POST", "/api/v1/requests/{id}/assign", P::triage_requests, api::request_assign);
    r.json("POST", "/api/v1/requests/{id}/agreement", P::use_outreach, api::agreement_create);
    r.json("POST", "/api/v1/requests/{id}/agreement/quote", P::use_outreach,
           api::agreement_quote_preview);
    r.json("GET", "/api/v1/agreements/{id}.pdf", P::use_outreach,
           api::agreement_pdf);  // before {id}
    r.json("GET", "/api/v1/agreements/{id}", P::use_outreach, api::agreement_get);
    r.json("GET", "/api/v1/agreements/{id}/quote", P::use_outreach, api::agreement_quote_get);
    r.json("POST", "/api/v1/agreements/{id}/accept", P::use_outreach, api::agreement_accept);
    r.json("POST", "/api/v1/agreements/{id}/change-request", P::use_outreach,
           api::agreement_change_request);
    r.json("PUT", "/api/v1/agreements/{id}/purchase-order", P::use_outreach,
           api::agreement_purchase_order);
    r.json("POST", "/api/v1/agreements/{id}/complete", P::triage_requests, api::agreement_complete);
    r.json("POST", "/api/v1/agreements/{id}/visits", P::use_outreach, api::visit_create);
    r.page("GET", "/term-dates", P::manage_term_dates, pages::term_dates_page);
    r.page("GET", "/term-dates/edit", P::manage_term_dates, pages::term_dates_edit);
    r.page("POST", "/term-dates/edit", P::manage_term_dates, pages::term_dates_save);
    r.page("POST", "/term-dates/import", P::manage_term_dates, pages::term_dates_import_submit);
    r.json("POST", "/api/v1/term-dates/import", P::manage_term_dates, api::term_dates_import);
    r.json("PUT", "/api/v1/term-dates/{la_code}", P::manage_term_dates, api::term_dates_put);
    r.json("GET", "/api/v1/term-dates/{la_code}", P::signed_in, api::term_dates_get);
    r.json("GET", "/api/v1/school-days", P::signed_in, api::school_days_get);
    r.json("GET", "/api/v1/agreements/{id}/progress", P::use_outreach, api::progress_list);
    r.json("POST", "/api/v1/agreements/{id}/outcomes/{oid}/progress", P::use_outreach,
           api::progress_create);
    r.json("POST", "/api/v1/agreements/{id}/feedback", P::use_outreach, api::feedback_create);
    r.json("GET", "/api/v1/feedback", P::read_feedback, api::feedback_list);
    r.json("GET", "/api/v1/visits/mine", P::use_outreach, api::visits_mine);
    r.json("POST", "/api/v1/visits/{id}/report", P::use_outreach, api::visit_report_create);
    r.json("PUT", "/api/v1/visits/{id}", P::use_outreach, api::visit_move);
    r.json("POST", "/api/v1/visits/{id}/cancel", P::use_outreach, api::visit_cancel);
    r.json("GET", "/api/v1/visits/{id}/report", P::use_outreach, api::visit_report_get);
    r.json("GET", "/api/v1/visits/{id}/report.pdf", P::use_outreach, api::visit_report_pdf);
}

}  // namespace sendhub
