#include "core/availability.hpp"

#include <array>

#include "core/text.hpp"

namespace sendhub {
namespace {

constexpr std::array<WeekdayName, 7> kWeekdays{{{"mon", "Monday"},
                                                {"tue", "Tuesday"},
                                                {"wed", "Wednesday"},
                                                {"thu", "Thursday"},
                                                {"fri", "Friday"},
                                                {"sat", "Saturday"},
                                                {"sun", "Sunday"}}};

}  // namespace

std::span<const WeekdayName> weekday_names() {
    return kWeekdays;
}

int weekday_index(Date date) {
    return static_cast<int>(std::chrono::weekday{std::chrono::sys_days{date}}.iso_encoding()) - 1;
}

Date monday_of(Date date) {
    return add_days(date, -weekday_index(date));
}

Date add_days(Date date, int days) {
    return Date{std::chrono::sys_days{date} + std::chrono::days{days}};
}

bool WorkingPattern::works_on(Date date) const {
    return works_on_weekday(weekday_index(date));
}

Result<WorkingPattern> parse_working_days(std::span<const std::string> codes) {
    WorkingPattern pattern{0};
    for (const auto& raw : codes) {
        std::string code = trim(raw);
        bool known = false;
        for (std::size_t i = 0; i < kWeekdays.size(); ++i)
            if (kWeekdays[i].code == code)
                pattern.days |= static_cast<std::uint8_t>(1U << i), known = true;
        if (!known)
            return std::unexpected(Error::invalid("working_days", "invalid",
                                                  "Choose days of the week from Monday to Sunday"));
    }
    if (pattern.days == 0)
        return std::unexpected(
            Error::invalid("working_days", "required", "Select at least one working day"));
    return pattern;
}

std::vector<std::string> working_day_codes(WorkingPattern pattern) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < kWeekdays.size(); ++i)
        if (pattern.works_on_weekday(static_cast<int>(i))) out.emplace_back(kWeekdays[i].code);
    return out;
}

std::string describe(WorkingPattern pattern) {
    if (pattern.days == 0b0011111) return "Monday to Friday";
    std::vector<std::string_view> names;
    for (std::size_t i = 0; i < kWeekdays.size(); ++i)
        if (pattern.works_on_weekday(static_cast<int>(i))) names.push_back(kWeekdays[i].label);
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
        out += names[i];
    }
    return out;
}

Result<Leave> validate_leave(const LeaveInput& input) {
    Validator v;
    Leave leave;
    auto first = parse_date(trim(input.first));
    auto last = parse_date(trim(input.last));
    if (!first) v.fail("first", "invalid", date_problem(input.first, "the first day of leave"));
    if (!last) v.fail("last", "invalid", date_problem(input.last, "the last day of leave"));
    if (first && last) {
        if (days_between(*first, *last) < 0)
            v.fail("last", "before_first", "The last day of leave must be on or after the first");
        else if (days_between(*first, *last) >= kMaxLeaveDays)
            v.fail("last", "too_long", "Record leave of up to a year at a time");
        leave.first = *first, leave.last = *last;
    }
    leave.reason = trim(input.reason);
    if (utf8_length(leave.reason) > 200)
        v.fail("reason", "too_long", "The reason must be 200 characters or fewer");
    if (!v.ok()) return std::unexpected(std::move(v).error());
    return leave;
}

bool on_leave(std::span<const Leave> leave, Date date) {
    for (const auto& l : leave)
        if (days_between(l.first, date) >= 0 && days_between(date, l.last) >= 0) return true;
    return false;
}

std::optional<ClashReason> clash_on(WorkingPattern pattern, std::span<const Leave> leave,
                                    Date date) {
    if (on_leave(leave, date)) return ClashReason::on_leave;  // leave says more than the pattern
    if (!pattern.works_on(date)) return ClashReason::not_working;
    return std::nullopt;
}

std::string_view clash_label(ClashReason reason) {
    return reason == ClashReason::on_leave ? "on leave" : "not a working day";
}

}  // namespace sendhub
