// Schools, partnerships, safeguarding concerns, enquiries and school accounts.
#include "api/handlers.hpp"
#include "app/route_table.hpp"
#include "web/handlers.hpp"

namespace sendhub {

void add_school_routes(RouteTable& r) {
    using P = Permission;
    // Schools
    r.page("GET", "/schools", P::read_schools, pages::schools_list);
    r.page("GET", "/schools/new", P::manage_schools, pages::school_new);
    r.page("POST", "/schools", P::manage_schools, pages::school_create);
    r.page("GET", "/schools/{urn}", P::read_schools, pages::school_show);
    r.page("GET", "/schools/{urn}/edit", P::manage_schools, pages::school_edit);
    r.page("POST", "/schools/{urn}", P::manage_schools, pages::school_update);
    r.json("GET", "/api/v1/schools", P::read_schools, api::schools_list);
    r.json("POST", "/api/v1/schools", P::manage_schools, api::school_create);
    r.json("GET", "/api/v1/schools/{urn}", P::read_schools, api::school_get);
    r.json("PUT", "/api/v1/schools/{urn}", P::manage_schools, api::school_update);
    r.json("GET", "/api/v1/schools/{urn}/history", P::read_school_history, api::school_history_get);

    // Partnerships
    r.page("GET", "/partnerships", P::read_partnerships, pages::partnerships_page);
    r.page("GET", "/partnerships/new", P::manage_partnerships, pages::partnership_new);
    r.page("POST", "/partnerships", P::manage_partnerships, pages::partnership_create_page);
    r.page("GET", "/partnerships/{id}", P::read_partnerships, pages::partnership_page);
    r.page("GET", "/partnerships/{id}/edit", P::manage_partnerships, pages::partnership_edit);
    r.page("POST", "/partnerships/{id}", P::manage_partnerships, pages::partnership_update_page);
    r.page("POST", "/partnerships/{id}/end", P::manage_partnerships, pages::partnership_end_page);
    r.json("GET", "/api/v1/partnerships", P::read_partnerships, api::partnerships_list);
    r.json("POST", "/api/v1/partnerships", P::manage_partnerships, api::partnership_create);
    r.json("GET", "/api/v1/partnerships/{id}", P::read_partnerships, api::partnership_get);
    r.json("PUT", "/api/v1/partnerships/{id}", P::manage_partnerships, api::partnership_update);
    r.json("POST", "/api/v1/partnerships/{id}/end", P::manage_partnerships, api::partnership_end);

    // Safeguarding concerns, handed over to the school's designated safeguarding lead
    r.page("GET", "/concerns", P::read_concerns, pages::concerns_page);
    r.page("GET", "/concerns/{id}", P::read_concerns, pages::concern_page);
    r.page("POST", "/concerns/{id}/acknowledge", P::read_concerns, pages::concern_acknowledge_page);
    r.page("GET", "/visits/{id}/concern", P::raise_concerns, pages::concern_form);
    r.page("POST", "/visits/{id}/concern", P::raise_concerns, pages::concern_raise_page);
    r.page("GET", "/schools/{urn}/dsl", P::manage_dsl, pages::dsl_form);
    r.page("POST", "/schools/{urn}/dsl", P::manage_dsl, pages::dsl_submit);
    r.json("GET", "/api/v1/schools/{urn}/dsl", P::manage_dsl, api::school_dsl_get);
    r.json("PUT", "/api/v1/schools/{urn}/dsl", P::manage_dsl, api::school_dsl_put);
    r.json("POST", "/api/v1/visits/{id}/concerns", P::raise_concerns, api::concern_raise);
    r.json("GET", "/api/v1/concerns", P::read_concerns, api::concerns_list);
    r.json("GET", "/api/v1/concerns/{id}", P::read_concerns, api::concern_get);
    r.json("POST", "/api/v1/concerns/{id}/acknowledge", P::read_concerns, api::concern_acknowledge);

    // Enquiries from the contact page
    r.page("GET", "/enquiries", P::work_enquiries, pages::enquiries_page);
    r.page("GET", "/enquiries/{id}", P::work_enquiries, pages::enquiry_page);
    r.page("POST", "/enquiries/{id}/assign", P::work_enquiries, pages::enquiry_assign_page);
    r.page("POST", "/enquiries/{id}/notes", P::work_enquiries, pages::enquiry_note_page);
    r.page("POST", "/enquiries/{id}/close", P::work_enquiries, pages::enquiry_close_page);
    r.json("GET", "/api/v1/enquiries", P::work_enquiries, api::enquiries_list);
    r.json("GET", "/api/v1/enquiries/{id}", P::work_enquiries, api::enquiry_get);
    r.json("POST", "/api/v1/enquiries/{id}/assign", P::work_enquiries, api::enquiry_assign);
    r.json("POST", "/api/v1/enquiries/{id}/notes", P::work_enquiries, api::enquiry_note);
    r.json("POST", "/api/v1/enquiries/{id}/close", P::work_enquiries, api::enquiry_close);

    // School accounts: registrations and invitations
    r.page("GET", "/registrations", P::manage_school_accounts, pages::registrations_page);
    r.page("POST", "/registrations/{id}/approve", P::manage_school_accounts,
           pages::registration_approve_page);
    r.page("POST", "/registrations/{id}/reject", P::manage_school_accounts,
           pages::registration_reject_page);
    r.page("GET", "/invitations", P::manage_school_accounts, pages::invitations_page);
    r.page("POST", "/invitations", P::manage_school_accounts, pages::invitation_create_page);
    r.page("POST", "/invitations/{id}/revoke", P::manage_school_accounts,
           pages::invitation_revoke_page);
    r.json("GET", "/api/v1/registrations", P::manage_school_accounts, api::registrations_list);
    r.json("POST", "/api/v1/registrations/{id}/approve", P::manage_school_accounts,
           api::registration_approve);
    r.json("POST", "/api/v1/registrations/{id}/reject", P::manage_school_accounts,
           api::registration_reject);
    r.json("POST", "/api/v1/invitations", P::manage_school_accounts, api::invitation_create);
    r.json("GET", "/api/v1/invitations", P::manage_school_accounts, api::invitations_list);
    r.json("POST", "/api/v1/invitations/{id}/revoke", P::manage_school_accounts,
           api::invitation_revoke);
}

}  // namespace sendhub
