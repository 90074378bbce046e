#pragma once
// Page handlers (HTML). Each adapts a request to a service call and renders the result;
// routes are listed in src/app/routes.cpp.
#include "adapter/request_context.hpp"
#include "http/message.hpp"

namespace sendhub::pages {

using http::Response;

Response login_form(RequestContext& ctx);
Response help_page(RequestContext& ctx);
// The public front door
Response offer_page(RequestContext& ctx);
Response contact_page(RequestContext& ctx);
Response contact_submit(RequestContext& ctx);
Response contact_sent(RequestContext& ctx);
Response register_page(RequestContext& ctx);
Response register_submit(RequestContext& ctx);
Response register_sent(RequestContext& ctx);
Response register_verify(RequestContext& ctx);
Response invitation_accept_form(RequestContext& ctx);
Response invitation_accept_submit(RequestContext& ctx);

// Training and events
Response events_page(RequestContext& ctx);
Response event_new(RequestContext& ctx);
Response event_create_page(RequestContext& ctx);
Response event_page(RequestContext& ctx);
Response event_ics_page(RequestContext& ctx);
Response event_book_page(RequestContext& ctx);
Response booking_cancel_page(RequestContext& ctx);
Response event_register_page(RequestContext& ctx);
Response booking_certificate_page(RequestContext& ctx);
Response booking_feedback_form(RequestContext& ctx);
Response booking_feedback_submit(RequestContext& ctx);

// Safeguarding concerns and the school's DSL
Response concerns_page(RequestContext& ctx);
Response concern_page(RequestContext& ctx);
Response concern_acknowledge_page(RequestContext& ctx);
Response concern_form(RequestContext& ctx);
Response concern_raise_page(RequestContext& ctx);
Response dsl_form(RequestContext& ctx);
Response dsl_submit(RequestContext& ctx);

// Partnerships, enquiries and school accounts
Response partnerships_page(RequestContext& ctx);
Response partnership_new(RequestContext& ctx);
Response partnership_create_page(RequestContext& ctx);
Response partnership_page(RequestContext& ctx);
Response partnership_edit(RequestContext& ctx);
Response partnership_update_page(RequestContext& ctx);
Response partnership_end_page(RequestContext& ctx);
Response enquiries_page(RequestContext& ctx);
Response enquiry_page(RequestContext& ctx);
Response enquiry_assign_page(RequestContext& ctx);
Response enquiry_note_page(RequestContext& ctx);
Response enquiry_close_page(RequestContext& ctx);
Response registrations_page(RequestContext& ctx);
Response registration_approve_page(RequestContext& ctx);
Response registration_reject_page(RequestContext& ctx);
Response invitations_page(RequestContext& ctx);
Response invitation_create_page(RequestContext& ctx);
Response invitation_revoke_page(RequestContext& ctx);
Response privacy_page(RequestContext& ctx);
Response accessibility_page(RequestContext& ctx);
Response login_submit(RequestContext& ctx);
Response logout(RequestContext& ctx);
Response password_reset_form(RequestContext& ctx);
Response password_reset_submit(RequestContext& ctx);
Response new_password_form(RequestContext& ctx);
Response new_password_submit(RequestContext& ctx);
Response password_form(RequestContext& ctx);
// Two-step sign-in
Response login_mfa_form(RequestContext& ctx);
Response login_mfa_submit(RequestContext& ctx);
Response account_mfa_page(RequestContext& ctx);
Response account_mfa_setup(RequestContext& ctx);
Response account_mfa_confirm(RequestContext& ctx);
Response user_mfa_reset_page(RequestContext& ctx);
Response mfa_settings_page(RequestContext& ctx);
Response mfa_settings_save(RequestContext& ctx);
// Subject access and retention
Response subject_access_page(RequestContext& ctx);
Response subject_access_search_page(RequestContext& ctx);
Response subject_access_export_page(RequestContext& ctx);
Response retention_page(RequestContext& ctx);
Response password_submit(RequestContext& ctx);

Response home(RequestContext& ctx);

Response users_list(RequestContext& ctx);
Response user_new(RequestContext& ctx);
Response user_create(RequestContext& ctx);
Response user_show(RequestContext& ctx);
Response user_change_role(RequestContext& ctx);
Response user_password_reset(RequestContext& ctx);
Response user_deactivate(RequestContext& ctx);
Response user_reactivate(RequestContext& ctx);

Response schools_list(RequestContext& ctx);
Response school_new(RequestContext& ctx);
Response school_create(RequestContext& ctx);
Response school_show(RequestContext& ctx);
Response school_edit(RequestContext& ctx);
Response school_update(RequestContext& ctx);

Response practitioners_list(RequestContext& ctx);
Response practitioner_new(RequestContext& ctx);
Response practitioner_create(RequestContext& ctx);
Response practitioner_show(RequestContext& ctx);
Response practitioner_edit(RequestContext& ctx);
Response practitioner_update(RequestContext& ctx);

Response audit_list(RequestContext& ctx);

Response requests_list(RequestContext& ctx);
Response request_new(RequestContext& ctx);
Response request_create(RequestContext& ctx);
Response request_show(RequestContext& ctx);
Response request_edit(RequestContext& ctx);
Response request_update(RequestContext& ctx);
Response request_triage(RequestContext& ctx);
Response request_cancel(RequestContext& ctx);
Response request_delete(RequestContext& ctx);
Response request_assign(RequestContext& ctx);
Response request_assign_submit(RequestContext& ctx);
Response agreement_new(RequestContext& ctx);
Response agreement_create(RequestContext& ctx);
Response agreement_accept(RequestContext& ctx);
Response agreement_change_request(RequestContext& ctx);
Response agreement_complete(RequestContext& ctx);
Response agreement_plan_visit(RequestContext& ctx);
Response agreement_progress(RequestContext& ctx);
Response agreement_feedback(RequestContext& ctx);
Response visits_list(RequestContext& ctx);
Response visit_show(RequestContext& ctx);
Response visit_report(RequestContext& ctx);
Response visit_move(RequestContext& ctx);
Response visit_cancel(RequestContext& ctx);
Response feedback_overview(RequestContext& ctx);
Response tariffs(RequestContext& ctx);
Response tariff_add(RequestContext& ctx);
Response invoices_page(RequestContext& ctx);
Response invoices_run_submit(RequestContext& ctx);
Response invoice_page(RequestContext& ctx);
Response invoice_credit_submit(RequestContext& ctx);
Response invoice_payment_submit(RequestContext& ctx);
Response trust_settings_page(RequestContext& ctx);
Response trust_settings_save(RequestContext& ctx);
Response statement_page(RequestContext& ctx);
Response packages_page(RequestContext& ctx);
Response package_create_submit(RequestContext& ctx);
Response finance_page(RequestContext& ctx);
Response availability_page(RequestContext& ctx);
Response availability_save(RequestContext& ctx);
Response leave_add(RequestContext& ctx);
Response leave_remove(RequestContext& ctx);
Response plan_page(RequestContext& ctx);
Response plan_submit(RequestContext& ctx);
Response plan_accept_submit(RequestContext& ctx);
Response calendar_page(RequestContext& ctx);
Response term_dates_page(RequestContext& ctx);
Response inbox_page(RequestContext& ctx);
Response inbox_open(RequestContext& ctx);
Response inbox_read(RequestContext& ctx);
Response term_dates_edit(RequestContext& ctx);
Response term_dates_save(RequestContext& ctx);
Response term_dates_import_submit(RequestContext& ctx);
Response calendar_feed_submit(RequestContext& ctx);
Response calendar_feed_revoke_submit(RequestContext& ctx);

}  // namespace sendhub::pages
