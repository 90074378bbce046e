#include "exact_assignment.hpp"

#include <chrono>
#include <cmath>

#include <glpk.h>

namespace sendhub::verify {
namespace {

int silent(void*, const char*) {
    return 1;
}

}  // namespace

ExactResult solve_with_glpk(const AssignmentProblem& p, double time_limit_seconds) {
    auto started = std::chrono::steady_clock::now();
    glp_term_hook(silent, nullptr);
    glp_prob* lp = glp_create_prob();
    glp_set_obj_dir(lp, GLP_MIN);
    const int n = static_cast<int>(p.tasks.size()), m = static_cast<int>(p.resources.size());
    // Rows: one per task (= 1), one per resource for capacity (<= cap), one per resource for
    // overload (load - o <= fair).
    glp_add_rows(lp, n + 2 * m);
    for (int t = 0; t < n; ++t) glp_set_row_bnds(lp, t + 1, GLP_FX, 1, 1);
    for (int r = 0; r < m; ++r) {
        glp_set_row_bnds(lp, n + r + 1, GLP_UP, 0, p.resources[r].capacity);
        glp_set_row_bnds(lp, n + m + r + 1, GLP_UP, 0, p.resources[r].fair_share);
    }
    std::vector<int> rows{0}, cols{0};
    std::vector<double> values{0};
    struct Column {
        int task;
        int resource;
    };
    std::vector<Column> columns;
    auto add_column = [&](double cost, int kind) {
        int col = glp_add_cols(lp, 1);
        glp_set_obj_coef(lp, col, cost);
        if (kind == GLP_BV)
            glp_set_col_kind(lp, col, GLP_BV);
        else
            glp_set_col_bnds(lp, col, GLP_LO, 0, 0);
        return col;
    };
    for (int t = 0; t < n; ++t) {
        const int d = p.tasks[t].demand;
        for (const auto& a : p.tasks[t].arcs) {
            if (d > p.resources[a.resource].capacity) continue;
            int col = add_column(static_cast<double>(a.cost), GLP_BV);
            columns.push_back({t, a.resource});
            for (auto [row, value] : {std::pair{t + 1, 1.0},
                                      {n + a.resource + 1, double(d)},
                                      {n + m + a.resource + 1, double(d)}})
                rows.push_back(row), cols.push_back(col), values.push_back(value);
        }
        int col = add_column(static_cast<double>(p.unassigned_penalty * d), GLP_BV);
        columns.push_back({t, kUnassigned});
        rows.push_back(t + 1), cols.push_back(col), values.push_back(1);
    }
    for (int r = 0; r < m; ++r) {
        int col = add_column(static_cast<double>(p.overload_penalty), GLP_CV);
        rows.push_back(n + m + r + 1), cols.push_back(col), values.push_back(-1);
    }
    glp_load_matrix(lp, static_cast<int>(rows.size()) - 1, rows.data(), cols.data(), values.data());

    glp_iocp params;
    glp_init_iocp(&params);
    params.presolve = GLP_ON;
    params.msg_lev = GLP_MSG_OFF;
    params.tm_lim = static_cast<int>(time_limit_seconds * 1000);
    params.mip_gap = 0;
    int status = glp_intopt(lp, &params);

    ExactResult out;
    int mip = glp_mip_status(lp);
    out.optimal = status == 0 && mip == GLP_OPT;
    if (mip == GLP_OPT || mip == GLP_FEAS) {
        out.objective = static_cast<std::int64_t>(std::llround(glp_mip_obj_val(lp)));
        out.resource_of.assign(n, kUnassigned);
        for (std::size_t c = 0; c < columns.size(); ++c)
            if (glp_mip_col_val(lp, static_cast<int>(c) + 1) > 0.5)
                out.resource_of[columns[c].task] = columns[c].resource;
    }
    out.bound = glp_get_obj_val(lp);
    glp_delete_prob(lp);
    glp_term_hook(nullptr, nullptr);
    out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return out;
}

}  // namespace sendhub::verify
