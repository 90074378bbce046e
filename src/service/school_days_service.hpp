#pragma once
// School days: bank holidays, local authorities' term dates, and which dates a school is
// open (core/school_days.hpp is the rule).
#include <optional>
#include <string>
#include <vector>

#include "core/acting.hpp"
#include "core/policy.hpp"
#include "core/school_days.hpp"
#include "core/term_dates_csv.hpp"
#include "service/services.hpp"
#include "store/school_days_store.hpp"

namespace sendhub {

//! Replaces a local authority's term dates for the academic year the input names.
[[nodiscard]] Result<TermDates> put_term_dates(Services& s, const Actor& actor,
                                               std::string_view la_code,
                                               const TermDatesInput& input, const Acting& who);
//! Replaces the term dates of every authority-year in a CSV file (core/term_dates_csv.hpp),
//! all or none; returns what was recorded.
[[nodiscard]] Result<std::vector<AuthorityTermDates>> import_term_dates(Services& s,
                                                                        const Actor& actor,
                                                                        std::string_view csv_text,
                                                                        const Acting& who);
//! One academic year's dates (404 when none are recorded); the current year when empty.
[[nodiscard]] Result<TermDates> get_term_dates(Services& s, std::string_view la_code,
                                               std::string_view academic_year);

//! What the term dates page lists: every recorded authority-year, and every authority.
struct TermDatesOverview {
    std::vector<RecordedYear> recorded;
    std::vector<std::pair<int, std::string>> authorities;
};
[[nodiscard]] Result<TermDatesOverview> term_dates_overview(Services& s, const Actor& actor);
//! An authority's name from its DfE code (404 for a code that is not an English authority).
[[nodiscard]] Result<std::string> authority_name(Services& s, std::string_view la_code);

struct SchoolDay {
    Date date;
    std::optional<ClosedReason> closed;  // nullopt: a school day
};
inline constexpr int kMaxSchoolDaysAsked = 366;
//! Each date from `from` to `to` for a school the actor may see (at most 366 dates).
[[nodiscard]] Result<std::vector<SchoolDay>> school_days(Services& s, const Actor& actor,
                                                         std::string_view school_urn,
                                                         std::string_view from,
                                                         std::string_view to);

//! Replaces every bank holiday with those in GOV.UK's bank-holidays.json (its
//! england-and-wales division); returns how many were loaded.
[[nodiscard]] Result<std::size_t> import_bank_holidays(Services& s, std::string_view json_text,
                                                       const Acting& who);

}  // namespace sendhub
