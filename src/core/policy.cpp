#include "core/policy.hpp"

namespace sendhub {

bool allows(Role role, Permission permission) {
    switch (permission) {
        case Permission::signed_in:
            return true;
        case Permission::manage_users:
        case Permission::read_audit_log:
            return role == Role::admin;
        case Permission::read_schools:
            return true;
        case Permission::read_practitioners:
            return role != Role::senco;  // schools see the practitioner on their own work only
        case Permission::manage_schools:
        case Permission::manage_practitioners:
        case Permission::see_practitioner_home:
            return role == Role::admin || role == Role::coordinator;
        case Permission::use_outreach:
            return role != Role::finance;
        case Permission::submit_requests:
            return role == Role::senco || role == Role::coordinator;
        case Permission::triage_requests:
            return role == Role::coordinator;
        case Permission::read_feedback:
            return role == Role::admin || role == Role::coordinator;
        case Permission::read_tariffs:
            return role != Role::practitioner;
        case Permission::manage_tariffs:
            return role == Role::admin || role == Role::finance;
        case Permission::see_prices:
            return role != Role::practitioner;
        case Permission::read_invoices:
            return role == Role::admin || role == Role::finance || role == Role::senco;
        case Permission::manage_invoices:
            return role == Role::finance;
        case Permission::record_payments:
            return role == Role::finance || role == Role::admin;
        case Permission::read_finance_summary:
            return role == Role::admin || role == Role::finance;
        case Permission::manage_term_dates:
            return role == Role::admin || role == Role::coordinator;
        case Permission::read_calendars:
            return role == Role::admin || role == Role::coordinator || role == Role::practitioner;
    }
    return false;
}

bool can_see_school(const Actor& actor, SchoolUrn urn) {
    if (actor.role != Role::senco) return true;
    return actor.school_urn && *actor.school_urn == urn;
}

bool can_see_request(const Actor& actor, SchoolUrn school, std::optional<PractitionerId> assigned) {
    switch (actor.role) {
        case Role::admin:
        case Role::coordinator:
            return true;
        case Role::senco:
            return is_school_senco(actor, school);
        case Role::practitioner:
            return is_assigned(actor, assigned);
        case Role::finance:
            return false;
    }
    return false;
}

bool can_see_request(const Actor& actor, SchoolUrn school, std::optional<PractitionerId> assigned,
                     bool is_draft) {
    if (is_draft) return is_school_senco(actor, school);
    return can_see_request(actor, school, assigned);
}

bool lists_drafts(const Actor& actor) {
    return actor.role == Role::senco;
}

bool is_assigned(const Actor& actor, std::optional<PractitionerId> assigned) {
    return actor.role == Role::practitioner && actor.practitioner_id && assigned &&
           *actor.practitioner_id == *assigned;
}

bool is_school_senco(const Actor& actor, SchoolUrn school) {
    return actor.role == Role::senco && actor.school_urn && *actor.school_urn == school;
}

}  // namespace sendhub
