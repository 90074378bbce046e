#include "core/assignment_bound.hpp"

#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

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

}  // namespace

std::optional<AssignmentBound> relaxation_bound(const AssignmentProblem& problem) {
    using Graph = lemon::SmartDigraph;
    Graph graph;
    AssignmentBound out;
    const std::int64_t scale = cost_scale(problem, out.exact);
    std::size_t arc_count = 2 * problem.resources.size();
    for (const auto& task : problem.tasks) arc_count += task.arcs.size() + 1;
    graph.reserveNode(static_cast<int>(problem.tasks.size() + problem.resources.size() + 1));
    graph.reserveArc(static_cast<int>(arc_count));
    Graph::NodeMap<std::int64_t> supply(graph, 0);
    Graph::ArcMap<std::int64_t> capacity(graph), cost(graph);
    auto add_arc = [&](Graph::Node from, Graph::Node to, std::int64_t cap, std::int64_t unit) {
        auto arc = graph.addArc(from, to);
        capacity[arc] = cap;
        cost[arc] = unit;
    };

    const Graph::Node sink = graph.addNode();
    std::vector<Graph::Node> people;
    people.reserve(problem.resources.size());
    for (const auto& resource : problem.resources) {
        people.push_back(graph.addNode());
        const std::int64_t free = std::max(resource.capacity, 0);
        const std::int64_t fair = std::clamp<std::int64_t>(resource.fair_share, 0, free);
        add_arc(people.back(), sink, fair, 0);
        add_arc(people.back(), sink, free - fair, problem.overload_penalty * scale);
    }
    std::int64_t total = 0;
    for (std::size_t t = 0; t < problem.tasks.size(); ++t) {
        const std::int64_t demand = problem.tasks[t].demand;
        if (demand <= 0) continue;
        const Graph::Node node = graph.addNode();
        supply[node] = demand;
        total += demand;
        for (const auto& arc : problem.tasks[t].arcs) {
            if (arc.resource < 0 || static_cast<std::size_t>(arc.resource) >= people.size())
                continue;
            // Rounded down (costs are never negative): the optimum may only get lower.
            add_arc(node, people[static_cast<std::size_t>(arc.resource)], demand,
                    arc.cost * scale / demand);
        }
        add_arc(node, sink, demand, problem.unassigned_penalty * scale);
    }
    supply[sink] = -total;

    lemon::NetworkSimplex<Graph, std::int64_t, std::int64_t> simplex(graph);
    simplex.upperMap(capacity).costMap(cost).supplyMap(supply);
    if (simplex.run() != decltype(simplex)::OPTIMAL) return std::nullopt;
    out.pence = static_cast<double>(simplex.totalCost<std::int64_t>()) / static_cast<double>(scale);
    return out;
}

}  // namespace sendhub
