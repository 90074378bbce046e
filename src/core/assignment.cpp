#include "core/assignment.hpp"

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

//! The practitioner's side of the Lagrangian: max over 0 <= L <= capacity of price·L − overload(L).
//! Up to the penalty it pays to fill the fair share; beyond it, to fill the capacity.
double resource_term(const AssignmentProblem& p, int r, double price) {
    const auto& res = p.resources[r];
    double term = price * res.fair_share;
    if (price > static_cast<double>(p.overload_penalty))
        term += (price - static_cast<double>(p.overload_penalty)) * (res.capacity - res.fair_share);
    return term;
}

int resource_supply(const AssignmentProblem& p, int r, double price) {
    return price > static_cast<double>(p.overload_penalty) ? p.resources[r].capacity
                                                           : p.resources[r].fair_share;
}

//! Lagrangian bound for `prices` over the arcs `arcs_of(t)` gives; `choice` receives each
//! task's cheapest option.
template <typename ArcsOf>
double lagrangian_bound(const AssignmentProblem& p, ArcsOf arcs_of, std::span<const double> prices,
                        std::vector<int>* choice) {
    double bound = 0;
    for (std::size_t t = 0; t < p.tasks.size(); ++t) {
        const int d = p.tasks[t].demand;
        double best = static_cast<double>(p.unassigned_penalty) * d;
        int arg = kUnassigned;
        for (const auto& a : arcs_of(t)) {
            if (a.resource < 0 || static_cast<std::size_t>(a.resource) >= prices.size()) continue;
            double v = static_cast<double>(a.cost) + d * prices[a.resource];
            if (v < best) best = v, arg = a.resource;
        }
        bound += best;
        if (choice) (*choice)[t] = arg;
    }
    for (std::size_t r = 0; r < prices.size(); ++r)
        bound -= resource_term(p, static_cast<int>(r), prices[r]);
    return bound;
}

//! Current assignment with loads and, per practitioner, the tasks they carry.
class Assignment {
  public:
    Assignment(const AssignmentProblem& p, std::span<const std::vector<AssignmentArc>> by_resource)
        : p_(&p),
          by_resource_(by_resource),
          of_(p.tasks.size(), kUnassigned),
          slot_(p.tasks.size(), 0),
          load_(p.resources.size(), 0),
          carried_(p.resources.size()),
          current_cost_(p.tasks.size()) {
        for (std::size_t t = 0; t < p.tasks.size(); ++t)
            current_cost_[t] = cost(static_cast<int>(t), kUnassigned);
    }

    [[nodiscard]] int of(int t) const { return of_[t]; }
    [[nodiscard]] int load(int r) const { return load_[r]; }
    [[nodiscard]] bool fits(int r, int extra) const {
        return load_[r] + extra <= p_->resources[r].capacity;
    }
    [[nodiscard]] const std::vector<int>& carried(int r) const { return carried_[r]; }
    [[nodiscard]] const std::vector<int>& result() const { return of_; }
    //! What task t costs where it is now.
    [[nodiscard]] std::int64_t current_cost(int t) const { return current_cost_[t]; }
    [[nodiscard]] std::int64_t objective() const {
        std::int64_t total = 0;
        for (auto c : current_cost_) total += c;
        for (std::size_t r = 0; r < load_.size(); ++r)
            total += overload(*p_, static_cast<int>(r), load_[r]);
        return total;
    }

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
        const int d = p_->tasks[t].demand;
        if (int old = of_[t]; old != kUnassigned) {
            load_[old] -= d;
            auto& list = carried_[old];
            int moved = list.back();
            list[slot_[t]] = moved;
            slot_[moved] = slot_[t];
            list.pop_back();
        }
        of_[t] = r;
        current_cost_[t] = cost(t, r);
        if (r != kUnassigned) {
            load_[r] += d;
            slot_[t] = static_cast<int>(carried_[r].size());
            carried_[r].push_back(t);
        }
    }

  private:
    const AssignmentProblem* p_;
    std::span<const std::vector<AssignmentArc>>
        by_resource_;  // each task's arcs sorted by resource
    std::vector<int> of_, slot_, load_;
    std::vector<std::vector<int>> carried_;
    std::vector<std::int64_t> current_cost_;
};

//! The arcs the search uses: each task's cheapest, in cost order and in practitioner order.
struct SearchArcs {
    std::vector<std::vector<AssignmentArc>> by_cost, by_resource;
};

