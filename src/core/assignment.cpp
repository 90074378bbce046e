#include "core/assignment.hpp"

#include "core/assignment_relaxation.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>

#include <fmt/format.h>

namespace sendhub {
namespace {

std::int64_t overload(const AssignmentProblem& p, int resource, int load) {
    return p.overload_penalty * std::max(0, load - p.resources[resource].fair_share);
}

//! Current assignment with loads and, per practitioner, the tasks they carry; its cost is kept
//! as it changes, and changes can be recorded to be undone.
class Assignment {
  public:
    Assignment(const AssignmentProblem& p, std::span<const std::vector<AssignmentArc>> by_resource)
        : p_(&p),
          by_resource_(by_resource),
          of_(p.tasks.size(), kUnassigned),
          slot_(p.tasks.size(), 0),
          load_(p.resources.size(), 0),
          carried_(p.resources.size() + 1),
          current_cost_(p.tasks.size()) {
        auto& unplanned = carried_.back();
        for (std::size_t t = 0; t < p.tasks.size(); ++t) {
            current_cost_[t] = cost(static_cast<int>(t), kUnassigned);
            total_ += current_cost_[t];
            slot_[t] = static_cast<int>(unplanned.size());
            unplanned.push_back(static_cast<int>(t));
        }
    }

    [[nodiscard]] int of(int t) const { return of_[t]; }
    [[nodiscard]] int load(int r) const { return load_[r]; }
    [[nodiscard]] bool fits(int r, int extra) const {
        return load_[r] + extra <= p_->resources[r].capacity;
    }
    //! The tasks practitioner r carries (kUnassigned: the unplanned ones).
    [[nodiscard]] const std::vector<int>& carried(int r) const { return carried_[list(r)]; }
    [[nodiscard]] const std::vector<int>& result() const { return of_; }
    //! What task t costs where it is now.
    [[nodiscard]] std::int64_t current_cost(int t) const { return current_cost_[t]; }
    [[nodiscard]] std::int64_t objective() const { return total_; }

    //! Cost of task t on resource r (kUnassigned: the unplanned penalty); -1 if not allowed.
    [[nodiscard]] std::int64_t cost(int t, int r) const {
        if (r == kUnassigned) return p_->unassigned_penalty * p_->tasks[t].demand;
        const auto& arcs = by_resource_[t];
        auto it = std::ranges::lower_bound(arcs, r, {}, &AssignmentArc::resource);
        return it != arcs.end() && it->resource == r ? it->cost : -1;
    }
    //! Change in overload penalty on r when its load moves by delta.
    [[nodiscard]] std::int64_t overload_change(int r, int delta) const {
        if (r == kUnassigned) return 0;
        return overload(*p_, r, load_[r] + delta) - overload(*p_, r, load_[r]);
    }

    void place(int t, int r) {
        const int d = p_->tasks[t].demand, old = of_[t];
        if (old == r) return;
        if (recording_) journal_.emplace_back(t, old);
        total_ += overload_change(old, -d);
        load_change(old, -d);
        auto& from = carried_[list(old)];
        int moved = from.back();
        from[slot_[t]] = moved;
        slot_[moved] = slot_[t];
        from.pop_back();
        total_ += overload_change(r, d);
        load_change(r, d);
        auto& to = carried_[list(r)];
        slot_[t] = static_cast<int>(to.size());
        to.push_back(t);
        of_[t] = r;
        total_ -= current_cost_[t];
        current_cost_[t] = cost(t, r);
        total_ += current_cost_[t];
    }

    //! From now on every change is recorded, until commit() keeps them or undo() reverts them.
    void record() {
        journal_.clear();
        recording_ = true;
    }
    void commit() { recording_ = false; }
    void undo() {
        recording_ = false;
        for (auto it = journal_.rbegin(); it != journal_.rend(); ++it) place(it->first, it->second);
        journal_.clear();
    }

  private:
    [[nodiscard]] std::size_t list(int r) const {
        return r == kUnassigned ? load_.size() : static_cast<std::size_t>(r);
    }
    void load_change(int r, int delta) {
        if (r != kUnassigned) load_[r] += delta;
    }

