#pragma once
// /api/v1 handlers: JSON in, JSON out (api-contract.md). Routes: src/app/routes.cpp.
#include "adapter/request_context.hpp"
#include "http/message.hpp"

namespace sendhub::api {

using http::Response;

Response healthz(RequestContext& ctx);
Response openapi(RequestContext& ctx);

Response login(RequestContext& ctx);
Response logout(RequestContext& ctx);
Response password_reset_request(RequestContext& ctx);
Response password_reset_complete(RequestContext& ctx);
Response me(RequestContext& ctx);
Response change_password(RequestContext& ctx);
Response mfa_get(RequestContext& ctx);
Response mfa_setup(RequestContext& ctx);
Response mfa_confirm(RequestContext& ctx);
Response mfa_settings_get(RequestContext& ctx);
Response mfa_settings_put(RequestContext& ctx);
Response user_mfa_reset(RequestContext& ctx);
Response subject_access_search(RequestContext& ctx);
Response subject_access_export(RequestContext& ctx);
Response retention_get(RequestContext& ctx);

Response users_list(RequestContext& ctx);
Response user_create(RequestContext& ctx);
Response user_get(RequestContext& ctx);
Response user_change_role(RequestContext& ctx);
Response user_password_reset(RequestContext& ctx);
Response user_deactivate(RequestContext& ctx);
Response user_reactivate(RequestContext& ctx);

Response schools_list(RequestContext& ctx);
Response school_create(RequestContext& ctx);
Response school_get(RequestContext& ctx);
Response school_update(RequestContext& ctx);

Response school_history_get(RequestContext& ctx);

Response partnerships_list(RequestContext& ctx);
Response partnership_create(RequestContext& ctx);
Response partnership_get(RequestContext& ctx);
Response partnership_update(RequestContext& ctx);
Response partnership_end(RequestContext& ctx);

Response public_offer(RequestContext& ctx);
Response public_school_get(RequestContext& ctx);
Response enquiry_create(RequestContext& ctx);
Response enquiries_list(RequestContext& ctx);
Response enquiry_get(RequestContext& ctx);
Response enquiry_assign(RequestContext& ctx);
Response enquiry_note(RequestContext& ctx);
Response enquiry_close(RequestContext& ctx);

Response registration_create(RequestContext& ctx);
Response registration_verify(RequestContext& ctx);
Response registrations_list(RequestContext& ctx);
Response registration_approve(RequestContext& ctx);
Response registration_reject(RequestContext& ctx);
Response invitation_create(RequestContext& ctx);
Response invitations_list(RequestContext& ctx);
Response invitation_revoke(RequestContext& ctx);
Response invitation_accept(RequestContext& ctx);

Response school_dsl_get(RequestContext& ctx);
Response school_dsl_put(RequestContext& ctx);
Response concern_raise(RequestContext& ctx);
Response concerns_list(RequestContext& ctx);
Response concern_get(RequestContext& ctx);
Response concern_acknowledge(RequestContext& ctx);

Response events_create(RequestContext& ctx);
Response event_series_create(RequestContext& ctx);
Response events_list(RequestContext& ctx);
Response public_events_list(RequestContext& ctx);
Response event_get(RequestContext& ctx);
Response event_ics_get(RequestContext& ctx);
Response event_series_get(RequestContext& ctx);
Response event_booking_create(RequestContext& ctx);
Response event_bookings_list(RequestContext& ctx);
Response booking_get(RequestContext& ctx);
Response booking_cancel(RequestContext& ctx);
Response event_register(RequestContext& ctx);
Response booking_certificate(RequestContext& ctx);
Response booking_feedback_create(RequestContext& ctx);
Response event_feedback_get(RequestContext& ctx);

Response practitioners_list(RequestContext& ctx);
Response practitioner_create(RequestContext& ctx);
Response practitioner_get(RequestContext& ctx);
Response practitioner_update(RequestContext& ctx);

Response audit_list(RequestContext& ctx);

Response term_dates_put(RequestContext& ctx);
Response term_dates_import(RequestContext& ctx);
Response notifications_list(RequestContext& ctx);
Response my_waiting(RequestContext& ctx);
Response notification_read(RequestContext& ctx);
Response term_dates_get(RequestContext& ctx);
Response school_days_get(RequestContext& ctx);

Response requests_list(RequestContext& ctx);
Response request_create(RequestContext& ctx);
Response requests_csv(RequestContext& ctx);
Response request_delete(RequestContext& ctx);
Response request_get(RequestContext& ctx);
Response request_update(RequestContext& ctx);
Response request_submit(RequestContext& ctx);
Response request_triage(RequestContext& ctx);
Response request_resubmit(RequestContext& ctx);
Response request_cancel(RequestContext& ctx);
Response request_assign(RequestContext& ctx);
Response request_candidates_get(RequestContext& ctx);
Response agreement_create(RequestContext& ctx);
Response agreement_get(RequestContext& ctx);
Response agreement_quote_get(RequestContext& ctx);
Response agreement_accept(RequestContext& ctx);
Response agreement_quote_preview(RequestContext& ctx);
Response agreement_change_request(RequestContext& ctx);
Response agreement_purchase_order(RequestContext& ctx);
Response agreement_complete(RequestContext& ctx);
Response visit_create(RequestContext& ctx);
Response visit_move(RequestContext& ctx);
Response visit_cancel(RequestContext& ctx);
Response visits_mine(RequestContext& ctx);
Response visit_report_create(RequestContext& ctx);
Response visit_report_get(RequestContext& ctx);
Response visit_report_pdf(RequestContext& ctx);
Response agreement_pdf(RequestContext& ctx);
Response progress_create(RequestContext& ctx);
Response progress_list(RequestContext& ctx);
Response feedback_create(RequestContext& ctx);
Response feedback_list(RequestContext& ctx);

Response tariffs_list(RequestContext& ctx);
Response tariff_create(RequestContext& ctx);

Response invoices_run(RequestContext& ctx);
Response invoices_list(RequestContext& ctx);
Response invoice_get(RequestContext& ctx);
Response invoice_pdf(RequestContext& ctx);
Response invoices_csv(RequestContext& ctx);
Response invoices_xlsx(RequestContext& ctx);
Response invoice_pay(RequestContext& ctx);
Response invoice_payment_create(RequestContext& ctx);
Response credit_note_pdf(RequestContext& ctx);
Response trust_settings_get(RequestContext& ctx);
Response trust_settings_put(RequestContext& ctx);
Response invoice_credit(RequestContext& ctx);
Response school_statement_get(RequestContext& ctx);
Response packages_list(RequestContext& ctx);
Response package_create(RequestContext& ctx);
Response package_get(RequestContext& ctx);
Response finance_summary_get(RequestContext& ctx);
Response availability_get(RequestContext& ctx);
Response availability_put(RequestContext& ctx);
Response leave_create(RequestContext& ctx);
Response leave_delete(RequestContext& ctx);
Response plan_propose(RequestContext& ctx);
Response plan_accept(RequestContext& ctx);
Response calendar_get(RequestContext& ctx);
Response calendar_feed_create(RequestContext& ctx);
Response calendar_feed_delete(RequestContext& ctx);
Response calendar_feed_ics(RequestContext& ctx);

}  // namespace sendhub::api
