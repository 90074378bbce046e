#pragma once
// Schools and practitioners: reading with each role's visibility, creating and editing.
#include "core/error.hpp"
#include "core/policy.hpp"
#include "core/practitioner.hpp"
#include "core/school.hpp"
#include "service/services.hpp"

namespace sendhub {

//! A SENCO asking for another school's record gets not_found, never forbidden (api-contract.md).
[[nodiscard]] Result<School> get_school(Services& s, const Actor& actor, SchoolUrn urn);
[[nodiscard]] Page<School> list_schools(Services& s, const Actor& actor, SchoolFilter filter);
[[nodiscard]] Result<School> create_school(Services& s, const SchoolInput& input,
                                           const Acting& who);
//! Edits a school; the URN identifies it and cannot change.
[[nodiscard]] Result<School> update_school(Services& s, SchoolUrn urn, SchoolInput input,
                                           const Acting& who);

//! Practitioners, a page at a time.
[[nodiscard]] Page<Practitioner> list_practitioners(Services& s, const PractitionerFilter& filter);
//! Local authorities that have schools in sendhub, as {code, name}.
[[nodiscard]] std::vector<std::pair<int, std::string>> local_authorities(Services& s);
[[nodiscard]] Result<Practitioner> get_practitioner(Services& s, PractitionerId id);
[[nodiscard]] Result<Practitioner> create_practitioner(Services& s, const PractitionerInput& input,
                                                       const Acting& who);
[[nodiscard]] Result<Practitioner> update_practitioner(Services& s, PractitionerId id,
                                                       const PractitionerInput& input, bool active,
                                                       const Acting& who);

//! What the home page shows beside its tasks: a SENCO's school, a practitioner's own record,
//! and for trust staff how many schools, practitioners and (administrators) users there are.
struct HomeFacts {
    std::optional<School> school;
    std::optional<Practitioner> practitioner;
    std::optional<std::int64_t> schools;
    std::optional<std::int64_t> active_practitioners;
    std::optional<std::int64_t> users;
};
[[nodiscard]] HomeFacts home_facts(Services& s, const Actor& actor);

}  // namespace sendhub
