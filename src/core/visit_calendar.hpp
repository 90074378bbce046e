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
//! The diary for visits to one school: no time is free on days it is closed (one flag per
//! day of the diary, as closed_days gives).
[[nodiscard]] Diary without_closed_days(Diary diary, const std::vector<bool>& school_closed);
//! Half days that can be used: each week's free days, capped by its weekly allowance.
[[nodiscard]] int diary_capacity(const Diary& diary);
[[nodiscard]] int weeks_in(const Diary& diary);
[[nodiscard]] int week_of(const Diary& diary, int day);

//! A request's visits in the term: visit k falls in weeks [first_week + k·every_weeks,
//! first_week + (k+1)·every_weeks); every_weeks 0 means one visit at any time from first_week.
//! earliest_day (a day of the term, the request's preferred date) comes before no visit, and
//! no visit falls on a day its school is closed (core/school_days.hpp decides which).
struct VisitSeries {
    int visits = 1;
    int session_half_days = 2;
    int every_weeks = 0;
    int first_week = 0;
    int earliest_day = 0;
    std::vector<bool> school_closed;  // per day of the term; empty when every day is open
};
//! Whether the series' school is open on the day and the day is not before its earliest.
[[nodiscard]] bool series_may_visit(const VisitSeries& series, int day);

//! School weeks the series needs from its first week: one window per visit (a one-off, one).
[[nodiscard]] int weeks_needed(const VisitSeries& series);
//! The weeks of the diary's term, from the series' first week, in which its school is open
//! on at least one day from its earliest: a weekly series visits once in each, so it skips
//! half term rather than failing over it.
[[nodiscard]] std::vector<int> open_weeks(const Diary& diary, const VisitSeries& series);

struct SeriesDates {
    std::vector<Date> dates;  // as many as placed, in order
    bool complete = false;
};

[[nodiscard]] std::vector<SeriesDates> place_visits(Diary diary,
                                                    std::span<const VisitSeries> series);

}  // namespace sendhub
