#include "app/routes.hpp"

#include "api/handlers.hpp"
#include "api/insight_handlers.hpp"
#include "api/peer_review_handlers.hpp"
#include "api/resource_handlers.hpp"
#include "api/school_data_handlers.hpp"
#include "api/screening_handlers.hpp"
#include "api/slcn_handlers.hpp"
#include "web/early_identification_handlers.hpp"
#include "web/handlers.hpp"
#include "web/insight_handlers.hpp"
#include "web/peer_review_handlers.hpp"
#include "web/resource_handlers.hpp"
#include "web/school_data_handlers.hpp"

namespace sendhub {

http::Router<Route> make_router() {
    http::Router<Route> r;
    using P = Permission;
    // Routes that check a password (argon2id) pass Lane::sign_in: they run on the sign-in threads.
    auto page = [&](const char* method, const char* path, std::optional<P> permission, auto handler,
                    Lane lane = Lane::ordinary) {
        r.add(method, path, Route{Surface::page, permission, handler, lane});
    };
    auto json = [&](const char* method, const char* path, std::optional<P> permission, auto handler,
                    Lane lane = Lane::ordinary) {
        r.add(method, path, Route{Surface::api, permission, handler, lane});
    };
    // Routes that take a file: multipart/form-data bodies up to the upload limit.
    auto upload = [&](Surface surface, const char* method, const char* path,
                      std::optional<P> permission, auto handler) {
        r.add(method, path, Route{surface, permission, handler, Lane::ordinary, true});
    };

    // Health and API description
    json("GET", "/healthz", std::nullopt, api::healthz);
    json("GET", "/api/v1/openapi.yaml", std::nullopt, api::openapi);

    // Signing in and out
    page("GET", "/login", std::nullopt, pages::login_form);
    page("GET", "/help", std::nullopt, pages::help_page);
    // The public front door: no sign-in. Registering and accepting an invitation hash a
    // password, so they run on the sign-in threads.
    page("GET", "/offer", std::nullopt, pages::offer_page);
    page("GET", "/contact", std::nullopt, pages::contact_page);
    page("POST", "/contact", std::nullopt, pages::contact_submit);
    page("GET", "/contact/sent", std::nullopt, pages::contact_sent);
    page("GET", "/register", std::nullopt, pages::register_page);
    page("POST", "/register", std::nullopt, pages::register_submit, Lane::sign_in);
    page("GET", "/register/sent", std::nullopt, pages::register_sent);
    page("GET", "/register/verify", std::nullopt, pages::register_verify);
    page("GET", "/invitations/accept", std::nullopt, pages::invitation_accept_form);
    page("POST", "/invitations/accept", std::nullopt, pages::invitation_accept_submit,
         Lane::sign_in);
    json("GET", "/api/v1/public/offer", std::nullopt, api::public_offer);
    json("GET", "/api/v1/public/schools/{urn}", std::nullopt, api::public_school_get);
    json("POST", "/api/v1/enquiries", std::nullopt, api::enquiry_create);
    json("POST", "/api/v1/registrations", std::nullopt, api::registration_create, Lane::sign_in);
    json("POST", "/api/v1/registrations/verify", std::nullopt, api::registration_verify);
    json("POST", "/api/v1/invitations/accept", std::nullopt, api::invitation_accept, Lane::sign_in);
    page("GET", "/privacy", std::nullopt, pages::privacy_page);
    page("GET", "/accessibility", std::nullopt, pages::accessibility_page);
    page("POST", "/login", std::nullopt, pages::login_submit, Lane::sign_in);
    page("POST", "/logout", P::signed_in, pages::logout);
    page("GET", "/login/mfa", std::nullopt, pages::login_mfa_form);
    page("POST", "/login/mfa", std::nullopt, pages::login_mfa_submit, Lane::sign_in);
    page("GET", "/account/mfa", P::signed_in, pages::account_mfa_page);
    page("POST", "/account/mfa/setup", P::signed_in, pages::account_mfa_setup, Lane::sign_in);
    page("POST", "/account/mfa/confirm", P::signed_in, pages::account_mfa_confirm);
    json("GET", "/api/v1/me/mfa", P::signed_in, api::mfa_get);
    json("POST", "/api/v1/me/mfa/setup", P::signed_in, api::mfa_setup, Lane::sign_in);
    json("POST", "/api/v1/me/mfa/confirm", P::signed_in, api::mfa_confirm);
    json("GET", "/api/v1/settings/mfa", P::manage_users, api::mfa_settings_get);
    json("PUT", "/api/v1/settings/mfa", P::manage_users, api::mfa_settings_put);
    page("GET", "/settings/mfa", P::manage_users, pages::mfa_settings_page);
    json("POST", "/api/v1/subject-access/search", P::answer_subject_access,
         api::subject_access_search);
    json("POST", "/api/v1/subject-access/export", P::answer_subject_access,
         api::subject_access_export);
    json("GET", "/api/v1/retention", P::read_retention, api::retention_get);
    page("GET", "/subject-access", P::answer_subject_access, pages::subject_access_page);
    page("POST", "/subject-access", P::answer_subject_access, pages::subject_access_search_page);
    page("POST", "/subject-access/export", P::answer_subject_access,
         pages::subject_access_export_page);
    page("GET", "/retention", P::read_retention, pages::retention_page);
    page("POST", "/settings/mfa", P::manage_users, pages::mfa_settings_save);
    page("GET", "/account/password", P::signed_in, pages::password_form);
    page("POST", "/account/password", P::signed_in, pages::password_submit, Lane::sign_in);
    json("POST", "/api/v1/login", std::nullopt, api::login, Lane::sign_in);
    json("POST", "/api/v1/password-reset", std::nullopt, api::password_reset_request);
    json("POST", "/api/v1/password-reset/{token}", std::nullopt, api::password_reset_complete,
         Lane::sign_in);
    page("GET", "/password-reset", std::nullopt, pages::password_reset_form);
    page("POST", "/password-reset", std::nullopt, pages::password_reset_submit);
    page("GET", "/password-reset/{token}", std::nullopt, pages::new_password_form);
    page("POST", "/password-reset/{token}", std::nullopt, pages::new_password_submit,
         Lane::sign_in);
    json("POST", "/api/v1/logout", P::signed_in, api::logout);
    json("GET", "/api/v1/me", P::signed_in, api::me);
    json("GET", "/api/v1/me/waiting", P::signed_in, api::my_waiting);
    json("POST", "/api/v1/me/password", P::signed_in, api::change_password, Lane::sign_in);

    page("GET", "/", P::signed_in, pages::home);

    // Each person's inbox: every email sendhub sent them
    page("GET", "/inbox", P::signed_in, pages::inbox_page);
    page("POST", "/inbox/{id}/open", P::signed_in, pages::inbox_open);
    page("POST", "/inbox/{id}/read", P::signed_in, pages::inbox_read);
    json("GET", "/api/v1/notifications", P::signed_in, api::notifications_list);
    json("POST", "/api/v1/notifications/{id}/read", P::signed_in, api::notification_read);

    // Users (admin)
    page("GET", "/users", P::manage_users, pages::users_list);
    page("GET", "/users/new", P::manage_users, pages::user_new);
    page("POST", "/users", P::manage_users, pages::user_create);
    page("GET", "/users/{id}", P::manage_users, pages::user_show);
    page("POST", "/users/{id}/role", P::manage_users, pages::user_change_role);
    page("POST", "/users/{id}/deactivate", P::manage_users, pages::user_deactivate);
    page("POST", "/users/{id}/password-reset", P::manage_users, pages::user_password_reset);
    page("POST", "/users/{id}/reactivate", P::manage_users, pages::user_reactivate);
    page("POST", "/users/{id}/mfa/reset", P::manage_users, pages::user_mfa_reset_page);
    json("GET", "/api/v1/users", P::manage_users, api::users_list);
    json("POST", "/api/v1/users", P::manage_users, api::user_create);
    json("GET", "/api/v1/users/{id}", P::manage_users, api::user_get);
    json("POST", "/api/v1/users/{id}/role", P::manage_users, api::user_change_role);
    json("POST", "/api/v1/users/{id}/deactivate", P::manage_users, api::user_deactivate);
    json("POST", "/api/v1/users/{id}/password-reset", P::manage_users, api::user_password_reset);
    json("POST", "/api/v1/users/{id}/reactivate", P::manage_users, api::user_reactivate);
    json("POST", "/api/v1/users/{id}/mfa/reset", P::manage_users, api::user_mfa_reset);

    // Schools
    page("GET", "/schools", P::read_schools, pages::schools_list);
    page("GET", "/schools/new", P::manage_schools, pages::school_new);
    page("POST", "/schools", P::manage_schools, pages::school_create);
    page("GET", "/schools/{urn}", P::read_schools, pages::school_show);
    page("GET", "/schools/{urn}/edit", P::manage_schools, pages::school_edit);
    page("POST", "/schools/{urn}", P::manage_schools, pages::school_update);
    json("GET", "/api/v1/schools", P::read_schools, api::schools_list);
    json("POST", "/api/v1/schools", P::manage_schools, api::school_create);
    json("GET", "/api/v1/schools/{urn}", P::read_schools, api::school_get);
    json("PUT", "/api/v1/schools/{urn}", P::manage_schools, api::school_update);
    json("GET", "/api/v1/schools/{urn}/history", P::read_school_history, api::school_history_get);

    // Partnerships
    page("GET", "/partnerships", P::read_partnerships, pages::partnerships_page);
    page("GET", "/partnerships/new", P::manage_partnerships, pages::partnership_new);
    page("POST", "/partnerships", P::manage_partnerships, pages::partnership_create_page);
    page("GET", "/partnerships/{id}", P::read_partnerships, pages::partnership_page);
    page("GET", "/partnerships/{id}/edit", P::manage_partnerships, pages::partnership_edit);
    page("POST", "/partnerships/{id}", P::manage_partnerships, pages::partnership_update_page);
    page("POST", "/partnerships/{id}/end", P::manage_partnerships, pages::partnership_end_page);
    json("GET", "/api/v1/partnerships", P::read_partnerships, api::partnerships_list);
    json("POST", "/api/v1/partnerships", P::manage_partnerships, api::partnership_create);
    json("GET", "/api/v1/partnerships/{id}", P::read_partnerships, api::partnership_get);
    json("PUT", "/api/v1/partnerships/{id}", P::manage_partnerships, api::partnership_update);
    json("POST", "/api/v1/partnerships/{id}/end", P::manage_partnerships, api::partnership_end);

    // Safeguarding concerns, handed over to the school's designated safeguarding lead
    page("GET", "/concerns", P::read_concerns, pages::concerns_page);
    page("GET", "/concerns/{id}", P::read_concerns, pages::concern_page);
    page("POST", "/concerns/{id}/acknowledge", P::read_concerns, pages::concern_acknowledge_page);
    page("GET", "/visits/{id}/concern", P::raise_concerns, pages::concern_form);
    page("POST", "/visits/{id}/concern", P::raise_concerns, pages::concern_raise_page);
    page("GET", "/schools/{urn}/dsl", P::manage_dsl, pages::dsl_form);
    page("POST", "/schools/{urn}/dsl", P::manage_dsl, pages::dsl_submit);
    json("GET", "/api/v1/schools/{urn}/dsl", P::manage_dsl, api::school_dsl_get);
    json("PUT", "/api/v1/schools/{urn}/dsl", P::manage_dsl, api::school_dsl_put);
    json("POST", "/api/v1/visits/{id}/concerns", P::raise_concerns, api::concern_raise);
    json("GET", "/api/v1/concerns", P::read_concerns, api::concerns_list);
    json("GET", "/api/v1/concerns/{id}", P::read_concerns, api::concern_get);
    json("POST", "/api/v1/concerns/{id}/acknowledge", P::read_concerns, api::concern_acknowledge);

    // Training and events: the listing is public; booking needs a school's sign-in
    page("GET", "/events", std::nullopt, pages::events_page);
    page("GET", "/events/new", P::organise_events, pages::event_new);  // before {id}
    page("POST", "/events", P::organise_events, pages::event_create_page);
    page("GET", "/events/{id}.ics", P::signed_in, pages::event_ics_page);  // before {id}
    page("GET", "/events/{id}", P::signed_in, pages::event_page);
    page("POST", "/events/{id}/bookings", P::signed_in, pages::event_book_page);
    page("POST", "/events/{id}/register", P::organise_events, pages::event_register_page);
    page("POST", "/bookings/{id}/cancel", P::signed_in, pages::booking_cancel_page);
    page("GET", "/bookings/{id}/certificate.pdf", P::signed_in, pages::booking_certificate_page);
    page("GET", "/bookings/{id}/feedback", P::signed_in, pages::booking_feedback_form);
    page("POST", "/bookings/{id}/feedback", P::signed_in, pages::booking_feedback_submit);
    // Trust-wide SEND insight from the census: who reads what is core's insight_access.
    page("GET", "/insight", P::signed_in, pages::insight_trust_page);
    page("GET", "/insight/schools/{urn}", P::signed_in, pages::insight_school_page);
    page("GET", "/insight/local-authorities/{la_code}", P::signed_in,
         pages::insight_local_authority_page);
    json("GET", "/api/v1/insight/schools/{urn}", P::signed_in, api::insight_school);
    json("GET", "/api/v1/insight/local-authorities/{la_code}", P::signed_in,
         api::insight_local_authority);
    json("GET", "/api/v1/insight/england", P::signed_in, api::insight_england);
    json("GET", "/api/v1/insight/trust.csv", P::signed_in, api::insight_trust_csv);  // before trust
    json("GET", "/api/v1/insight/trust", P::signed_in, api::insight_trust);
    // Schools' termly returns and self-evaluation: who reads and writes is core's
    // school_data_access, applied by the service.
    page("GET", "/insight/returns", P::signed_in, pages::school_returns_page);
    page("POST", "/insight/returns", P::signed_in, pages::school_return_submit);
    upload(Surface::page, "POST", "/insight/returns/import", P::signed_in,
           pages::school_returns_import_page);
    page("GET", "/insight/frameworks", P::signed_in, pages::frameworks_page);
    page("POST", "/insight/frameworks", P::signed_in, pages::framework_create_page);
    page("GET", "/insight/frameworks/{id}", P::signed_in, pages::framework_page);
    page("POST", "/insight/frameworks/{id}/self-evaluation", P::signed_in,
         pages::self_evaluation_submit);
    json("POST", "/api/v1/school-returns/import", P::signed_in, api::school_returns_import);
    json("POST", "/api/v1/school-returns", P::signed_in, api::school_return_save);
    json("GET", "/api/v1/school-returns", P::signed_in, api::school_returns_list);
    json("POST", "/api/v1/frameworks", P::signed_in, api::framework_create);
    json("GET", "/api/v1/frameworks", P::signed_in, api::frameworks_list);
    json("GET", "/api/v1/frameworks/{id}/summary", P::signed_in, api::framework_summary);
    json("GET", "/api/v1/frameworks/{id}", P::signed_in, api::framework_get);
    json("POST", "/api/v1/self-evaluations", P::signed_in, api::self_evaluation_save);
    json("GET", "/api/v1/self-evaluations", P::signed_in, api::self_evaluations_list);
    json("GET", "/api/v1/self-evaluations/{id}", P::signed_in, api::self_evaluation_get);

    // Peer review clusters: who sees and does what is core's review_rights, applied by the
    // service.
    page("GET", "/clusters", P::signed_in, pages::clusters_page);
    page("POST", "/clusters", P::signed_in, pages::cluster_create_page);
    page("GET", "/clusters/{id}", P::signed_in, pages::cluster_page);
    page("POST", "/clusters/{id}/partnership-days", P::signed_in, pages::partnership_day_submit);
    page("POST", "/clusters/{id}/reality-goals", P::signed_in, pages::reality_goals_submit);
    page("POST", "/clusters/{id}/reviews", P::signed_in, pages::review_create_page);
    page("GET", "/reviews/{id}", P::signed_in, pages::review_page);
    page("GET", "/reviews/{id}/report.pdf", P::signed_in, pages::review_report);
    page("POST", "/reviews/{id}/lines", P::signed_in, pages::review_line_submit);
    page("POST", "/reviews/{id}/findings", P::signed_in, pages::review_finding_submit);
    page("POST", "/reviews/{id}/publish", P::signed_in, pages::review_publish_submit);
    page("POST", "/reviews/{id}/actions", P::signed_in, pages::review_action_submit);
    page("POST", "/reviews/{id}/follow-ups", P::signed_in, pages::review_follow_up_submit);
    json("POST", "/api/v1/clusters", P::signed_in, api::cluster_create);
    json("GET", "/api/v1/clusters", P::signed_in, api::clusters_list);
    json("GET", "/api/v1/clusters/{id}/themes", P::signed_in, api::cluster_themes_get);
    json("GET", "/api/v1/clusters/{id}", P::signed_in, api::cluster_get);
    json("POST", "/api/v1/clusters/{id}/partnership-days", P::signed_in,
         api::cluster_partnership_day);
    json("POST", "/api/v1/clusters/{id}/reality-goals", P::signed_in, api::cluster_reality_goals);
    json("POST", "/api/v1/reviews", P::signed_in, api::review_create);
    json("GET", "/api/v1/reviews", P::signed_in, api::reviews_list);
    json("GET", "/api/v1/reviews/{id}", P::signed_in, api::review_get);
    json("POST", "/api/v1/reviews/{id}/lines", P::signed_in, api::review_line_add);
    json("POST", "/api/v1/reviews/{id}/findings", P::signed_in, api::review_finding_add);
    json("POST", "/api/v1/reviews/{id}/publish", P::signed_in, api::review_publish);
    json("POST", "/api/v1/reviews/{id}/actions", P::signed_in, api::review_action_add);
    json("POST", "/api/v1/reviews/{id}/actions/{action_id}/follow-ups", P::signed_in,
         api::review_follow_up_add);

    // Speech and language screening rounds: who reads and writes is service/slcn_service.
    json("POST", "/api/v1/screening-rounds", P::signed_in, api::screening_round_create);
    json("GET", "/api/v1/screening-rounds.csv", P::signed_in, api::screening_rounds_csv);
    json("GET", "/api/v1/screening-rounds", P::signed_in, api::screening_rounds_list);
    json("PUT", "/api/v1/screening-rounds/{id}", P::signed_in, api::screening_round_update);
    json("GET", "/api/v1/screening-rounds/{id}", P::signed_in, api::screening_round_get);
    json("GET", "/api/v1/screening-summary", P::signed_in, api::screening_summary);
    page("GET", "/screening", P::signed_in, pages::screening_page);
    page("GET", "/screening/new", P::signed_in, pages::screening_new_page);
    page("POST", "/screening/new", P::signed_in, pages::screening_create_page);
    page("GET", "/slcn", P::signed_in, pages::slcn_page);
    page("POST", "/slcn/therapists", P::signed_in, pages::therapist_submit);
    page("POST", "/slcn/audits", P::signed_in, pages::audit_create_page);
    page("GET", "/slcn/audits/{id}", P::signed_in, pages::audit_page);
    page("POST", "/slcn/audits/{id}/actions/{action_id}", P::signed_in, pages::audit_action_submit);
    // Named therapists and provision audits: service/slcn_service decides who sees which school.
    json("PUT", "/api/v1/schools/{urn}/therapist", P::signed_in, api::therapist_put);
    json("GET", "/api/v1/schools/{urn}/therapist", P::signed_in, api::therapist_get);
    json("POST", "/api/v1/slcn-audits", P::signed_in, api::slcn_audit_create);
    json("GET", "/api/v1/slcn-audits", P::signed_in, api::slcn_audits_list);
    json("GET", "/api/v1/slcn-audits/{id}", P::signed_in, api::slcn_audit_get);
    json("POST", "/api/v1/slcn-audits/{id}/actions/{action_id}", P::signed_in,
         api::slcn_audit_action_update);

    // The resource hub: who may publish and who sees each resource is the service's to decide.
    page("GET", "/resources", P::signed_in, pages::resources_page);
    page("GET", "/resources/new", P::signed_in, pages::resource_new);  // before {id}
    upload(Surface::page, "POST", "/resources", P::signed_in, pages::resource_create_page);
    page("GET", "/resources/{id}", P::signed_in, pages::resource_page);
    upload(Surface::page, "POST", "/resources/{id}/versions", P::signed_in,
           pages::resource_version_page);
    // Downloads of public resources work without signing in (the hub's links).
    page("GET", "/resources/{id}/file", std::nullopt, pages::resource_file_page);
    page("GET", "/resources/{id}/versions/{n}/file", std::nullopt,
         pages::resource_version_file_page);
    page("GET", "/hub/autism", std::nullopt, pages::autism_hub_page);
    json("GET", "/api/v1/resources", P::signed_in, api::resources_list);
    upload(Surface::api, "POST", "/api/v1/resources", P::signed_in, api::resource_create);
    json("GET", "/api/v1/resources/{id}", P::signed_in, api::resource_get);
    upload(Surface::api, "POST", "/api/v1/resources/{id}/versions", P::signed_in,
           api::resource_version_create);
    json("GET", "/api/v1/resources/{id}/file", P::signed_in, api::resource_file);
    json("GET", "/api/v1/resources/{id}/versions/{n}/file", P::signed_in,
         api::resource_version_file);
    json("GET", "/api/v1/public/resources", std::nullopt, api::public_resources_list);
    json("GET", "/api/v1/public/resources/{id}", std::nullopt, api::public_resource_get);
    json("GET", "/api/v1/public/resources/{id}/file", std::nullopt, api::public_resource_file);

    json("GET", "/api/v1/public/events", std::nullopt, api::public_events_list);
    json("POST", "/api/v1/events", P::organise_events, api::events_create);
    json("GET", "/api/v1/events", P::signed_in, api::events_list);
    json("GET", "/api/v1/events/{id}.ics", P::signed_in, api::event_ics_get);  // before {id}
    json("GET", "/api/v1/events/{id}", P::signed_in, api::event_get);
    json("POST", "/api/v1/event-series", P::organise_events, api::event_series_create);
    json("GET", "/api/v1/event-series/{id}", P::signed_in, api::event_series_get);
    json("POST", "/api/v1/events/{id}/bookings", P::signed_in, api::event_booking_create);
    json("GET", "/api/v1/events/{id}/bookings", P::signed_in, api::event_bookings_list);
    json("POST", "/api/v1/events/{id}/register", P::organise_events, api::event_register);
    json("GET", "/api/v1/events/{id}/feedback", P::organise_events, api::event_feedback_get);
    json("GET", "/api/v1/bookings/{id}", P::signed_in, api::booking_get);
    json("POST", "/api/v1/bookings/{id}/cancel", P::signed_in, api::booking_cancel);
    json("GET", "/api/v1/bookings/{id}/certificate.pdf", P::signed_in, api::booking_certificate);
    json("POST", "/api/v1/bookings/{id}/feedback", P::signed_in, api::booking_feedback_create);

    // Enquiries from the contact page
    page("GET", "/enquiries", P::work_enquiries, pages::enquiries_page);
    page("GET", "/enquiries/{id}", P::work_enquiries, pages::enquiry_page);
    page("POST", "/enquiries/{id}/assign", P::work_enquiries, pages::enquiry_assign_page);
    page("POST", "/enquiries/{id}/notes", P::work_enquiries, pages::enquiry_note_page);
    page("POST", "/enquiries/{id}/close", P::work_enquiries, pages::enquiry_close_page);
    json("GET", "/api/v1/enquiries", P::work_enquiries, api::enquiries_list);
    json("GET", "/api/v1/enquiries/{id}", P::work_enquiries, api::enquiry_get);
    json("POST", "/api/v1/enquiries/{id}/assign", P::work_enquiries, api::enquiry_assign);
    json("POST", "/api/v1/enquiries/{id}/notes", P::work_enquiries, api::enquiry_note);
    json("POST", "/api/v1/enquiries/{id}/close", P::work_enquiries, api::enquiry_close);

    // School accounts: registrations and invitations
    page("GET", "/registrations", P::manage_school_accounts, pages::registrations_page);
    page("POST", "/registrations/{id}/approve", P::manage_school_accounts,
         pages::registration_approve_page);
    page("POST", "/registrations/{id}/reject", P::manage_school_accounts,
         pages::registration_reject_page);
    page("GET", "/invitations", P::manage_school_accounts, pages::invitations_page);
    page("POST", "/invitations", P::manage_school_accounts, pages::invitation_create_page);
    page("POST", "/invitations/{id}/revoke", P::manage_school_accounts,
         pages::invitation_revoke_page);
    json("GET", "/api/v1/registrations", P::manage_school_accounts, api::registrations_list);
    json("POST", "/api/v1/registrations/{id}/approve", P::manage_school_accounts,
         api::registration_approve);
    json("POST", "/api/v1/registrations/{id}/reject", P::manage_school_accounts,
         api::registration_reject);
    json("POST", "/api/v1/invitations", P::manage_school_accounts, api::invitation_create);
    json("GET", "/api/v1/invitations", P::manage_school_accounts, api::invitations_list);
    json("POST", "/api/v1/invitations/{id}/revoke", P::manage_school_accounts,
         api::invitation_revoke);

    // Practitioners
    page("GET", "/practitioners", P::read_practitioners, pages::practitioners_list);
    page("GET", "/practitioners/new", P::manage_practitioners, pages::practitioner_new);
    page("POST", "/practitioners", P::manage_practitioners, pages::practitioner_create);
    page("GET", "/practitioners/{id}", P::read_practitioners, pages::practitioner_show);
    page("GET", "/practitioners/{id}/edit", P::manage_practitioners, pages::practitioner_edit);
    page("POST", "/practitioners/{id}", P::manage_practitioners, pages::practitioner_update);
    json("GET", "/api/v1/practitioners", P::read_practitioners, api::practitioners_list);
    json("POST", "/api/v1/practitioners", P::manage_practitioners, api::practitioner_create);
    json("GET", "/api/v1/practitioners/{id}", P::read_practitioners, api::practitioner_get);
    json("PUT", "/api/v1/practitioners/{id}", P::manage_practitioners, api::practitioner_update);
    // Availability, planning and calendars (issue 7); planning_service.cpp decides whose
    json("GET", "/api/v1/practitioners/{id}/availability", P::read_practitioners,
         api::availability_get);
    json("PUT", "/api/v1/practitioners/{id}/availability", P::read_practitioners,
         api::availability_put);
    json("POST", "/api/v1/practitioners/{id}/leave", P::read_practitioners, api::leave_create);
    json("DELETE", "/api/v1/practitioners/{id}/leave/{leave_id}", P::read_practitioners,
         api::leave_delete);
    json("POST", "/api/v1/plans", P::triage_requests, api::plan_propose);
    json("POST", "/api/v1/plans/accept", P::triage_requests, api::plan_accept);
    json("GET", "/api/v1/calendar", P::read_calendars, api::calendar_get);
    json("POST", "/api/v1/calendar/feed", P::read_calendars, api::calendar_feed_create);
    json("DELETE", "/api/v1/calendar/feed", P::read_calendars, api::calendar_feed_delete);
    page("GET", "/practitioners/{id}/availability", P::read_practitioners,
         pages::availability_page);
    page("POST", "/practitioners/{id}/availability", P::read_practitioners,
         pages::availability_save);
    page("POST", "/practitioners/{id}/leave", P::read_practitioners, pages::leave_add);
    page("POST", "/practitioners/{id}/leave/{leave_id}/delete", P::read_practitioners,
         pages::leave_remove);
    page("GET", "/plan", P::triage_requests, pages::plan_page);
    page("POST", "/plan", P::triage_requests, pages::plan_submit);
    page("POST", "/plan/accept", P::triage_requests, pages::plan_accept_submit);
    page("GET", "/calendar", P::read_calendars, pages::calendar_page);
    page("POST", "/calendar/feed", P::read_calendars, pages::calendar_feed_submit);
    page("POST", "/calendar/feed/revoke", P::read_calendars, pages::calendar_feed_revoke_submit);
    // The feed's secret token is its only credential: calendar apps cannot sign in.
    json("GET", "/calendar/feed/{token}.ics", std::nullopt, api::calendar_feed_ics);

    // Audit log (admin)
    page("GET", "/audit", P::read_audit_log, pages::audit_list);
    json("GET", "/api/v1/audit", P::read_audit_log, api::audit_list);

    // Traded outreach pages
    page("GET", "/requests", P::use_outreach, pages::requests_list);
    page("GET", "/requests/new", P::submit_requests, pages::request_new);
    page("POST", "/requests", P::submit_requests, pages::request_create);
    page("GET", "/requests/{id}", P::use_outreach, pages::request_show);
    page("GET", "/requests/{id}/edit", P::submit_requests, pages::request_edit);
    page("POST", "/requests/{id}/edit", P::submit_requests, pages::request_update);
    page("POST", "/requests/{id}/triage", P::triage_requests, pages::request_triage);
    page("POST", "/requests/{id}/cancel", P::submit_requests, pages::request_cancel);
    page("POST", "/requests/{id}/delete", P::submit_requests, pages::request_delete);
    page("GET", "/requests/{id}/assign", P::triage_requests, pages::request_assign);
    page("POST", "/requests/{id}/assign", P::triage_requests, pages::request_assign_submit);
    page("GET", "/requests/{id}/agreement", P::use_outreach, pages::agreement_new);
    page("POST", "/requests/{id}/agreement", P::use_outreach, pages::agreement_create);
    page("POST", "/agreements/{id}/accept", P::use_outreach, pages::agreement_accept);
    page("POST", "/agreements/{id}/change-request", P::use_outreach,
         pages::agreement_change_request);
    page("POST", "/agreements/{id}/complete", P::triage_requests, pages::agreement_complete);
    page("POST", "/agreements/{id}/visits", P::use_outreach, pages::agreement_plan_visit);
    page("POST", "/agreements/{id}/progress", P::use_outreach, pages::agreement_progress);
    page("POST", "/agreements/{id}/feedback", P::use_outreach, pages::agreement_feedback);
    page("GET", "/visits", P::use_outreach, pages::visits_list);
    page("GET", "/visits/{id}", P::use_outreach, pages::visit_show);
    page("POST", "/visits/{id}/report", P::use_outreach, pages::visit_report);
    page("POST", "/visits/{id}/move", P::use_outreach, pages::visit_move);
    page("POST", "/visits/{id}/cancel", P::use_outreach, pages::visit_cancel);
    page("GET", "/feedback", P::read_feedback, pages::feedback_overview);

    // Traded outreach API (seed 002; api-contract.md Requests, Provision agreements)
    json("GET", "/api/v1/requests", P::use_outreach, api::requests_list);
    json("GET", "/api/v1/requests.csv", P::use_outreach, api::requests_csv);  // before {id}
    json("POST", "/api/v1/requests", P::submit_requests, api::request_create);
    json("GET", "/api/v1/requests/{id}", P::use_outreach, api::request_get);
    json("PUT", "/api/v1/requests/{id}", P::submit_requests, api::request_update);
    json("DELETE", "/api/v1/requests/{id}", P::submit_requests, api::request_delete);
    json("POST", "/api/v1/requests/{id}/submit", P::submit_requests, api::request_submit);
    json("POST", "/api/v1/requests/{id}/triage", P::triage_requests, api::request_triage);
    json("POST", "/api/v1/requests/{id}/resubmit", P::submit_requests, api::request_resubmit);
    json("POST", "/api/v1/requests/{id}/cancel", P::submit_requests, api::request_cancel);
    json("GET", "/api/v1/requests/{id}/candidates", P::triage_requests,
         api::request_candidates_get);
    json("POST", "/api/v1/requests/{id}/assign", P::triage_requests, api::request_assign);
    json("POST", "/api/v1/requests/{id}/agreement", P::use_outreach, api::agreement_create);
    json("POST", "/api/v1/requests/{id}/agreement/quote", P::use_outreach,
         api::agreement_quote_preview);
    json("GET", "/api/v1/agreements/{id}.pdf", P::use_outreach, api::agreement_pdf);  // before {id}
    json("GET", "/api/v1/agreements/{id}", P::use_outreach, api::agreement_get);
    json("GET", "/api/v1/agreements/{id}/quote", P::use_outreach, api::agreement_quote_get);
    json("POST", "/api/v1/agreements/{id}/accept", P::use_outreach, api::agreement_accept);
    json("POST", "/api/v1/agreements/{id}/change-request", P::use_outreach,
         api::agreement_change_request);
    json("PUT", "/api/v1/agreements/{id}/purchase-order", P::use_outreach,
         api::agreement_purchase_order);
    json("POST", "/api/v1/agreements/{id}/complete", P::triage_requests, api::agreement_complete);
    json("POST", "/api/v1/agreements/{id}/visits", P::use_outreach, api::visit_create);
    page("GET", "/term-dates", P::manage_term_dates, pages::term_dates_page);
    page("GET", "/term-dates/edit", P::manage_term_dates, pages::term_dates_edit);
    page("POST", "/term-dates/edit", P::manage_term_dates, pages::term_dates_save);
    page("POST", "/term-dates/import", P::manage_term_dates, pages::term_dates_import_submit);
    json("POST", "/api/v1/term-dates/import", P::manage_term_dates, api::term_dates_import);
    json("PUT", "/api/v1/term-dates/{la_code}", P::manage_term_dates, api::term_dates_put);
    json("GET", "/api/v1/term-dates/{la_code}", P::signed_in, api::term_dates_get);
    json("GET", "/api/v1/school-days", P::signed_in, api::school_days_get);
    json("GET", "/api/v1/agreements/{id}/progress", P::use_outreach, api::progress_list);
    json("POST", "/api/v1/agreements/{id}/outcomes/{oid}/progress", P::use_outreach,
         api::progress_create);
    json("POST", "/api/v1/agreements/{id}/feedback", P::use_outreach, api::feedback_create);
    json("GET", "/api/v1/feedback", P::read_feedback, api::feedback_list);
    json("GET", "/api/v1/visits/mine", P::use_outreach, api::visits_mine);
    json("POST", "/api/v1/visits/{id}/report", P::use_outreach, api::visit_report_create);
    json("PUT", "/api/v1/visits/{id}", P::use_outreach, api::visit_move);
    json("POST", "/api/v1/visits/{id}/cancel", P::use_outreach, api::visit_cancel);
    json("GET", "/api/v1/visits/{id}/report", P::use_outreach, api::visit_report_get);
    json("GET", "/api/v1/visits/{id}/report.pdf", P::use_outreach, api::visit_report_pdf);

    // Charging (api-contract.md, Charging)
    page("GET", "/tariffs", P::read_tariffs, pages::tariffs);
    page("POST", "/tariffs", P::manage_tariffs, pages::tariff_add);
    page("GET", "/invoices", P::read_invoices, pages::invoices_page);
    page("POST", "/invoices/run", P::manage_invoices, pages::invoices_run_submit);
    page("GET", "/invoices/{id}", P::read_invoices, pages::invoice_page);
    page("POST", "/invoices/{id}/credit", P::manage_invoices, pages::invoice_credit_submit);
    page("GET", "/schools/{urn}/statement", P::read_invoices, pages::statement_page);
    page("GET", "/packages", P::read_invoices, pages::packages_page);
    page("POST", "/packages", P::manage_invoices, pages::package_create_submit);
    page("GET", "/finance", P::read_finance_summary, pages::finance_page);
    json("GET", "/api/v1/tariffs", P::read_tariffs, api::tariffs_list);
    json("POST", "/api/v1/tariffs", P::manage_tariffs, api::tariff_create);
    json("POST", "/api/v1/invoices/run", P::manage_invoices, api::invoices_run);
    json("GET", "/api/v1/invoices", P::read_invoices, api::invoices_list);
    json("GET", "/api/v1/invoices.csv", P::read_invoices, api::invoices_csv);
    json("GET", "/api/v1/invoices.xlsx", P::read_invoices, api::invoices_xlsx);
    json("GET", "/api/v1/invoices/{id}.pdf", P::read_invoices, api::invoice_pdf);  // before {id}
    json("GET", "/api/v1/invoices/{id}", P::read_invoices, api::invoice_get);
    json("POST", "/api/v1/invoices/{id}/pay", P::record_payments, api::invoice_pay);
    json("POST", "/api/v1/invoices/{id}/payments", P::record_payments, api::invoice_payment_create);
    json("GET", "/api/v1/credit-notes/{id}.pdf", P::read_invoices, api::credit_note_pdf);
    json("GET", "/api/v1/settings/trust", P::signed_in, api::trust_settings_get);
    json("PUT", "/api/v1/settings/trust", P::manage_users, api::trust_settings_put);
    page("GET", "/settings/trust", P::manage_users, pages::trust_settings_page);
    page("POST", "/settings/trust", P::manage_users, pages::trust_settings_save);
    page("POST", "/invoices/{id}/payments", P::record_payments, pages::invoice_payment_submit);
    json("POST", "/api/v1/invoices/{id}/credit", P::manage_invoices, api::invoice_credit);
    json("GET", "/api/v1/schools/{urn}/statement", P::read_invoices, api::school_statement_get);
    json("GET", "/api/v1/packages", P::read_invoices, api::packages_list);
    json("POST", "/api/v1/packages", P::manage_invoices, api::package_create);
    json("GET", "/api/v1/packages/{id}", P::read_invoices, api::package_get);
    json("GET", "/api/v1/finance/summary", P::read_finance_summary, api::finance_summary_get);

    return r;
}

}  // namespace sendhub
