#include "core/assignment_search.hpp"

#include <algorithm>
#include <array>
#include <functional>
#include <iterator>
#include <limits>
#include <numeric>
#include <random>
#include <thread>

namespace sendhub::assignment_search {
namespace {

//! A cheap, well-spread number in [0.5, 1.5) for practitioner r in round `round` (splitmix64),
//! so a round's noisy prices need no table.
double price_noise(std::uint64_t round, int r) {
    std::uint64_t z = round * 0x9E3779B97F4A7C15ULL + static_cast<std::uint64_t>(r) + 1;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    z ^= z >> 31;
    return 0.5 + static_cast<double>(z >> 11) * 0x1.0p-53;
}

//! Two halves of the practitioners for a parallel phase: the first half is the first m / 2
//! reached by a breadth-first walk from `from` over shared candidate work (starting again from
//! the next practitioner not yet reached when a group shares none with the rest), so few
//! requests could go to both halves. 0 or 1 per practitioner.
std::vector<char> split_practitioners(const SearchArcs& search,
                                      const std::vector<std::vector<int>>& tasks_of, int from) {
    const std::size_t m = tasks_of.size();
    std::vector<char> half(m, 1), reached(m, 0), seen(search.by_cost.size(), 0);
    std::vector<int> queue;
    queue.reserve(m);
    std::size_t head = 0, taken = 0, next = static_cast<std::size_t>(from);
    while (taken < m / 2) {
        if (head == queue.size()) {
            while (reached[next]) next = (next + 1) % m;
            reached[next] = 1;
            queue.push_back(static_cast<int>(next));
        }
        const int r = queue[head++];
        half[r] = 0;
        ++taken;
        for (int t : tasks_of[r]) {
            if (seen[t]) continue;
            seen[t] = 1;
            for (const auto& a : search.by_cost[t])
                if (!reached[a.resource]) reached[a.resource] = 1, queue.push_back(a.resource);
        }
    }
    return half;
}

//! The work of `practitioners` that the search may move.
std::vector<int> movable_work_of(const Assignment& x, std::span<const int> practitioners) {
    std::vector<int> tasks;
    for (int r : practitioners)
        std::ranges::copy_if(x.carried(r), std::back_inserter(tasks),
                             [&](int t) { return x.movable(t); });
    return tasks;
}

//! Adds to `tasks` the unplanned work the search may move that any of `practitioners` could
//! take, until there are `limit` tasks.
void add_unplanned_for(const Assignment& x, std::span<const int> practitioners,
                       std::vector<int>& tasks, std::size_t limit) {
    for (int t : x.carried(kUnassigned)) {
        if (tasks.size() >= limit) return;
        if (x.movable(t) &&
            std::ranges::any_of(practitioners, [&](int r) { return x.cost(t, r) >= 0; }))
            tasks.push_back(t);
    }
}

}  // namespace

void place_by_regret(const AssignmentProblem& p, const SearchArcs& search,
                     std::span<const double> prices, Assignment& x, std::span<const int> tasks) {
    const auto& arcs = search.by_cost;
    std::vector<std::pair<double, int>> order;  // (regret, task)
    order.reserve(tasks.size());
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
        order.emplace_back(second - best, t);
    }
    std::ranges::stable_sort(order, std::greater<>{}, &std::pair<double, int>::first);
    for (auto [regret, t] : order) {
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

void improve(const AssignmentProblem& p, const SearchArcs& search, Assignment& x,
             std::span<const int> focus, Polish polish) {
    const bool chains = polish == Polish::full;
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
                if (!x.movable(u) || !room_after(from, du - dt) || !room_after(to, dt - du))
                    continue;
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
                if (!x.movable(u) || !room_after(to, dt - du)) continue;
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
        if (!queued[t] && x.movable(t)) queued[t] = 1, work.push_back(t);
    };
    for (int t : focus) enqueue(t);
    for (std::size_t head = 0; head < work.size(); ++head) {
        int t = work[head];
        queued[t] = 0;
        changed.clear();
        if (!try_move(t) && !(chains && try_chain(t)) && !try_swap(t)) continue;
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

std::vector<int> repack_pair(const AssignmentProblem& p, Assignment& x, int a, int b) {
    constexpr std::size_t kMaxTasks = 24;
    constexpr int kMaxNodes = 20000;
    const std::array pair{a, b};
    std::vector<int> tasks = movable_work_of(x, pair);
    if (tasks.size() > kMaxTasks) return {};
    add_unplanned_for(x, pair, tasks, kMaxTasks);
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

std::vector<int> ruin_and_recreate(const AssignmentProblem& p, const SearchArcs& search,
                                   std::span<const double> prices, Assignment& x,
                                   std::span<const int> ruined, std::uint64_t round,
                                   std::vector<double>& noisy_prices) {
    std::vector<int> tasks = movable_work_of(x, ruined);
    add_unplanned_for(x, ruined, tasks, std::numeric_limits<std::size_t>::max());
    for (int t : tasks) x.place(t, kUnassigned);
    noisy_prices.resize(prices.size());
    for (std::size_t r = 0; r < prices.size(); ++r)
        noisy_prices[r] = prices[r] * price_noise(round, static_cast<int>(r));
    place_by_regret(p, search, noisy_prices, x, tasks);
    return tasks;
}

void search_rounds(const AssignmentProblem& p, const SearchArcs& search,
                   std::span<const double> prices, Assignment& x, std::span<const int> starts,
                   int rounds, std::uint64_t seed, std::int64_t good_enough) {
    constexpr int kRuined = 3, kPairEvery = 8;
    if (starts.empty()) return;
    std::mt19937 rng(static_cast<std::uint32_t>(seed));
    std::uniform_real_distribution<double> chance(0.0, 1.0);
    std::uniform_int_distribution<std::size_t> start(0, starts.size() - 1);
    std::int64_t accepted = x.objective();
    std::vector<double> noisy_prices;
    std::vector<int> neighbours, ruined;
    for (int round = 0; round < rounds && accepted > good_enough; ++round) {
        // Practitioners who could take some of `first`'s work, as often as they could.
        const int first = starts[start(rng)];
        neighbours.clear();
        for (int t : x.carried(first))
            if (x.movable(t))
                for (const auto& a : search.by_cost[t])
                    if (a.resource != first) neighbours.push_back(a.resource);
        if (neighbours.empty()) continue;
        std::uniform_int_distribution<std::size_t> neighbour(0, neighbours.size() - 1);
        ruined.assign({first});
        const bool pair = chance(rng) * kPairEvery < 1.0;
        for (int k = 1; k < (pair ? 2 : kRuined); ++k) ruined.push_back(neighbours[neighbour(rng)]);
        x.record();
        if (pair) {
            auto touched = repack_pair(p, x, ruined[0], ruined[1]);
            improve(p, search, x, touched, Polish::full);
        } else {
            std::ranges::sort(ruined);
            ruined.erase(std::ranges::unique(ruined).begin(), ruined.end());
            auto touched =
                ruin_and_recreate(p, search, prices, x, ruined,
                                  (seed << 32) + static_cast<std::uint64_t>(round), noisy_prices);
            improve(p, search, x, touched, Polish::quick);
        }
        if (x.objective() > accepted) {
            x.undo();
            continue;
        }
        x.commit();
        accepted = x.objective();  // equal is accepted too: it moves the search along
    }
}

void search_in_halves(const AssignmentProblem& p, const SearchArcs& search,
                      std::span<const double> prices, Assignment& x, int rounds, int phases,
                      std::uint64_t seed, std::int64_t good_enough) {
    const std::size_t n = p.tasks.size(), m = p.resources.size();
    if (m < 2) return;
    std::vector<std::vector<int>> tasks_of(m);
    for (std::size_t t = 0; t < n; ++t)
        for (const auto& a : search.by_cost[t]) tasks_of[a.resource].push_back(static_cast<int>(t));
    std::mt19937 rng(static_cast<std::uint32_t>(seed));
    for (int phase = 0; phase < phases && x.objective() > good_enough; ++phase) {
        const auto half = split_practitioners(
            search, tasks_of, std::uniform_int_distribution<int>(0, static_cast<int>(m) - 1)(rng));
        std::array<std::vector<int>, 2> starts;
        for (std::size_t r = 0; r < m; ++r) starts[half[r]].push_back(static_cast<int>(r));
        // A request is searched in a half only if every practitioner it could go to is there.
        std::array<std::vector<char>, 2> movable{std::vector<char>(n, 0), std::vector<char>(n, 0)};
        for (std::size_t t = 0; t < n; ++t) {
            const auto& arcs = search.by_cost[t];
            if (arcs.empty()) continue;
            const char h = half[arcs.front().resource];
            if (std::ranges::all_of(arcs,
                                    [&](const AssignmentArc& a) { return half[a.resource] == h; }))
                movable[h][t] = 1;
        }
        const int each = rounds / phases + (phase < rounds % phases ? 1 : 0);
        const std::uint64_t phase_seed = seed + 2 * static_cast<std::uint64_t>(phase) + 1;
        Assignment other = x;
        x.limit_to(movable[0]);
        other.limit_to(movable[1]);
        {
            std::jthread helper([&] {
                search_rounds(p, search, prices, other, starts[1], each, phase_seed + 1,
                              std::numeric_limits<std::int64_t>::min());
            });
            search_rounds(p, search, prices, x, starts[0], each, phase_seed,
                          std::numeric_limits<std::int64_t>::min());
        }
        x.limit_to({});
        for (std::size_t t = 0; t < n; ++t)
            if (movable[1][t]) x.place(static_cast<int>(t), other.of(static_cast<int>(t)));
    }
    // A last phase over everyone, on one core, for work that only a pair across the halves
    // could place (with few practitioners the halves share most of it).
    std::vector<int> everyone(m);
    std::iota(everyone.begin(), everyone.end(), 0);
    search_rounds(p, search, prices, x, everyone, rounds / phases,
                  seed + 2 * static_cast<std::uint64_t>(phases) + 1, good_enough);
}

}  // namespace sendhub::assignment_search
