#pragma once
// Shared fixtures for the integration tests: two schools, one user per role, signed in.
#include "harness.hpp"

namespace sendhub::testing {

inline constexpr int kOwnSchool = 123641;
inline constexpr int kOtherSchool = 100001;

struct World {
    Client admin{server().base_url()};
    Client coordinator{server().base_url()};
    Client senco{server().base_url()};
    Client finance{server().base_url()};
    Client practitioner{server().base_url()};
    int practitioner_id = 0;
};

//! Built once: the admin (added by CLI) creates the rest through the API.
World& world();

}  // namespace sendhub::testing
