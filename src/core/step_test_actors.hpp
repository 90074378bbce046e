#pragma once
// For the step-rule tests: one school, one assigned practitioner, and a person of each role
// linked to them as that role would be.
#include "core/policy.hpp"

namespace sendhub::testing {

inline constexpr SchoolUrn kSchool{123641};
inline constexpr PractitionerId kAssigned{4};

//! A SENCO of kSchool, the practitioner kAssigned, or trust staff of the role.
inline Actor as(Role role) {
    Actor a{.user_id = UserId{1}, .role = role};
    if (role == Role::senco) a.school_urn = kSchool;
    if (role == Role::practitioner) a.practitioner_id = kAssigned;
    return a;
}

}  // namespace sendhub::testing
