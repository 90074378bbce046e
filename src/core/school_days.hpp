#pragma once
// School days: outreach happens in schools, so a visit belongs on a day the school is open.
// A school day is a Monday to Friday that is not an England and Wales bank holiday and,
// where term dates are recorded for the school's local authority for that academic year,
// falls inside a term and outside its half term and closure (INSET) days. One definition,
// used by visits, the term planner, candidates and the calendars. Pure C++, no I/O.
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/dates.hpp"
#include "core/error.hpp"
#include "core/vocabulary.hpp"

namespace sendhub {

//! Why a date is not a school day.
enum class ClosedReason { weekend, bank_holiday, holiday, closure };
[[nodiscard]] std::span<const Term<ClosedReason>> closed_reason_terms();

struct SchoolTerm {
    Date starts_on;
    Date ends_on;
    std::optional<Date> half_term_starts_on;
    std::optional<Date> half_term_ends_on;
};

//! A local authority's term dates for one academic year (1 September to 31 August).
struct TermDates {
    std::string academic_year;  // "2026-27"
    std::vector<SchoolTerm> terms;
    std::vector<Date> closures;  // INSET and other closure days
};

//! "2026-27" for any date from 1 September 2026 to 31 August 2027.
[[nodiscard]] std::string academic_year_of(Date date);
//! 1 September and 31 August of "2026-27"; nullopt unless it is "YYYY-YY" with YY = YYYY+1.
[[nodiscard]] std::optional<std::pair<Date, Date>> academic_year_bounds(std::string_view year);

struct TermsInput {
    std::string starts_on;
    std::string ends_on;
    std::string half_term_starts_on;
    std::string half_term_ends_on;
};
struct TermDatesInput {
    std::string academic_year;
    std::vector<TermsInput> terms;
    std::vector<std::string> closures;
};
inline constexpr std::size_t kMaxTermsInAYear = 6;
inline constexpr std::size_t kMaxClosuresInAYear = 30;
//! Each term inside the academic year, starting on or before it ends, its half term (both
//! dates or neither) inside it, terms not overlapping; closures real dates in the year.
[[nodiscard]] Result<TermDates> validate_term_dates(const TermDatesInput& input);

//! One school's calendar: the bank holidays and its authority's recorded years.
class SchoolCalendar {
  public:
    SchoolCalendar(std::set<Date> bank_holidays, std::vector<TermDates> years);

    //! Why the school is closed on the date, or nullopt on a school day.
    [[nodiscard]] std::optional<ClosedReason> closed_on(Date date) const;
    [[nodiscard]] bool is_school_day(Date date) const { return !closed_on(date); }

  private:
    std::set<Date> bank_holidays_;
    std::vector<TermDates> years_;
};

//! One flag per date from `first` to `last`: true where the school is closed (the term
//! planner's and the candidates' view of a school's term).
[[nodiscard]] std::vector<bool> closed_days(const SchoolCalendar& calendar, Date first, Date last);

//! 422 not_a_school_day on `field` unless the date is a school day, the reason in the message.
[[nodiscard]] Result<void> check_school_day(const SchoolCalendar& calendar, Date date,
                                            const std::string& field = "date");

//! "Saturday 19 December 2026 is a weekend", for the message beside a refused date.
[[nodiscard]] std::string closed_message(Date date, ClosedReason reason);

}  // namespace sendhub
