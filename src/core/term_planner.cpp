#include "core/term_planner.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

namespace sendhub {
namespace {

bool grade_fits(const TermPlanInput& in, Grade level, Grade grade) {
    return grade_covers(grade, level, higher_grade_cover(in.higher_grade_may_cover));
}

bool may_take(const TermPlanInput& in, const PlanWork& w, const PlanPerson& p) {
    if (w.pinned) return *w.pinned == p.id;
    return grade_fits(in, w.level, p.grade);
}

//! The term has a school week for each of the series' windows.
bool enough_weeks(const PlanWork& w, const PlanPerson& p) {
    return weeks_needed(w.series) <= static_cast<int>(open_weeks(p.diary, w.series).size());
}

int demand(const PlanWork& w) {
    return w.series.visits * w.series.session_half_days;
}

}  // namespace

TermPlan plan_term(const TermPlanInput& in) {
    const std::size_t n = in.work.size(), m = in.people.size();
    AssignmentProblem problem;
    problem.overload_penalty = in.overload_penalty_pence;
    for (const auto& p : in.people) problem.resources.push_back({diary_capacity(p.diary), 0});
    std::vector<std::set<int>> refused(n);  // people whose calendar could not take the work
    TermPlan plan;
    plan.work.resize(n);
    AssignmentSolution solution;
    for (int round = 0; round < 4; ++round) {
        problem.tasks.clear();
        for (std::size_t w = 0; w < n; ++w) {
            AssignmentTask task{demand(in.work[w]), {}};
            for (std::size_t p = 0; p < m; ++p) {
                if (!may_take(in, in.work[w], in.people[p]) ||
                    refused[w].contains(static_cast<int>(p)))
                    continue;
                if (!enough_weeks(in.work[w], in.people[p])) continue;
                task.arcs.push_back(
                    {static_cast<int>(p), in.travel_pence ? in.travel_pence(w, p) : 0});
            }
            problem.tasks.push_back(std::move(task));
        }
        set_fair_shares(problem);
        solution = solve_assignment(problem);

        // Place each person's visits; work that will not fit is refused and re-planned.
        bool refusals = false;
        for (std::size_t p = 0; p < m; ++p) {
            std::vector<std::size_t> mine;
            std::vector<VisitSeries> series;
            for (std::size_t w = 0; w < n; ++w)
                if (solution.resource_of[w] == static_cast<int>(p))
                    mine.push_back(w), series.push_back(in.work[w].series);
            if (mine.empty()) continue;
            auto placed = place_visits(in.people[p].diary, series);
            for (std::size_t i = 0; i < mine.size(); ++i) {
                auto& out = plan.work[mine[i]];
                out.person = static_cast<int>(p);
                out.dates = placed[i].dates;
                if (!placed[i].complete) {
                    refused[mine[i]].insert(static_cast<int>(p));
                    refusals = true;
                }
            }
        }
        if (!refusals) break;
    }
    // Anything still refused after the last round stays unplanned, with its reason.
    plan.load_half_days.assign(m, 0);
    for (std::size_t w = 0; w < n; ++w) {
        auto& out = plan.work[w];
        const auto& work = in.work[w];
        int p = solution.resource_of[w];
        if (p != kUnassigned && refused[w].contains(p)) p = kUnassigned;
        if (p == kUnassigned) {
            out = PlannedWork{};
            bool anyone = std::ranges::any_of(
                in.people, [&](const PlanPerson& person) { return may_take(in, work, person); });
            if (work.pinned && !anyone)
                out.unplanned_reason = "the pinned practitioner is not in the plan";
            else if (!anyone)
                out.unplanned_reason = "no practitioner of the right grade";
            else if (std::ranges::none_of(in.people, [&](const PlanPerson& person) {
                         return may_take(in, work, person) && enough_weeks(work, person);
                     }))
                out.unplanned_reason = fmt::format(
                    "from the preferred date the visits need {} school weeks; the term has {}",
                    weeks_needed(work.series),
                    open_weeks(in.people.front().diary, work.series).size());
            else
                out.unplanned_reason = work.pinned ? "no room in the pinned practitioner's calendar"
                                                   : "no room in any suitable calendar";
            continue;
        }
        for (const auto& a : problem.tasks[w].arcs)
            if (a.resource == p) out.travel_pence = a.cost;
        plan.travel_pence += out.travel_pence;
        plan.load_half_days[p] += demand(work);
    }
    std::vector<int> chosen(n);
    for (std::size_t w = 0; w < n; ++w) chosen[w] = plan.work[w].person;
    plan.objective = assignment_objective(problem, chosen);
    plan.lower_bound = solution.lower_bound;
    for (const auto& r : problem.resources) plan.fair_share_half_days.push_back(r.fair_share);
    return plan;
}

std::string plan_violation(const TermPlanInput& in, const TermPlan& plan) {
    const std::size_t m = in.people.size();
    std::vector<std::vector<int>> day_use(m), week_use(m);
    for (std::size_t p = 0; p < m; ++p) {
        day_use[p].assign(in.people[p].diary.free_half_days.size(), 0);
        week_use[p].assign(in.people[p].diary.week_half_days.size(), 0);
    }
    for (std::size_t w = 0; w < plan.work.size(); ++w) {
        const auto& out = plan.work[w];
        const auto& work = in.work[w];
        if (out.person == kUnassigned) {
            if (!out.dates.empty()) return fmt::format("work {} is unplanned but has dates", w);
            continue;
        }
        const auto& person = in.people[out.person];
        if (!may_take(in, work, person))
            return fmt::format("work {} went to {}, who may not take it", w, person.name);
        if (static_cast<int>(out.dates.size()) != work.series.visits)
            return fmt::format("work {} has {} of {} visits", w, out.dates.size(),
                               work.series.visits);
        std::set<std::int64_t> seen;
        for (std::size_t k = 0; k < out.dates.size(); ++k) {
            auto day = days_between(person.diary.first_day, out.dates[k]);
            if (day < 0 || day >= static_cast<std::int64_t>(day_use[out.person].size()))
                return fmt::format("work {} visit outside the term", w);
            if (!seen.insert(day).second)
                return fmt::format("work {} has two visits on one day", w);
            if (!series_may_visit(work.series, static_cast<int>(day)))
                return fmt::format("work {} visit {} on {}: school closed or before its start", w,
                                   k, format_date(out.dates[k]));
            int week = week_of(person.diary, static_cast<int>(day));
            const auto& s = work.series;
            if (week < s.first_week)
                return fmt::format("work {} visit {} before its first week", w, k);
            if (s.every_weeks > 0) {
                // Visits in date order fall one per window of the school's open weeks.
                auto weeks = open_weeks(person.diary, s);
                auto at = std::ranges::find(weeks, week);
                if (at == weeks.end() ||
                    (at - weeks.begin()) / s.every_weeks != static_cast<std::ptrdiff_t>(k))
                    return fmt::format("work {} visit {} outside its window", w, k);
            }
            day_use[out.person][day] += s.session_half_days;
            week_use[out.person][week] += s.session_half_days;
        }
    }
    for (std::size_t p = 0; p < m; ++p) {
        const auto& diary = in.people[p].diary;
        for (std::size_t d = 0; d < day_use[p].size(); ++d)
            if (day_use[p][d] > diary.free_half_days[d])
                return fmt::format("{} has {} half days on {} with {} free", in.people[p].name,
                                   day_use[p][d],
                                   format_date(add_days(diary.first_day, static_cast<int>(d))),
                                   diary.free_half_days[d]);
        for (std::size_t k = 0; k < week_use[p].size(); ++k)
            if (week_use[p][k] > diary.week_half_days[k])
                return fmt::format("{} is over their days in week {}", in.people[p].name, k);
    }
    return {};
}

}  // namespace sendhub
