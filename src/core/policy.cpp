#include "core/policy.hpp"

#include <initializer_list>

#include "core/events.hpp"

namespace sendhub {
namespace {
bool one_of(Role role, std::initializer_list<Role> roles) {
    for (Role r : roles)
        if (r == role) return true;
    return false;
}
}  // namespace

// The permission table: one row per permission, the roles that hold it.
bool allows(Role role, Permission permission) {
    using enum Role;
    switch (permission) {
        case Permission::signed_in:
        case Permission::read_schools:  // a school's staff: scoped to their own by can_see_school
            return true;
        case Permission::manage_users:
        case Permission::read_audit_log:
        case Permission::answer_subject_access:
        case Permission::read_retention:
            return role == admin;
        case Permission::organise_events:
            return organises_events(role);
        case Permission::read_practitioners:
            return !is_school_role(role);  // schools see the practitioner on their own work only
        case Permission::manage_practitioners:
        case Permission::see_practitioner_home:
        case Permission::manage_term_dates:
            return one_of(role, {admin, coordinator});
        case Permission::manage_schools:
        case Permission::manage_school_accounts:
            return one_of(role, {admin, coordinator, partnerships});
        case Permission::use_outreach:
            return one_of(role, {admin, coordinator, practitioner, senco, headteacher});
        case Permission::submit_requests:
            return one_of(role, {senco, coordinator});
        case Permission::triage_requests:
            return role == coordinator;
        case Permission::read_feedback:
            return one_of(role, {admin, coordinator});
        case Permission::read_tariffs:
        case Permission::see_prices:
            return role != practitioner;
        case Permission::manage_tariffs:
            return one_of(role, {admin, finance});
        case Permission::read_invoices:
            return one_of(role, {admin, finance, senco, headteacher});
        case Permission::manage_invoices:
            return role == finance;
        case Permission::record_payments:
        case Permission::read_finance_summary:
            return one_of(role, {admin, finance});
        case Permission::read_calendars:
            return one_of(role, {admin, coordinator, practitioner});
        case Permission::read_partnerships:
            return one_of(role, {admin, coordinator, partnerships}) || is_school_role(role);
        case Permission::manage_partnerships:
        case Permission::work_enquiries:
            return one_of(role, {admin, partnerships});
        case Permission::read_school_history:
            return one_of(role, {admin, coordinator, partnerships, senco, headteacher});
        case Permission::read_concerns:
            return one_of(role, {admin, coordinator, practitioner, senco, headteacher});
        case Permission::raise_concerns:
            return role == practitioner;
        case Permission::manage_dsl:
            return one_of(role, {admin, senco, headteacher});
    }
    return false;
}

std::optional<SchoolUrn> school_scope(const Actor& actor) {
    if (!is_school_role(actor.role)) return std::nullopt;
    return actor.school_urn.value_or(SchoolUrn{-1});
}

bool can_see_school(const Actor& actor, SchoolUrn urn) {
    if (!is_school_role(actor.role)) return true;
    return actor.school_urn && *actor.school_urn == urn;
}

bool can_see_request(const Actor& actor, SchoolUrn school, std::optional<PractitionerId> assigned) {
    switch (actor.role) {
        case Role::admin:
        case Role::coordinator:
            return true;
        case Role::senco:
        case Role::headteacher:
            return is_school_leader(actor, school);
        case Role::practitioner:
            return is_assigned(actor, assigned);
        case Role::finance:
        case Role::school_staff:
        case Role::partnerships:
            return false;
    }
    return false;
}

bool can_see_request(const Actor& actor, SchoolUrn school, std::optional<PractitionerId> assigned,
                     bool is_draft) {
    if (is_draft) return is_school_leader(actor, school);
    return can_see_request(actor, school, assigned);
}

bool lists_drafts(const Actor& actor) {
    return actor.role == Role::senco || actor.role == Role::headteacher;
}

bool is_assigned(const Actor& actor, std::optional<PractitionerId> assigned) {
    return actor.role == Role::practitioner && actor.practitioner_id && assigned &&
           *actor.practitioner_id == *assigned;
}

bool is_school_senco(const Actor& actor, SchoolUrn school) {
    return actor.role == Role::senco && actor.school_urn && *actor.school_urn == school;
}

bool sees_partnership_notes(const Actor& actor) {
    return !is_school_role(actor.role);
}

bool is_school_leader(const Actor& actor, SchoolUrn school) {
    return (actor.role == Role::senco || actor.role == Role::headteacher) && actor.school_urn &&
           *actor.school_urn == school;
}

}  // namespace sendhub
