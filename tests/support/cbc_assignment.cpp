#include <chrono>
#include <cmath>
#include <limits>

#include <Cbc_C_Interface.h>

#include "exact_assignment.hpp"

namespace sendhub::verify {

// The same programme as solve_with_glpk, in compressed sparse columns for COIN-OR CBC.
ExactResult solve_with_cbc(const AssignmentProblem& p, double time_limit_seconds) {
    auto started = std::chrono::steady_clock::now();
    const int n = static_cast<int>(p.tasks.size()), m = static_cast<int>(p.resources.size());
    const double inf = std::numeric_limits<double>::infinity();
    std::vector<CoinBigIndex> start{0};
    std::vector<int> index, integer;
    std::vector<double> value, lower, upper, cost;
    struct Column {
        int task;
        int resource;
    };
    std::vector<Column> columns;
    auto finish_column = [&](double c, double ub, bool is_integer, Column who) {
        cost.push_back(c), lower.push_back(0), upper.push_back(ub);
        if (is_integer) integer.push_back(static_cast<int>(cost.size()) - 1);
        columns.push_back(who);
        start.push_back(static_cast<CoinBigIndex>(index.size()));
    };
    for (int t = 0; t < n; ++t) {
        const int d = p.tasks[t].demand;
        for (const auto& a : p.tasks[t].arcs) {
            if (d > p.resources[a.resource].capacity) continue;
            for (auto [row, v] :
                 {std::pair{t, 1.0}, {n + a.resource, double(d)}, {n + m + a.resource, double(d)}})
                index.push_back(row), value.push_back(v);
            finish_column(static_cast<double>(a.cost), 1, true, {t, a.resource});
        }
        index.push_back(t), value.push_back(1);
        finish_column(static_cast<double>(p.unassigned_penalty * d), 1, true, {t, kUnassigned});
    }
    for (int r = 0; r < m; ++r) {
        index.push_back(n + m + r), value.push_back(-1);
        finish_column(static_cast<double>(p.overload_penalty), inf, false, {-1, r});
    }
    std::vector<double> row_lower(n + 2 * m, -inf), row_upper(n + 2 * m);
    for (int t = 0; t < n; ++t) row_lower[t] = row_upper[t] = 1;
    for (int r = 0; r < m; ++r)
        row_upper[n + r] = p.resources[r].capacity,
                      row_upper[n + m + r] = p.resources[r].fair_share;

    Cbc_Model* model = Cbc_newModel();
    Cbc_loadProblem(model, static_cast<int>(cost.size()), n + 2 * m, start.data(), index.data(),
                    value.data(), lower.data(), upper.data(), cost.data(), row_lower.data(),
                    row_upper.data());
    for (int c : integer) Cbc_setInteger(model, c);
    Cbc_setLogLevel(model, 0);
    Cbc_setMaximumSeconds(model, time_limit_seconds);
    Cbc_setParameter(model, "ratioGap", "0");
    Cbc_setParameter(model, "allowableGap", "0.5");  // objective is whole pence
    Cbc_solve(model);

    ExactResult out;
    out.optimal = Cbc_isProvenOptimal(model) != 0;
    const double* solution = Cbc_getColSolution(model);
    if (solution && Cbc_numberSavedSolutions(model) > 0) {
        out.objective = static_cast<std::int64_t>(std::llround(Cbc_getObjValue(model)));
        out.resource_of.assign(n, kUnassigned);
        for (std::size_t c = 0; c < columns.size(); ++c)
            if (columns[c].task >= 0 && solution[c] > 0.5)
                out.resource_of[columns[c].task] = columns[c].resource;
    }
    out.bound = Cbc_getBestPossibleObjValue(model);
    Cbc_deleteModel(model);
    out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return out;
}

}  // namespace sendhub::verify
