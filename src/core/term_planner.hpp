#pragma once
// The term planner (issue 7): the coordinator's accepted requests, each with its visits for
// the term, go to practitioners and dates. Hard constraints: the grade fits the level, pins
// are kept, and every visit sits in the practitioner's diary (working days, leave, visits
// already booked, days a week). It minimises travel plus a penalty for work beyond a fair
// share (core/assignment.hpp), then places the visits (core/visit_calendar.hpp). Work whose
// visits will not fit a calendar is offered to someone else. Pure C++, no I/O.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/assignment.hpp"
#include "core/ids.hpp"
#include "core/needs.hpp"
#include "core/visit_calendar.hpp"

namespace sendhub {

struct PlanWork {
    Grade level = Grade::teacher;
    VisitSeries series;
    std::optional<PractitionerId> pinned;
};

struct PlanPerson {
    PractitionerId id;
    std::string name;
    Grade grade = Grade::teacher;
    Diary diary;
};

struct TermPlanInput {
    std::vector<PlanWork> work;
    std::vector<PlanPerson> people;
    bool higher_grade_may_cover = false;
    std::int64_t overload_penalty_pence = 1000;  // per half day above a fair share
    //! Travel for all of work w's visits by person p, in pence (the caller estimates unknown
    //! distances).
    std::function<std::int64_t(std::size_t work, std::size_t person)> travel_pence;
};

struct PlannedWork {
    int person = kUnassigned;  // index into people
    std::vector<Date> dates;
    std::int64_t travel_pence = 0;
    std::string unplanned_reason;  // why it has no one, in plain words
};

struct TermPlan {
    std::vector<PlannedWork> work;
    std::int64_t objective = 0;
    double lower_bound = 0;
    std::int64_t travel_pence = 0;
    std::vector<int> load_half_days;        // per person, this plan's work
    std::vector<int> fair_share_half_days;  // per person
};

[[nodiscard]] TermPlan plan_term(const TermPlanInput& input);

//! Empty when the plan keeps every hard constraint, else the first it breaks (for tests).
[[nodiscard]] std::string plan_violation(const TermPlanInput& input, const TermPlan& plan);

}  // namespace sendhub
