#include "core/assignment_packing_bound.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace sendhub {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

struct Candidate {
    int task = 0;
    int demand = 0;
    double gain = 0;  // the request's price less its travel: what packing it is worth
};

//! One practitioner's part of the bound: the cheapest packing of candidates within their free
//! half days, counting the overload penalty above the fair share. Marks the requests packed
//! in `packed` (their count goes up by one) and returns the packing's cost (never positive).
class Packer {
  public:
    double pack(const AssignmentProblem& p, int r, std::span<const Candidate> items,
                std::vector<int>& packed) {
        const auto& res = p.resources[static_cast<std::size_t>(r)];
        const int free = std::max(res.capacity, 0);
        const int fair = std::clamp(res.fair_share, 0, free);
        const auto width = static_cast<std::size_t>(free) + 1;
        // cost[w]: least cost of a packing of exactly w half days (a 0/1 knapsack);
        // took[i * width + w]: whether item i is in that packing when it is first reached.
        cost_.assign(width, kInfinity);
        cost_[0] = 0;
        took_.assign(items.size() * width, 0);
        for (std::size_t i = 0; i < items.size(); ++i) {
            const int d = items[i].demand;
            for (int w = free; w >= d; --w) {
                const double with = cost_[static_cast<std::size_t>(w - d)] - items[i].gain;
                if (with < cost_[static_cast<std::size_t>(w)]) {
                    cost_[static_cast<std::size_t>(w)] = with;
                    took_[i * width + static_cast<std::size_t>(w)] = 1;
                }
            }
        }
        int best_w = 0;
        double best = 0;
        for (int w = 1; w <= free; ++w) {
            const double total = cost_[static_cast<std::size_t>(w)] +
                                 static_cast<double>(p.overload_penalty) * std::max(0, w - fair);
            if (total < best) best = total, best_w = w;
        }
        // Walk back: the last item that improved a load is in the packing of that load.
        for (std::size_t i = items.size(); i-- > 0 && best_w > 0;)
            if (took_[i * width + static_cast<std::size_t>(best_w)]) {
                ++packed[static_cast<std::size_t>(items[i].task)];
                best_w -= items[i].demand;
            }
        return best;
    }

  private:
    std::vector<double> cost_;
    std::vector<char> took_;
};

}  // namespace

double packing_bound(const AssignmentProblem& p, std::span<const double> start_prices,
                     std::int64_t target, const PackingBoundOptions& options) {
    const std::size_t n = p.tasks.size(), m = p.resources.size();
    auto valid = [&](const AssignmentArc& a) {
        return a.resource >= 0 && static_cast<std::size_t>(a.resource) < m;
    };
    // Each request's price starts at what it costs in the relaxation: its cheapest option at
    // the practitioners' prices, or leaving it unplanned.
    std::vector<double> price(n, 0);
    for (std::size_t t = 0; t < n; ++t) {
        const int d = p.tasks[t].demand;
        double best = static_cast<double>(p.unassigned_penalty) * d;
        for (const auto& a : p.tasks[t].arcs)
            if (valid(a))
                best = std::min(best, static_cast<double>(a.cost) +
                                          d * start_prices[static_cast<std::size_t>(a.resource)]);
        price[t] = best;
    }
    std::vector<std::vector<Candidate>> candidates(m);
    std::vector<int> packed(n);
    std::vector<double> step(n);
    Packer packer;
    double best_bound = -kInfinity, theta = options.initial_step;
    int stalled = 0;
    for (int it = 0; it < options.iterations; ++it) {
        for (auto& list : candidates) list.clear();
        double bound = 0;
        for (std::size_t t = 0; t < n; ++t) {
            const auto& task = p.tasks[t];
            if (task.demand <= 0) continue;
            // Left unplanned, a request costs its penalty; priced above that, the bound takes
            // the penalty and the price is paid back.
            const double unplanned = static_cast<double>(p.unassigned_penalty) * task.demand;
            bound += std::min(price[t], unplanned);
            for (const auto& a : task.arcs)
                if (valid(a) && static_cast<double>(a.cost) < price[t] &&
                    task.demand <= p.resources[static_cast<std::size_t>(a.resource)].capacity)
                    candidates[static_cast<std::size_t>(a.resource)].push_back(
                        {static_cast<int>(t), task.demand, price[t] - static_cast<double>(a.cost)});
        }
        std::ranges::fill(packed, 0);
        for (std::size_t r = 0; r < m; ++r)
            bound += packer.pack(p, static_cast<int>(r), candidates[r], packed);
        if (bound > best_bound + 1e-9) {
            best_bound = bound;
            stalled = 0;
        } else if (++stalled >= options.stall_limit) {
            theta /= 2;
            stalled = 0;
        }
        const double gap = static_cast<double>(target) - bound;
        if (gap <= 1e-6 * std::max(1.0, std::abs(static_cast<double>(target)))) break;
        // Each request should be packed exactly once, or left unplanned when priced above
        // its penalty: its price goes up where it is packed by no one, down where by several.
        double norm = 0;
        for (std::size_t t = 0; t < n; ++t) {
            const double unplanned = static_cast<double>(p.unassigned_penalty) * p.tasks[t].demand;
            const int covered = packed[t] + (price[t] > unplanned ? 1 : 0);
            step[t] = p.tasks[t].demand > 0 ? 1.0 - covered : 0.0;
            norm += step[t] * step[t];
        }
        if (norm == 0) break;  // every request packed once: the bound is a plan's cost
        for (std::size_t t = 0; t < n; ++t) price[t] += theta * gap / norm * step[t];
    }
    return best_bound;
}

}  // namespace sendhub
