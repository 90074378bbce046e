#pragma once
// Placing a practitioner's visits on dates in a term (issue 7): within each visit's window
// (weekly, fortnightly, monthly or once), on days they work and are not on leave, never more
// than a day of visits on a date or more than their days a week. Placement goes tightest
// series first; a visit with no room may push another visit to a different day in its own
// window; then a local search moves visits onto each series' regular weekday, which schools
// prefer ("every other Tuesday"). Pure C++, no I/O.
#include <map>
#include <span>
#include <vector>

#include "core/availability.hpp"
#include "core/dates.hpp"

namespace sendhub {

//! What is still free in a practitioner's term.
struct Diary {
    Date first_day;                   // the term's first day
    std::vector<int> free_half_days;  // per day of the term: 0, 1 or 2
    std::vector<int> week_half_days;  // per week, Monday-based; week 0 holds first_day
};

//! Days worked and not on leave are free, less what is booked; weeks allow max days a week
//! less what is booked in them.
[[nodiscard]] Diary make_diary(Date first, Date last, WorkingPattern pattern,
                               std::span<const Leave> leave, int max_days_per_week,
                               const std::map<Date, int>& booked_half_days);
//! Half days that can be used: each week's free days, capped by its weekly allowance.
[[nodiscard]] int diary_capacity(const Diary& diary);
[[nodiscard]] int weeks_in(const Diary& diary);
[[nodiscard]] int week_of(const Diary& diary, int day);

//! A request's visits in the term: visit k falls in weeks [first_week + k·every_weeks,
//! first_week + (k+1)·every_weeks); every_weeks 0 means one visit at any time from first_week.
struct VisitSeries {
    int visits = 1;
    int session_half_days = 2;
    int every_weeks = 0;
    int first_week = 0;
};

//! Weeks the series needs: a clear message when a term is too short.
[[nodiscard]] int weeks_needed(const VisitSeries& series);

struct SeriesDates {
    std::vector<Date> dates;  // as many as placed, in order
    bool complete = false;
};

[[nodiscard]] std::vector<SeriesDates> place_visits(Diary diary,
                                                    std::span<const VisitSeries> series);

}  // namespace sendhub
