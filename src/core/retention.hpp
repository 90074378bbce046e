#pragma once
// How long sendhub keeps each kind of record (IRMS Information Management Toolkit for Schools),
// and when one particular record's period ends. Pure: the job in src/app asks and acts.
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/dates.hpp"

namespace sendhub {

struct RetentionRule {
    std::string_view record_type;
    std::string_view covers;
    std::string_view period;
    std::string_view action;
    std::string_view basis;
};

[[nodiscard]] std::span<const RetentionRule> retention_rules();

//! The last day a pupil's records are kept: 31 years from the 31 August by which a pupil in
//! `year_group` (N1, N2, R, Y1–Y14) in the school year of `submitted_on` was born (a SEN file
//! is kept to the date of birth + 31 years). An unknown year group counts as the youngest, so
//! nothing is anonymised early.
[[nodiscard]] Date pupil_kept_until(std::string_view year_group, Date submitted_on);
//! The latest of its pupils' dates: a request is anonymised the day after.
[[nodiscard]] Date request_kept_until(std::span<const std::string> year_groups, Date submitted_on);
//! The 31 March ending the financial year of `issued_on`, plus six years.
[[nodiscard]] Date invoice_kept_until(Date issued_on);
//! An event's bookings are kept as long as the charges for them: to the 31 March ending the
//! financial year of the event's last day, plus six years.
[[nodiscard]] Date bookings_kept_until(Date event_ended_on);

}  // namespace sendhub
