// Signing in and out, the public front door, each person's account and inbox, users and the
// audit log.
#include "api/handlers.hpp"
#include "app/route_table.hpp"
#include "web/handlers.hpp"

namespace sendhub {

void add_account_routes(RouteTable& r) {
    using P = Permission;
    // Health and API description
    r.json("GET", "/healthz", std::nullopt, api::healthz);
    r.json("GET", "/api/v1/openapi.yaml", std::nullopt, api::openapi);

    // Signing in and out
    r.page("GET", "/login", std::nullopt, pages::login_form);
    r.page("GET", "/help", std::nullopt, pages::help_page);
    // The public front door: no sign-in. Registering and accepting an invitation hash a
    // password, so they run on the sign-in threads.
    r.page("GET", "/offer", std::nullopt, pages::offer_page);
    r.page("GET", "/contact", std::nullopt, pages::contact_page);
    r.page("POST", "/contact", std::nullopt, pages::contact_submit);
    r.page("GET", "/contact/sent", std::nullopt, pages::contact_sent);
    r.page("GET", "/register", std::nullopt, pages::register_page);
    r.page("POST", "/register", std::nullopt, pages::register_submit, Lane::sign_in);
    r.page("GET", "/register/sent", std::nullopt, pages::register_sent);
    r.page("GET", "/register/verify", std::nullopt, pages::register_verify);
    r.page("GET", "/invitations/accept", std::nullopt, pages::invitation_accept_form);
    r.page("POST", "/invitations/accept", std::nullopt, pages::invitation_accept_submit,
           Lane::sign_in);
    r.json("GET", "/api/v1/public/offer", std::nullopt, api::public_offer);
    r.json("GET", "/api/v1/public/schools/{urn}", std::nullopt, api::public_school_get);
    r.json("POST", "/api/v1/enquiries", std::nullopt, api::enquiry_create);
    r.json("POST", "/api/v1/registrations", std::nullopt, api::registration_create, Lane::sign_in);
    r.json("POST", "/api/v1/registrations/verify", std::nullopt, api::registration_verify);
    r.json("POST", "/api/v1/invitations/accept", std::nullopt, api::invitation_accept,
           Lane::sign_in);
    r.page("GET", "/privacy", std::nullopt, pages::privacy_page);
    r.page("GET", "/accessibility", std::nullopt, pages::accessibility_page);
    r.page("POST", "/login", std::nullopt, pages::login_submit, Lane::sign_in);
    r.page("POST", "/logout", P::signed_in, pages::logout);
    r.page("GET", "/login/mfa", std::nullopt, pages::login_mfa_form);
    r.page("POST", "/login/mfa", std::nullopt, pages::login_mfa_submit, Lane::sign_in);
    r.page("GET", "/account/mfa", P::signed_in, pages::account_mfa_page);
    r.page("POST", "/account/mfa/setup", P::signed_in, pages::account_mfa_setup, Lane::sign_in);
    r.page("POST", "/account/mfa/confirm", P::signed_in, pages::account_mfa_confirm);
    r.json("GET", "/api/v1/me/mfa", P::signed_in, api::mfa_get);
    r.json("POST", "/api/v1/me/mfa/setup", P::signed_in, api::mfa_setup, Lane::sign_in);
    r.json("POST", "/api/v1/me/mfa/confirm", P::signed_in, api::mfa_confirm);
    r.json("GET", "/api/v1/settings/mfa", P::manage_users, api::mfa_settings_get);
    r.json("PUT", "/api/v1/settings/mfa", P::manage_users, api::mfa_settings_put);
    r.page("GET", "/settings/mfa", P::manage_users, pages::mfa_settings_page);
    r.json("POST", "/api/v1/subject-access/search", P::answer_subject_access,
           api::subject_access_search);
    r.json("POST", "/api/v1/subject-access/export", P::answer_subject_access,
           api::subject_access_export);
    r.json("GET", "/api/v1/retention", P::read_retention, api::retention_get);
    r.page("GET", "/subject-access", P::answer_subject_access, pages::subject_access_page);
    r.page("POST", "/subject-access", P::answer_subject_access, pages::subject_access_search_page);
    r.page("POST", "/subject-access/export", P::answer_subject_access,
           pages::subject_access_export_page);
    r.page("GET", "/retention", P::read_retention, pages::retention_page);
    r.page("POST", "/settings/mfa", P::manage_users, pages::mfa_settings_save);
    r.page("GET", "/account/password", P::signed_in, pages::password_form);
    r.page("POST", "/account/password", P::signed_in, pages::password_submit, Lane::sign_in);
    r.json("POST", "/api/v1/login", std::nullopt, api::login, Lane::sign_in);
    r.json("POST", "/api/v1/password-reset", std::nullopt, api::password_reset_request);
    r.json("POST", "/api/v1/password-reset/{token}", std::nullopt, api::password_reset_complete,
           Lane::sign_in);
    r.page("GET", "/password-reset", std::nullopt, pages::password_reset_form);
    r.page("POST", "/password-reset", std::nullopt, pages::password_reset_submit);
    r.page("GET", "/password-reset/{token}", std::nullopt, pages::new_password_form);
    r.page("POST", "/password-reset/{token}", std::nullopt, pages::new_password_submit,
           Lane::sign_in);
    r.json("POST", "/api/v1/logout", P::signed_in, api::logout);
    r.json("GET", "/api/v1/me", P::signed_in, api::me);
    r.json("GET", "/api/v1/me/waiting", P::signed_in, api::my_waiting);
    r.json("POST", "/api/v1/me/password", P::signed_in, api::change_password, Lane::sign_in);

    r.page("GET", "/", P::signed_in, pages::home);

    // Each person's inbox: every email sendhub sent them
    r.page("GET", "/inbox", P::signed_in, pages::inbox_page);
    r.page("POST", "/inbox/{id}/open", P::signed_in, pages::inbox_open);
    r.page("POST", "/inbox/{id}/read", P::signed_in, pages::inbox_read);
    r.json("GET", "/api/v1/notifications", P::signed_in, api::notifications_list);
    r.json("POST", "/api/v1/notifications/{id}/read", P::signed_in, api::notification_read);

    // Users (admin)
    r.page("GET", "/users", P::manage_users, pages::users_list);
    r.page("GET", "/users/new", P::manage_users, pages::user_new);
    r.page("POST", "/users", P::manage_users, pages::user_create);
    r.page("GET", "/users/{id}", P::manage_users, pages::user_show);
    r.page("POST", "/users/{id}/role", P::manage_users, pages::user_change_role);
    r.page("POST", "/users/{id}/deactivate", P::manage_users, pages::user_deactivate);
    r.page("POST", "/users/{id}/password-reset", P::manage_users, pages::user_password_reset);
    r.page("POST", "/users/{id}/reactivate", P::manage_users, pages::user_reactivate);
    r.page("POST", "/users/{id}/mfa/reset", P::manage_users, pages::user_mfa_reset_page);
    r.json("GET", "/api/v1/users", P::manage_users, api::users_list);
    r.json("POST", "/api/v1/users", P::manage_users, api::user_create);
    r.json("GET", "/api/v1/users/{id}", P::manage_users, api::user_get);
    r.json("POST", "/api/v1/users/{id}/role", P::manage_users, api::user_change_role);
    r.json("POST", "/api/v1/users/{id}/deactivate", P::manage_users, api::user_deactivate);
    r.json("POST", "/api/v1/users/{id}/password-reset", P::manage_users, api::user_password_reset);
    r.json("POST", "/api/v1/users/{id}/reactivate", P::manage_users, api::user_reactivate);
    r.json("POST", "/api/v1/users/{id}/mfa/reset", P::manage_users, api::user_mfa_reset);

    // Audit log (admin)
    r.page("GET", "/audit", P::read_audit_log, pages::audit_list);
    r.json("GET", "/api/v1/audit", P::read_audit_log, api::audit_list);
}

}  // namespace sendhub
