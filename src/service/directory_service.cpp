#include "service/directory_service.hpp"

namespace sendhub {

Result<School> get_school(Services& s, const Actor& actor, SchoolUrn urn) {
    if (!can_see_school(actor, urn))
        return std::unexpected(Error::not_found("No school with this URN."));
    auto school = s.schools.find(urn);
    if (!school) return std::unexpected(Error::not_found("No school with this URN."));
    return *school;
}

Page<School> list_schools(Services& s, const Actor& actor, SchoolFilter filter) {
    // A school's staff see only their school; without one, nothing rather than everything.
    if (auto own = school_scope(actor)) filter.only_urn = own;
    return s.schools.list(filter);
}

Result<School> create_school(Services& s, const SchoolInput& input, const Acting& who) {
    SENDHUB_ASSIGN_OR_RETURN(School school, validate_school(input));
    return s.schools.create(school, who);
}

Result<School> update_school(Services& s, SchoolUrn urn, SchoolInput input, const Acting& who) {
    input.urn = std::to_string(urn.value);
    auto before = s.schools.find(urn);
    if (!before) return std::unexpected(Error::not_found("No school with this URN."));
    SENDHUB_ASSIGN_OR_RETURN(School school, validate_school(input, *before));
    return s.schools.update(school, who);
}

Result<Practitioner> get_practitioner(Services& s, PractitionerId id) {
    auto found = s.practitioners.find(id);
    if (!found) return std::unexpected(Error::not_found("No such practitioner."));
    return *found;
}

Result<Practitioner> create_practitioner(Services& s, const PractitionerInput& input,
                                         const Acting& who) {
    SENDHUB_ASSIGN_OR_RETURN(Practitioner practitioner, validate_practitioner(input));
    return s.practitioners.create(std::move(practitioner), who);
}

Result<Practitioner> update_practitioner(Services& s, PractitionerId id,
                                         const PractitionerInput& input, bool active,
                                         const Acting& who) {
    SENDHUB_ASSIGN_OR_RETURN(Practitioner practitioner, validate_practitioner(input));
    practitioner.id = id;
    practitioner.active = active;
    return s.practitioners.update(std::move(practitioner), who);
}

HomeFacts home_facts(Services& s, const Actor& actor) {
    HomeFacts facts;
    if (is_school_role(actor.role) && actor.school_urn)
        facts.school = s.schools.find(*actor.school_urn);
    if (actor.role == Role::practitioner && actor.practitioner_id)
        facts.practitioner = s.practitioners.find(*actor.practitioner_id);
    if (actor.role == Role::admin || actor.role == Role::coordinator) {
        facts.schools = s.schools.count();
        facts.active_practitioners = s.practitioners.count_active();
        if (allows(actor, Permission::manage_users)) facts.users = s.users.count();
    }
    return facts;
}

Page<Practitioner> list_practitioners(Services& s, const PractitionerFilter& filter) {
    return s.practitioners.list(filter);
}

std::vector<std::pair<int, std::string>> local_authorities(Services& s) {
    return s.schools.local_authorities();
}
}  // namespace sendhub
