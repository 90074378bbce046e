#include "core/assignment_relaxation.hpp"

#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

#include <algorithm>
#include <numeric>

namespace sendhub {
namespace {

// Costs are pence per half day, so a request's arc cost is divided by its demand. Scaling
// every cost by the least common multiple of the demands keeps them whole and the optimum
// exact; past this scale they are rounded down instead, which only lowers it.
constexpr std::int64_t kMaxScale = 1'000'000;

std::int64_t cost_scale(const AssignmentProblem& problem, bool& exact) {
    std::int64_t scale = 1;
    for (const auto& task : problem.tasks) {
        if (task.demand <= 0) continue;
        std::int64_t next = std::lcm(scale, static_cast<std::int64_t>(task.demand));
        if (next > kMaxScale) {
            exact = false;
            return kMaxScale;
        }
        scale = next;
    }
    return scale;
}

bool known_resource(const AssignmentProblem& problem, int resource) {
    return resource >= 0 && static_cast<std::size_t>(resource) < problem.resources.size();
}

//! `arcs_of(t)` gives the arcs task t may use in this relaxation.
template <typename ArcsOf>
std::optional<Relaxation> solve_over(const AssignmentProblem& problem, ArcsOf arcs_of) {
    using Graph = lemon::SmartDigraph;
    Graph graph;
    Relaxation out;
    const std::int64_t scale = cost_scale(problem, out.exact);
    const std::size_t n = problem.tasks.size(), m = problem.resources.size();
    std::size_t arc_count = 2 * m;
    for (std::size_t t = 0; t < n; ++t) arc_count += arcs_of(t).size() + 1;
    graph.reserveNode(static_cast<int>(n + m + 1));
    graph.reserveArc(static_cast<int>(arc_count));
    Graph::NodeMap<std::int64_t> supply(graph, 0);
    Graph::ArcMap<std::int64_t> capacity(graph), cost(graph);
    auto add_arc = [&](Graph::Node from, Graph::Node to, std::int64_t cap, std::int64_t unit) {
        auto arc = graph.addArc(from, to);
        capacity[arc] = cap;
        cost[arc] = unit;
        return arc;
    };

    const Graph::Node sink = graph.addNode();
    std::vector<Graph::Node> people;
    people.reserve(m);
    for (const auto& resource : problem.resources) {
        people.push_back(graph.addNode());
        const std::int64_t free = std::max(resource.capacity, 0);
        const std::int64_t fair = std::clamp<std::int64_t>(resource.fair_share, 0, free);
        add_arc(people.back(), sink, fair, 0);
        add_arc(people.back(), sink, free - fair, problem.overload_penalty * scale);
    }
    // Each task's arcs to practitioners, to read the flow back.
    std::vector<std::vector<std::pair<int, Graph::Arc>>> task_arcs(n);
    std::int64_t total = 0;
    for (std::size_t t = 0; t < n; ++t) {
        const std::int64_t demand = problem.tasks[t].demand;
        if (demand <= 0) continue;
        const Graph::Node node = graph.addNode();
        supply[node] = demand;
        total += demand;
        for (const auto& arc : arcs_of(t)) {
            if (!known_resource(problem, arc.resource)) continue;
            // Rounded down (costs are never negative): the optimum may only get lower.
            task_arcs[t].emplace_back(
                arc.resource, add_arc(node, people[static_cast<std::size_t>(arc.resource)], demand,
                                      arc.cost * scale / demand));
        }
        add_arc(node, sink, demand, problem.unassigned_penalty * scale);
    }
    supply[sink] = -total;

    lemon::NetworkSimplex<Graph, std::int64_t, std::int64_t> simplex(graph);
    simplex.upperMap(capacity).costMap(cost).supplyMap(supply);
    if (simplex.run() != decltype(simplex)::OPTIMAL) return std::nullopt;
    out.pence = static_cast<double>(simplex.totalCost<std::int64_t>()) / static_cast<double>(scale);
    // A reduced cost is cost + potential(from) − potential(to), so potentials fall along a
    // path by its cost: what one more half day through a practitioner would save is
    // potential(sink) − potential(person).
    const auto sink_potential = static_cast<double>(simplex.potential(sink));
    out.prices.reserve(m);
    for (const auto& person : people)
        out.prices.push_back(
            std::max(0.0, (sink_potential - static_cast<double>(simplex.potential(person))) /
                              static_cast<double>(scale)));
    out.shares.resize(n);
    for (std::size_t t = 0; t < n; ++t)
        for (const auto& [resource, arc] : task_arcs[t])
            if (auto flow = simplex.flow(arc); flow > 0)
                out.shares[t].push_back({resource, static_cast<int>(flow)});
    return out;
}

}  // namespace

std::optional<Relaxation> solve_relaxation(const AssignmentProblem& problem) {
    return solve_over(
        problem, [&](std::size_t t) -> const auto& { return problem.tasks[t].arcs; });
}

std::optional<Relaxation> solve_relaxation(const AssignmentProblem& problem,
                                           std::span<const std::vector<AssignmentArc>> arcs) {
    return solve_over(
        problem, [&](std::size_t t) -> const auto& { return arcs[t]; });
}

double priced_bound(const AssignmentProblem& problem, std::span<const double> prices) {
    double bound = 0;
    for (const auto& task : problem.tasks) {
        const int d = task.demand;
        if (d <= 0) continue;
        double best = static_cast<double>(problem.unassigned_penalty) * d;
        for (const auto& a : task.arcs)
            if (known_resource(problem, a.resource))
                best = std::min(best, static_cast<double>(a.cost) +
                                          d * prices[static_cast<std::size_t>(a.resource)]);
        bound += best;
    }
    // A practitioner's half days are worth their price up to the fair share, and the price
    // less the overload penalty beyond it.
    for (std::size_t r = 0; r < problem.resources.size(); ++r) {
        const auto& res = problem.resources[r];
        const double free = std::max(res.capacity, 0);
        const double fair = std::clamp<double>(res.fair_share, 0, free);
        bound -= prices[r] * fair;
        if (prices[r] > static_cast<double>(problem.overload_penalty))
            bound -= (prices[r] - static_cast<double>(problem.overload_penalty)) * (free - fair);
    }
    return bound;
}

}  // namespace sendhub