    const AssignmentProblem* p_;
    std::span<const std::vector<AssignmentArc>>
        by_resource_;  // each task's arcs sorted by resource
    std::vector<int> of_, slot_, load_;
    std::vector<std::vector<int>> carried_;  // per practitioner, then the unplanned
    std::vector<std::int64_t> current_cost_;
    std::int64_t total_ = 0;
    bool recording_ = false;
    std::vector<std::pair<int, int>> journal_;  // (task, where it was)
};

//! The arcs the search uses: each task's cheapest, in cost order and in practitioner order.
struct SearchArcs {
    std::vector<std::vector<AssignmentArc>> by_cost, by_resource;
};

//! Places `tasks` into x, those with the most to lose first, each to its cheapest priced option
//! that still has room.
void place_by_regret(const AssignmentProblem& p, const SearchArcs& search,
                     std::span<const double> prices, Assignment& x, std::vector<int> tasks) {
    const auto& arcs = search.by_cost;
    std::vector<double> regret(p.tasks.size());
    for (int t : tasks) {
        const int d = p.tasks[t].demand;
        double best = static_cast<double>(p.unassigned_penalty) * d, second = best;
        for (const auto& a : arcs[t]) {
            double v = static_cast<double>(a.cost) + d * prices[a.resource];
            if (v < best)
                second = best, best = v;
            else if (v < second)
                second = v;
        }
        regret[t] = second - best;
    }
    std::ranges::stable_sort(tasks, [&](int a, int b) { return regret[a] > regret[b]; });
    for (int t : tasks) {
        const int d = p.tasks[t].demand;
        int arg = kUnassigned;
        double best = std::numeric_limits<double>::infinity();
        for (const auto& a : arcs[t]) {
            if (!x.fits(a.resource, d)) continue;
            double v = static_cast<double>(a.cost + x.overload_change(a.resource, d)) +
                       d * prices[a.resource];
            if (v < best) best = v, arg = a.resource;
        }
        x.place(t, arg);
    }
}

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

//! First-improvement local search over the `focus` tasks: move one, give unplanned work a chain
//! of two moves, then swap two; until nothing improves.
void improve(const AssignmentProblem& p, const SearchArcs& search, Assignment& x,
             std::span<const int> focus) {
    const auto& arcs = search.by_cost;
    std::vector<int> changed;  // practitioners whose work changed in the last step
    auto put = [&](int t, int r) {
        changed.push_back(x.of(t));
        changed.push_back(r);
        x.place(t, r);
    };
    auto try_move = [&](int t) {
        const int d = p.tasks[t].demand, from = x.of(t);
        const std::int64_t base = x.current_cost(t) - x.overload_change(from, -d);
        std::int64_t best = 0;
        int arg = from;
        for (const auto& a : arcs[t]) {
            if (a.resource == from || !x.fits(a.resource, d)) continue;
            std::int64_t delta = a.cost + x.overload_change(a.resource, d) - base;
            if (delta < best) best = delta, arg = a.resource;
        }
        if (arg == from) return false;
        put(t, arg);
        return true;
    };
    auto room_after = [&](int r, int delta) {
        return r == kUnassigned || x.load(r) + delta <= p.resources[r].capacity;
    };
    // t goes to `to` and one task u there goes where t was (unplanned work may change places
    // with planned work: a bigger piece may fill the same room better).
    auto try_swap = [&](int t) {
        const int from = x.of(t), dt = p.tasks[t].demand;
        const std::int64_t cost_t = x.current_cost(t);
        for (const auto& a : arcs[t]) {
            // Swaps where t gets cheaper; the others are found from the other task's side.
            if (a.cost >= cost_t) break;
            const int to = a.resource;
            if (to == from) continue;
            for (int u : x.carried(to)) {
                const int du = p.tasks[u].demand;
                if (!room_after(from, du - dt) || !room_after(to, dt - du)) continue;
                std::int64_t cost_u_from = x.cost(u, from);
                if (cost_u_from < 0) continue;
                std::int64_t delta = a.cost + cost_u_from - cost_t - x.current_cost(u) +
                                     x.overload_change(from, du - dt) +
                                     x.overload_change(to, dt - du);
                if (delta >= 0) continue;
                put(t, kUnassigned);
                put(u, from);
                put(t, to);
                return true;
            }
        }
        return false;
    };
    // An ejection chain of two: t goes to `to`, and a task u there moves on to a third
    // practitioner with room. Sorted arcs and a bound on the penalty change cut the search short.
    auto try_chain = [&](int t) {
        const int from = x.of(t), dt = p.tasks[t].demand;
        const std::int64_t cost_t = x.current_cost(t);
        for (const auto& a : arcs[t]) {
            const int to = a.resource;
            if (to == from) continue;
            const std::int64_t first = a.cost - cost_t;
            if (from != kUnassigned && first >= 0)
                break;  // t gets cheaper; the mirror chain is found from u
            const std::int64_t leave_from = x.overload_change(from, -dt);
            for (int u : x.carried(to)) {
                const int du = p.tasks[u].demand;
                if (!room_after(to, dt - du)) continue;
                // Everything but u's new practitioner's penalty (never negative) is known, and
                // u's arcs come cheapest first: once this is not an improvement, none after is.
                const std::int64_t known =
                    first - x.current_cost(u) + leave_from + x.overload_change(to, dt - du);
                for (const auto& b : arcs[u]) {
                    if (known + b.cost >= 0) break;
                    const int w = b.resource;
                    if (w == to || w == from || !x.fits(w, du)) continue;
                    if (known + b.cost + x.overload_change(w, du) >= 0) continue;
                    put(u, w);
                    put(t, to);
                    return true;
                }
            }
        }
        return false;
    };
    // A work list ("don't look bits"): after a change only the tasks of the practitioners
    // involved, and the unplanned work, are looked at again.
    const std::size_t n = p.tasks.size();
    std::vector<char> queued(n, 0);
    std::vector<int> work;
    const std::vector<int> unplanned = x.carried(kUnassigned);
    auto enqueue = [&](int t) {
        if (!queued[t]) queued[t] = 1, work.push_back(t);
    };
    for (int t : focus) enqueue(t);
    for (std::size_t head = 0; head < work.size(); ++head) {
        int t = work[head];
        queued[t] = 0;
        changed.clear();
        if (!try_move(t) && !try_chain(t) && !try_swap(t)) continue;
        for (int r : changed) {
            if (r == kUnassigned) continue;
            for (int u : x.carried(r)) enqueue(u);
        }
        for (int u : unplanned)
            if (x.of(u) == kUnassigned) enqueue(u);
        enqueue(t);
        if (head > 64 * n + 1024) {  // compact the list now and then; it only ever grows by appends
            work.erase(work.begin(), work.begin() + static_cast<std::ptrdiff_t>(head) + 1);
            head = static_cast<std::size_t>(-1);
        }
    }
}

//! Places the work of practitioners a and b, and the unplanned work they could take, in the
//! cheapest way among a, b and unplanned: a depth-first search with a lower bound, limited
//! in size so it stays quick.
//! Returns the tasks it placed.
std::vector<int> repack_pair(const AssignmentProblem& p, Assignment& x, int a, int b) {
    constexpr std::size_t kMaxTasks = 24;
    constexpr int kMaxNodes = 20000;
    std::vector<int> tasks(x.carried(a).begin(), x.carried(a).end());
    tasks.insert(tasks.end(), x.carried(b).begin(), x.carried(b).end());
    if (tasks.size() > kMaxTasks) return {};
    for (int t : x.carried(kUnassigned)) {
        if (tasks.size() >= kMaxTasks) break;
        if (x.cost(t, a) >= 0 || x.cost(t, b) >= 0) tasks.push_back(t);
    }
    for (int t : tasks) x.place(t, kUnassigned);
    std::ranges::sort(tasks, [&](int l, int r) { return p.tasks[l].demand > p.tasks[r].demand; });

    const std::size_t k = tasks.size();
    std::vector<std::array<std::int64_t, 3>> cost(k);  // on a, on b, unplanned; -1 if not allowed
    std::vector<std::int64_t> cheapest_after(k + 1, 0);
    for (std::size_t i = 0; i < k; ++i)
        cost[i] = {x.cost(tasks[i], a), x.cost(tasks[i], b), x.cost(tasks[i], kUnassigned)};
    for (std::size_t i = k; i-- > 0;) {
        std::int64_t low = cost[i][2];
        for (int o = 0; o < 2; ++o)
            if (cost[i][o] >= 0) low = std::min(low, cost[i][o]);
        cheapest_after[i] = cheapest_after[i + 1] + low;
    }
    const int base_a = x.load(a), base_b = x.load(b);
    std::vector<int> choice(k, 2), best_choice(k, 2);
    std::int64_t best = std::numeric_limits<std::int64_t>::max();
    int nodes = 0;
    auto search = [&](auto&& self, std::size_t i, std::int64_t spent, int load_a,
                      int load_b) -> void {
        // Overload only grows with load, so the penalty so far is part of a valid bound.
        std::int64_t so_far = spent + overload(p, a, load_a) + overload(p, b, load_b);
        if (so_far + cheapest_after[i] >= best || ++nodes > kMaxNodes) return;
        if (i == k) {
            best = so_far;
            best_choice = choice;
            return;
        }
        const int d = p.tasks[tasks[i]].demand;
        for (int o = 0; o < 3; ++o) {
            if (cost[i][o] < 0) continue;
            if (o == 0 && load_a + d > p.resources[a].capacity) continue;
            if (o == 1 && load_b + d > p.resources[b].capacity) continue;
            choice[i] = o;
            self(self, i + 1, spent + cost[i][o], load_a + (o == 0 ? d : 0),
                 load_b + (o == 1 ? d : 0));
        }
    };
    search(search, 0, 0, base_a, base_b);
    for (std::size_t i = 0; i < k; ++i)
        x.place(tasks[i], best_choice[i] == 0 ? a : best_choice[i] == 1 ? b : kUnassigned);
    return tasks;
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
    // from another); large ones are better served by the rounding and more re-packing rounds,
    // 20 per practitioner, as a round costs about the same at any size.
    std::size_t searched = 0;
    for (const auto& a : arcs) searched += a.size();
    const std::size_t budget = options.polish_budget / std::max<std::size_t>(searched, 1);
    const int starts = budget >= options.max_starts ? static_cast<int>(options.max_starts) : 1;
    const int perturbations = options.perturbations > 0
                                  ? options.perturbations
                                  : static_cast<int>(std::clamp<std::size_t>(20 * m, 60, 20000));

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
    place_by_regret(p, search, prices, rounded, std::move(rest));
    improve(p, search, rounded, everyone);
    best.objective = rounded.objective();
    best.resource_of = rounded.result();
    auto close_enough = [&] {
        return static_cast<double>(best.objective) - best.lower_bound <=
               options.target_gap * std::abs(static_cast<double>(best.objective));
    };
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
        improve(p, search, x, everyone);
        if (auto objective = x.objective(); objective < best.objective) {
            best.objective = objective;
            best.resource_of = x.result();
            current = std::move(x);
        }
    }
    // Iterated local search: two practitioners who could share work have everything they carry,
    // and the unplanned work they could take, re-packed exactly; then the moves polish the rest.
    // Packings the single moves cannot reach (two small pieces for one big) are found this way.
    if (n > 0 && m > 1 && !close_enough()) {
        std::int64_t current_objective = best.objective;
        for (int round = 0; round < perturbations; ++round) {
            int first = std::uniform_int_distribution<int>(0, static_cast<int>(m) - 1)(rng);
            std::vector<int> neighbours;
            for (int t : current.carried(first))
                for (const auto& a : arcs[t])
                    if (a.resource != first) neighbours.push_back(a.resource);
            if (neighbours.empty()) continue;
            int second = neighbours[std::uniform_int_distribution<std::size_t>(
                0, neighbours.size() - 1)(rng)];
            current.record();
            std::vector<int> touched = repack_pair(p, current, first, second);
            improve(p, search, current, touched);
            auto objective = current.objective();
            if (objective > current_objective) {
                current.undo();
                continue;
            }
            current.commit();
            current_objective = objective;  // equal is accepted too: it moves the search along
            if (objective < best.objective) {
                best.objective = objective;
                best.resource_of = current.result();
                if (close_enough()) break;
            }
        }
    }
    return best;
}

}  // namespace sendhub
