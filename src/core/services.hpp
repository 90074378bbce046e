#pragma once
// The trust's commissioned services (seed 003): traded outreach, educational psychology and
// speech and language therapy. Each practitioner belongs to one. Outreach prices a day by the
// practitioner's grade; the other two have one day rate each, whoever does the work.
#include <optional>
#include <span>
#include <string_view>

#include "core/needs.hpp"
#include "core/vocabulary.hpp"

namespace sendhub {

enum class Service { outreach, educational_psychology, speech_and_language };

//! What a school commissions an educational psychologist's or therapist's days for.
enum class WorkType { individual_child, cohort, whole_school_training, staff_support };

[[nodiscard]] std::span<const Term<Service>> service_terms();
[[nodiscard]] std::span<const Term<WorkType>> work_type_terms();

//! The service as typed: left blank it is outreach, as before other services existed.
[[nodiscard]] std::optional<Service> parse_service(std::string_view typed);

//! The level a service's days are priced and matched at; outreach has none of its own (its
//! practitioners' grades are the levels).
[[nodiscard]] std::optional<Grade> service_level(Service service);
//! The service a level belongs to: every grade is outreach's.
[[nodiscard]] Service service_of(Grade level);

}  // namespace sendhub
