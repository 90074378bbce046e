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
    }
    return false;
}

bool can_see_school(const Actor& actor, SchoolUrn urn) {
    if (actor.role != Role::senco) return true;
    return actor.school_urn && *actor.school_urn == urn;
}

}  // namespace sendhub
