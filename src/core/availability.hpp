#pragma once
// When a practitioner can work (issue 7): the weekdays they work, and their leave. Together
// with visits already booked and their days a week, these decide the half days free on a date.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/dates.hpp"
#include "core/error.hpp"
#include "core/ids.hpp"

namespace sendhub {

using LeaveId = StrongId<struct LeaveIdTag>;

//! Weekdays worked: bit 0 is Monday … bit 6 is Sunday. Monday to Friday by default.
struct WorkingPattern {
    std::uint8_t days = 0b0011111;
    [[nodiscard]] bool works_on(Date date) const;
    [[nodiscard]] bool works_on_weekday(int monday_based) const {
        return (days >> monday_based) & 1U;
    }
};

//! "mon", "tue" … "sun", with their labels, in week order.
struct WeekdayName {
    std::string_view code;
    std::string_view label;
};
[[nodiscard]] std::span<const WeekdayName> weekday_names();
//! The 0-based Monday-first index of a date's weekday.
[[nodiscard]] int weekday_index(Date date);
[[nodiscard]] Date monday_of(Date date);
[[nodiscard]] Date add_days(Date date, int days);

//! Parses the codes ticked on the form or sent by the API; at least one day is needed.
[[nodiscard]] Result<WorkingPattern> parse_working_days(std::span<const std::string> codes);
[[nodiscard]] std::vector<std::string> working_day_codes(WorkingPattern pattern);
//! "Monday to Friday", "Monday, Tuesday and Thursday".
[[nodiscard]] std::string describe(WorkingPattern pattern);

struct Leave {
    LeaveId id;
    Date first;
    Date last;  // inclusive
    std::string reason;
};

struct LeaveInput {
    std::string first;
    std::string last;
    std::string reason;
};

inline constexpr int kMaxLeaveDays = 366;

[[nodiscard]] Result<Leave> validate_leave(const LeaveInput& input);
[[nodiscard]] bool on_leave(std::span<const Leave> leave, Date date);

//! Why a practitioner cannot be at a visit booked on a date, or nullopt when they can: a
//! visit on leave or on a day they no longer work is a clash until it is moved or cancelled.
enum class ClashReason { on_leave, not_working };
[[nodiscard]] std::optional<ClashReason> clash_on(WorkingPattern pattern,
                                                  std::span<const Leave> leave, Date date);
[[nodiscard]] std::string_view clash_label(ClashReason reason);

}  // namespace sendhub
