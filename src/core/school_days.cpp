#include "core/school_days.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <array>

#include "core/availability.hpp"
#include "core/text.hpp"

namespace sendhub {
namespace {

constexpr std::array<Term<ClosedReason>, 4> kReasons{{
    {ClosedReason::weekend, "weekend", "a weekend"},
    {ClosedReason::bank_holiday, "bank_holiday", "a bank holiday"},
    {ClosedReason::holiday, "holiday", "in the school holidays"},
    {ClosedReason::closure, "closure", "a day the school is closed (for example, an INSET day)"},
}};

bool within(Date day, Date first, Date last) {
    return first <= day && day <= last;
}

}  // namespace

std::span<const Term<ClosedReason>> closed_reason_terms() {
    return kReasons;
}

std::string academic_year_of(Date date) {
    int year = static_cast<int>(date.year());
    int starts = static_cast<unsigned>(date.month()) >= 9 ? year : year - 1;
    return fmt::format("{}-{:02}", starts, (starts + 1) % 100);
}

std::optional<std::pair<Date, Date>> academic_year_bounds(std::string_view year) {
    if (year.size() != 7 || year[4] != '-') return std::nullopt;
    auto first = parse_int(year.substr(0, 4));
    auto second = parse_int(year.substr(5, 2));
    if (!first || !second || *first < 2000 || *first > 2100 || (*first + 1) % 100 != *second)
        return std::nullopt;
    using namespace std::chrono;
    int y = static_cast<int>(*first);
    return std::pair{Date{std::chrono::year{y}, September, day{1}},
                     Date{std::chrono::year{y + 1}, August, day{31}}};
}

Result<TermDates> validate_term_dates(const TermDatesInput& input) {
    Validator v;
    TermDates out{.academic_year = trim(input.academic_year)};
    auto bounds = academic_year_bounds(out.academic_year);
    if (!bounds) v.fail("academic_year", "invalid", "Enter the academic year, like 2026-27");
    if (input.terms.empty()) v.fail("terms", "required", "Enter at least one term");
    if (input.terms.size() > kMaxTermsInAYear)
        v.fail("terms", "invalid", "A year has at most 6 terms");
    auto date_field = [&](const std::string& field, const std::string& text, bool required,
                          std::string_view what) -> std::optional<Date> {
        std::string value = trim(text);
        if (value.empty()) {
            if (required) v.fail(field, "required", fmt::format("Enter {}", what));
            return std::nullopt;
        }
        auto date = parse_date(value);
        if (!date) {
            v.fail(field, "invalid", fmt::format("Enter {} as a real date, like 2027-01-05", what));
            return std::nullopt;
        }
        if (bounds && !within(*date, bounds->first, bounds->second)) {
            v.fail(field, "invalid",
                   fmt::format("{} must fall in the academic year {}", what, out.academic_year));
            return std::nullopt;
        }
        return date;
    };
    for (std::size_t i = 0; i < input.terms.size() && i < kMaxTermsInAYear; ++i) {
        const auto& t = input.terms[i];
        std::string prefix = "terms." + std::to_string(i) + ".";
        std::string name = "term " + std::to_string(i + 1);
        auto starts =
            date_field(prefix + "starts_on", t.starts_on, true, "the first day of " + name);
        auto ends = date_field(prefix + "ends_on", t.ends_on, true, "the last day of " + name);
        auto half_starts = date_field(prefix + "half_term_starts_on", t.half_term_starts_on, false,
                                      "the first day of the half term");
        auto half_ends = date_field(prefix + "half_term_ends_on", t.half_term_ends_on, false,
                                    "the last day of the half term");
        if (starts && ends && *starts > *ends) {
            v.fail(prefix + "ends_on", "invalid",
                   fmt::format("The last day of {} must be on or after its first day", name));
            continue;
        }
        if (half_starts.has_value() != half_ends.has_value() && v.ok()) {
            v.fail(prefix + (half_starts ? "half_term_ends_on" : "half_term_starts_on"), "required",
                   "Enter both days of the half term, or neither");
            continue;
        }
        if (half_starts && half_ends && starts && ends) {
            if (*half_starts < *starts || *half_starts > *ends)
                v.fail(prefix + "half_term_starts_on", "invalid",
                       fmt::format("The half term must fall inside {}", name));
            else if (*half_ends < *half_starts || *half_ends > *ends)
                v.fail(
                    prefix + "half_term_ends_on", "invalid",
                    fmt::format("The half term must end on or after it starts, inside {}", name));
        }
        if (starts && ends) out.terms.push_back({*starts, *ends, half_starts, half_ends});
    }
    std::ranges::sort(out.terms, {}, &SchoolTerm::starts_on);
    for (std::size_t i = 1; i < out.terms.size(); ++i) {
        if (out.terms[i].starts_on <= out.terms[i - 1].ends_on) {
            v.fail("terms", "invalid", "Terms must not overlap");
            break;
        }
    }
    if (input.closures.size() > kMaxClosuresInAYear)
        v.fail("closures", "invalid", "Record at most 30 closure days a year");
    for (std::size_t i = 0; i < input.closures.size() && i < kMaxClosuresInAYear; ++i) {
        if (auto day = date_field("closures." + std::to_string(i), input.closures[i], true,
                                  "the closure day"))
            out.closures.push_back(*day);
    }
    std::ranges::sort(out.closures);
    auto repeated = std::ranges::unique(out.closures);
    out.closures.erase(repeated.begin(), repeated.end());
    if (!v.ok()) return std::unexpected(std::move(v).error());
    return out;
}

SchoolCalendar::SchoolCalendar(std::set<Date> bank_holidays, std::vector<TermDates> years)
    : bank_holidays_(std::move(bank_holidays)), years_(std::move(years)) {}

std::optional<ClosedReason> SchoolCalendar::closed_on(Date date) const {
    if (weekday_index(date) >= 5) return ClosedReason::weekend;
    if (bank_holidays_.contains(date)) return ClosedReason::bank_holiday;
    const std::string year = academic_year_of(date);
    auto recorded = std::ranges::find(years_, year, &TermDates::academic_year);
    if (recorded == years_.end()) return std::nullopt;  // no term dates: weekdays are open
    if (std::ranges::binary_search(recorded->closures, date)) return ClosedReason::closure;
    for (const auto& term : recorded->terms) {
        if (!within(date, term.starts_on, term.ends_on)) continue;
        if (term.half_term_starts_on && term.half_term_ends_on &&
            within(date, *term.half_term_starts_on, *term.half_term_ends_on))
            return ClosedReason::holiday;
        return std::nullopt;
    }
    return ClosedReason::holiday;
}

std::vector<bool> closed_days(const SchoolCalendar& calendar, Date first, Date last) {
    std::vector<bool> out;
    for (Date d = first; days_between(d, last) >= 0; d = add_days(d, 1))
        out.push_back(!calendar.is_school_day(d));
    return out;
}

Result<void> check_school_day(const SchoolCalendar& calendar, Date date, const std::string& field) {
    auto closed = calendar.closed_on(date);
    if (!closed) return {};
    return std::unexpected(
        Error::invalid(field, "not_a_school_day",
                       closed_message(date, *closed) + ". Choose a day the school is open."));
}

std::string closed_message(Date date, ClosedReason reason) {
    return format_long_date(date) + " is " +
           std::string(term_of(closed_reason_terms(), reason).label);
}

}  // namespace sendhub