//! Tasks with the most to lose go first, each to its cheapest priced option that still has room.
Assignment construct(const AssignmentProblem& p, const SearchArcs& search,
                     std::span<const double> prices) {
    const auto& arcs = search.by_cost;
    const int n = static_cast<int>(p.tasks.size());
    std::vector<double> regret(n);
    for (int t = 0; t < n; ++t) {
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
    std::vector<int> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::ranges::stable_sort(order, [&](int a, int b) { return regret[a] > regret[b]; });
    Assignment x(p, search.by_resource);
    for (int t : order) {
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
    return x;
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
    std::vector<int> work, unplanned;
    auto enqueue = [&](int t) {
        if (!queued[t]) queued[t] = 1, work.push_back(t);
    };
    for (int t : focus) enqueue(t);
    for (std::size_t t = 0; t < n; ++t)
        if (x.of(static_cast<int>(t)) == kUnassigned) unplanned.push_back(static_cast<int>(t));
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
    constexpr int kMaxNodes = 100000;
    std::vector<int> tasks(x.carried(a).begin(), x.carried(a).end());
    tasks.insert(tasks.end(), x.carried(b).begin(), x.carried(b).end());
    if (tasks.size() > kMaxTasks) return {};
    for (std::size_t t = 0; t < p.tasks.size() && tasks.size() < kMaxTasks; ++t)
        if (x.of(static_cast<int>(t)) == kUnassigned &&
            (x.cost(static_cast<int>(t), a) >= 0 || x.cost(static_cast<int>(t), b) >= 0))
            tasks.push_back(static_cast<int>(t));
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
    // How many constructions get polished: more for small problems, where each is cheap.
    std::size_t searched = 0;
    for (const auto& a : arcs) searched += a.size();
    const std::size_t budget = options.polish_budget / std::max<std::size_t>(searched, 1);
    int construct_every = options.construct_every;
    if (construct_every <= 0)
        construct_every = std::max(
            1, options.max_iterations / static_cast<int>(std::clamp<std::size_t>(budget, 5, 24)));
    // Iterated local search rounds: 20 per task, within the budget, 60 to 2000.
    const int perturbations =
        options.perturbations > 0
            ? options.perturbations
            : static_cast<int>(std::clamp<std::size_t>(std::min(budget, 20 * n), 60, 2000));

    AssignmentSolution best{std::vector<int>(n, kUnassigned),
                            std::numeric_limits<std::int64_t>::max(), 0, 0};
    std::vector<double> prices(m, 0), best_prices(m, 0), step(m, 0);
    std::vector<int> choice(n), demand_on(m);
    double best_bound = -std::numeric_limits<double>::infinity(), theta = options.initial_step;
    int stalled = 0;
    for (int it = 0; it < options.max_iterations; ++it) {
        best.iterations = it + 1;
        double bound = lagrangian_bound(
            p, [&](std::size_t t) -> const auto& { return arcs[t]; }, prices, &choice);
        if (bound > best_bound + 1e-9) {
            best_bound = bound;
            best_prices = prices;
            stalled = 0;
        } else if (++stalled >= 8) {
            theta /= 2;
            stalled = 0;
        }
        if (it % construct_every == 0 || it + 1 == options.max_iterations) {
            auto x = construct(p, search, prices);
            improve(p, search, x, everyone);
            if (auto objective = x.objective(); objective < best.objective) {
                best.objective = objective;
                best.resource_of = x.result();
            }
        }
        const double gap = static_cast<double>(best.objective) - best_bound;
        if (gap <= options.target_gap * std::abs(static_cast<double>(best.objective))) break;

        std::ranges::fill(demand_on, 0);
        for (std::size_t t = 0; t < n; ++t)
            if (choice[t] != kUnassigned) demand_on[choice[t]] += p.tasks[t].demand;
        double norm = 0;
        for (std::size_t r = 0; r < m; ++r) {
            double g = demand_on[r] - resource_supply(p, static_cast<int>(r), prices[r]);
            if (prices[r] <= 0 && g < 0) g = 0;  // a price cannot go below zero
            step[r] = g;
            norm += g * g;
        }
        if (norm == 0) break;  // prices balance supply and demand: the bound is as good as it gets
        for (std::size_t r = 0; r < m; ++r)
            prices[r] = std::max(0.0, prices[r] + theta * gap / norm * step[r]);
    }
    // Iterated local search: two practitioners who could share work have everything they carry,
    // and the unplanned work they could take, re-packed exactly; then the moves polish the rest.
    // Packings the single moves cannot reach (two small pieces for one big) are found this way.
    Assignment current(p, search.by_resource);
    for (std::size_t t = 0; t < n; ++t) current.place(static_cast<int>(t), best.resource_of[t]);
    if (n > 0 && m > 1) {
        std::mt19937 rng(12345);
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
            Assignment trial = current;
            std::vector<int> touched = repack_pair(p, trial, first, second);
            improve(p, search, trial, touched);
            auto objective = trial.objective();
            if (objective > current_objective) continue;
            current_objective = objective;  // equal is accepted too: it moves the search along
            current = std::move(trial);
            if (objective < best.objective) {
                best.objective = objective;
                best.resource_of = current.result();
            }
        }
    }
    // The certificate is over every allowed arc, not only the ones searched.
    best.lower_bound = lagrangian_bound(
        p, [&](std::size_t t) -> const auto& { return p.tasks[t].arcs; }, best_prices, nullptr);
    return best;
}

}  // namespace sendhub
