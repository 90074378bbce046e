#include "core/assignment.hpp"

#include "core/assignment_relaxation.hpp"
#include "core/assignment_search.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>

#include <fmt/format.h>

namespace sendhub {
namespace {

using assignment_search::Assignment;
using assignment_search::improve;
using assignment_search::overload;
using assignment_search::place_by_regret;
using assignment_search::Polish;
using assignment_search::search_in_halves;
using assignment_search::search_rounds;
using assignment_search::SearchArcs;

//! Adds to the search the arcs that the relaxation's prices show to be cheaper than any the
//! search has for their task, so the prices hold over every arc. Returns whether it added any.
bool add_priced_arcs(const AssignmentProblem& p, std::span<const double> prices,
                     SearchArcs& search) {
    bool added = false;
    for (std::size_t t = 0; t < p.tasks.size(); ++t) {
        const auto& task = p.tasks[t];
        const int d = task.demand;
        auto priced = [&](const AssignmentArc& a) {
            return static_cast<double>(a.cost) + d * prices[a.resource];
        };
        double best = static_cast<double>(p.unassigned_penalty) * d;
        for (const auto& a : search.by_cost[t]) best = std::min(best, priced(a));
        for (const auto& a : task.arcs) {
            if (a.resource < 0 || static_cast<std::size_t>(a.resource) >= p.resources.size() ||
                d > p.resources[a.resource].capacity || priced(a) >= best - 1e-6)
                continue;
            auto& by_resource = search.by_resource[t];
            auto at =
                std::ranges::lower_bound(by_resource, a.resource, {}, &AssignmentArc::resource);
            if (at != by_resource.end() && at->resource == a.resource) continue;
            by_resource.insert(at, a);
            auto& by_cost = search.by_cost[t];
            by_cost.insert(std::ranges::upper_bound(by_cost, a.cost, {}, &AssignmentArc::cost), a);
            added = true;
        }
    }
    return added;
}

}  // namespace

void set_fair_shares(AssignmentProblem& problem) {
    // Each piece of work is shared among the practitioners who may take it, in proportion to
    // their free half days; a practitioner's fair share is the sum of their parts. Spreading
    // only over those who may take it keeps the penalty meaningful when grades differ.
    std::vector<double> share(problem.resources.size(), 0.0);
    for (const auto& t : problem.tasks) {
        double capacity = 0;
        for (const auto& a : t.arcs) capacity += problem.resources[a.resource].capacity;
        if (capacity <= 0) continue;
        for (const auto& a : t.arcs)
            share[a.resource] += t.demand * problem.resources[a.resource].capacity / capacity;
    }
    for (std::size_t r = 0; r < share.size(); ++r)
        problem.resources[r].fair_share =
            std::min(problem.resources[r].capacity, static_cast<int>(share[r]));
}

std::int64_t assignment_objective(const AssignmentProblem& p, std::span<const int> resource_of) {
    std::vector<int> load(p.resources.size(), 0);
    std::int64_t total = 0;
    for (std::size_t t = 0; t < p.tasks.size(); ++t) {
        const auto& task = p.tasks[t];
        if (resource_of[t] == kUnassigned) {
            total += p.unassigned_penalty * task.demand;
            continue;
        }
        for (const auto& a : task.arcs)
            if (a.resource == resource_of[t]) {
                total += a.cost;
                break;
            }
        load[resource_of[t]] += task.demand;
    }
    for (std::size_t r = 0; r < load.size(); ++r)
        total += overload(p, static_cast<int>(r), load[r]);
    return total;
}

std::string assignment_violation(const AssignmentProblem& p, std::span<const int> resource_of) {
    if (resource_of.size() != p.tasks.size()) return "one choice per task is needed";
    std::vector<int> load(p.resources.size(), 0);
    for (std::size_t t = 0; t < p.tasks.size(); ++t) {
        int r = resource_of[t];
        if (r == kUnassigned) continue;
        if (std::ranges::none_of(p.tasks[t].arcs,
                                 [&](const AssignmentArc& a) { return a.resource == r; }))
            return fmt::format("task {} given to {}, which it may not go to", t, r);
        load[r] += p.tasks[t].demand;
    }
    for (std::size_t r = 0; r < load.size(); ++r)
        if (load[r] > p.resources[r].capacity)
            return fmt::format("resource {} carries {} of its {} half days", r, load[r],
                               p.resources[r].capacity);
    return {};
}

AssignmentSolution solve_assignment(const AssignmentProblem& p, const AssignmentOptions& options) {
    const std::size_t n = p.tasks.size(), m = p.resources.size();
    // The search looks at each task's cheapest arcs only; far-away practitioners almost never win.
    SearchArcs search{std::vector<std::vector<AssignmentArc>>(n), {}};
    auto& arcs = search.by_cost;
    for (std::size_t t = 0; t < n; ++t) {
        for (const auto& a : p.tasks[t].arcs)
            if (a.resource >= 0 && static_cast<std::size_t>(a.resource) < m &&
                p.tasks[t].demand <= p.resources[a.resource].capacity)
                arcs[t].push_back(a);
        auto cheaper = [](const AssignmentArc& a, const AssignmentArc& b) {
            return a.cost != b.cost ? a.cost < b.cost : a.resource < b.resource;
        };
        std::size_t keep = options.max_arcs_per_task > 0
                               ? std::min(options.max_arcs_per_task, arcs[t].size())
                               : arcs[t].size();
        std::ranges::partial_sort(arcs[t], arcs[t].begin() + static_cast<std::ptrdiff_t>(keep),
                                  cheaper);
        arcs[t].resize(keep);
    }
    search.by_resource = arcs;
    for (auto& list : search.by_resource) std::ranges::sort(list, {}, &AssignmentArc::resource);
    std::vector<int> everyone(n);
    std::iota(everyone.begin(), everyone.end(), 0);
    // Small problems get several starts (a tight packing the rounding misses is often found
    // from another); large ones are better served by the rounding and more search rounds,
    // 40 per practitioner, as a round costs about the same at any size.
    std::size_t searched = 0;
    for (const auto& a : arcs) searched += a.size();
    const std::size_t budget = options.polish_budget / std::max<std::size_t>(searched, 1);
    const int starts = budget >= options.max_starts ? static_cast<int>(options.max_starts) : 1;
    const int perturbations = options.perturbations > 0
                                  ? options.perturbations
                                  : static_cast<int>(std::clamp<std::size_t>(40 * m, 240, 8000));

    // The relaxation over the searched arcs, solved again while its prices show a cheaper arc
    // the search left out (rare: those are far away, and the prices are modest).
    std::optional<Relaxation> relaxation;
    AssignmentSolution best{std::vector<int>(n, kUnassigned),
                            std::numeric_limits<std::int64_t>::max(), 0, 0};
    for (int round = 0; round < options.relaxation_rounds; ++round) {
        relaxation = solve_relaxation(p, search.by_cost);
        best.iterations = round + 1;
        if (!relaxation || !add_priced_arcs(p, relaxation->prices, search)) break;
    }
    const std::vector<double> prices = relaxation ? relaxation->prices : std::vector<double>(m, 0);
    // The certificate is over every allowed arc, not only the ones searched.
    best.lower_bound = priced_bound(p, prices);

    // Rounding: work the relaxation gives whole to one practitioner stays there (it all fits, as
    // the relaxation keeps to every capacity); the rest is placed by regret at the same prices.
    Assignment rounded(p, search.by_resource);
    std::vector<int> rest;
    for (std::size_t t = 0; t < n; ++t) {
        const int task = static_cast<int>(t);
        const auto* shares = relaxation ? &relaxation->shares[t] : nullptr;
        if (shares && shares->size() == 1 && shares->front().half_days == p.tasks[t].demand &&
            rounded.cost(task, shares->front().resource) >= 0 &&
            rounded.fits(shares->front().resource, p.tasks[t].demand))
            rounded.place(task, shares->front().resource);
        else
            rest.push_back(task);
    }
    place_by_regret(p, search, prices, rounded, rest);
    improve(p, search, rounded, everyone, Polish::full);
    best.objective = rounded.objective();
    best.resource_of = rounded.result();
    // Close enough to stop: objective − bound ≤ target_gap × objective.
    const std::int64_t good_enough =
        options.target_gap >= 1
            ? std::numeric_limits<std::int64_t>::max()
            : static_cast<std::int64_t>(std::floor(best.lower_bound / (1 - options.target_gap)));
    auto close_enough = [&] { return best.objective <= good_enough; };
    // The other starts: the whole plan built again by regret at the prices varied at random.
    std::mt19937 rng(12345);
    std::uniform_real_distribution<double> factor(0.5, 1.5), extra(0.0, 1.0);
    std::vector<double> varied(m);
    Assignment current = std::move(rounded);
    for (int start = 1; start < starts && !close_enough(); ++start) {
        for (std::size_t r = 0; r < m; ++r)
            varied[r] =
                prices[r] * factor(rng) + static_cast<double>(p.overload_penalty) * extra(rng);
        Assignment x(p, search.by_resource);
        place_by_regret(p, search, varied, x, everyone);
        improve(p, search, x, everyone, Polish::full);
        if (auto objective = x.objective(); objective < best.objective) {
            best.objective = objective;
            best.resource_of = x.result();
            current = std::move(x);
        }
    }
    // Iterated local search from the best plan (core/assignment_search.hpp). Large problems
    // are searched in two halves at once, on two cores, with as many rounds in each half as
    // one search would make, so twice the rounds in about the same time.
    if (n > 0 && m > 1 && !close_enough()) {
        if (m >= options.two_cores_from) {
            constexpr int kPhases = 8;
            search_in_halves(p, search, prices, current, perturbations, kPhases, rng(),
                             good_enough);
        } else {
            std::vector<int> starts(m);
            std::iota(starts.begin(), starts.end(), 0);
            search_rounds(p, search, prices, current, starts, perturbations, rng(), good_enough);
        }
        if (current.objective() < best.objective) {
            best.objective = current.objective();
            best.resource_of = current.result();
        }
    }
    return best;
}

}  // namespace sendhub
