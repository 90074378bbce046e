#pragma once
// An outreach practitioner employed by the trust (seed 002: "a co-ordinated team of
// specialist staff"). The home postcode is kept coarse: it is placed at its outcode centroid.
#include <optional>
#include <string>
#include <vector>

#include "core/availability.hpp"
#include "core/error.hpp"
#include "core/ids.hpp"
#include "core/needs.hpp"
#include "core/services.hpp"

namespace sendhub {

struct Practitioner {
    PractitionerId id;
    std::string name;
    std::string email;
    Service service = Service::outreach;
    //! The outreach grade, or for the other services their level (shown as no grade).
    Grade grade = Grade::teacher;
    std::string home_postcode;  // normalised; visible to admin and coordinator only
    std::optional<double> home_latitude;
    std::optional<double> home_longitude;
    std::vector<PrimaryNeed> expertise;
    int max_days_per_week = 5;
    bool active = true;
    WorkingPattern working_days;  // changed on the availability page, not the practitioner form
};

struct PractitionerInput {
    std::string name;
    std::string email;
    std::string grade;  // outreach only
    std::string home_postcode;
    std::vector<std::string> expertise;
    std::string max_days_per_week;
    std::string service;  // "" is outreach
};

[[nodiscard]] Result<Practitioner> validate_practitioner(const PractitionerInput& input);

}  // namespace sendhub
