// Term planner benchmark (issue 7): generated instances with real geography — schools from
// the 2024-25 school register, practitioners' homes at real outcode centroids — solved by
// the planner and, where it finishes, by GLPK's exact branch and cut.
// Prints a table and writes bench/results/planner-latest.md. Not a timed test.
//
//   sendhub_planner_bench DATA_DIR [RESULTS_DIR] [--exact-limit SECONDS]
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "core/assignment.hpp"
#include "core/assignment_packing_bound.hpp"
#include "core/assignment_relaxation.hpp"
#include "core/clock.hpp"
#include "core/csv.hpp"
#include "core/dates.hpp"
#include "core/geo.hpp"
#include "exact_assignment.hpp"

namespace {

using namespace sendhub;
using Stopwatch = std::chrono::steady_clock;

struct Place {
    GeoPoint at;
    std::string region;
};

CsvTable read_csv(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::stringstream text;
    text << in.rdbuf();
    return CsvTable::parse(text.str());
}

//! English outcode centroids with their region: where practitioners live.
std::vector<Place> outcodes(const std::string& data) {
    std::vector<Place> out;
    auto table = read_csv(data + "/postcodes/gibbs_uk_outcodes.csv");
    for (const auto& row : table.rows())
        if (row.size() > 8 && row[8] == "ENG")
            out.push_back({{std::stod(row[3]), std::stod(row[4])}, row[7]});
    return out;
}

std::vector<GeoPoint> schools(const std::string& data) {
    std::vector<GeoPoint> out;
    auto table = read_csv(data + "/schools/england_school_coords_2024-25.csv");
    for (const auto& row : table.rows())
        if (row.size() > 6 && !row[5].empty() && !row[6].empty())
            out.push_back({std::stod(row[5]), std::stod(row[6])});
    return out;
}

struct Size {
    int requests;
    int practitioners;
    std::vector<std::string> regions;  // empty: all of England
};

//! A term of 12 weeks. Practitioners work 2 to 5 days a week with a little leave; requests are
//! weekly, fortnightly, monthly or one-off visits of half or whole days; three grades.
AssignmentProblem generate(const Size& size, const std::vector<Place>& homes_all,
                           const std::vector<GeoPoint>& schools_all, std::mt19937& rng) {
    std::vector<GeoPoint> homes;
    for (const auto& h : homes_all)
        if (size.regions.empty() || std::ranges::find(size.regions, h.region) != size.regions.end())
            homes.push_back(h.at);
    double lat_lo = 90, lat_hi = -90, lon_lo = 180, lon_hi = -180;
    for (const auto& h : homes)
        lat_lo = std::min(lat_lo, h.latitude), lat_hi = std::max(lat_hi, h.latitude),
        lon_lo = std::min(lon_lo, h.longitude), lon_hi = std::max(lon_hi, h.longitude);
    if (homes.empty()) throw std::runtime_error("no outcodes in the regions asked for");
    std::vector<GeoPoint> sites;
    for (const auto& s : schools_all)
        if (s.latitude >= lat_lo && s.latitude <= lat_hi && s.longitude >= lon_lo &&
            s.longitude <= lon_hi)
            sites.push_back(s);

    std::uniform_int_distribution<std::size_t> home(0, homes.size() - 1), site(0, sites.size() - 1);
    std::uniform_int_distribution<int> days(2, 5), leave(0, 3), grade(0, 2), frequency(0, 3),
        session(1, 2);
    AssignmentProblem p;
    std::vector<GeoPoint> at(size.practitioners);
    std::vector<int> grades(size.practitioners);
    for (int r = 0; r < size.practitioners; ++r) {
        at[r] = homes[home(rng)];
        grades[r] = r % 3;
        p.resources.push_back({12 * days(rng) * 2 - leave(rng) * 2, 0});
    }
    std::vector<int> task_grade;
    constexpr int kVisits[] = {12, 6, 3, 1};
    for (int t = 0; t < size.requests; ++t) {
        GeoPoint school = sites[site(rng)];
        int visits = kVisits[frequency(rng)], g = grade(rng);
        AssignmentTask task{visits * session(rng), {}};
        for (int r = 0; r < size.practitioners; ++r) {
            if (grades[r] != g) continue;
            double return_miles = 2 * straight_line_miles(at[r], school) * 1.3;
            task.arcs.push_back({r, std::llround(return_miles * 30) * visits});
        }
        task_grade.push_back(g);
        p.tasks.push_back(std::move(task));
    }
    // A busy term: each grade's work fills about 85 % of that grade's free days.
    for (int g = 0; g < 3; ++g) {
        std::int64_t demand = 0, capacity = 0;
        for (std::size_t t = 0; t < p.tasks.size(); ++t)
            if (task_grade[t] == g) demand += p.tasks[t].demand;
        for (int r = 0; r < size.practitioners; ++r)
            if (grades[r] == g) capacity += p.resources[r].capacity;
        for (int r = 0; r < size.practitioners; ++r)
            if (grades[r] == g)
                p.resources[r].capacity = static_cast<int>(p.resources[r].capacity * demand /
                                                           (0.85 * static_cast<double>(capacity)));
    }
    set_fair_shares(p);
    return p;
}

long peak_rss_kib() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

std::string pounds(double pence) {
    return fmt::format("£{:.2f}", pence / 100);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s DATA_DIR [RESULTS_DIR] [--exact-limit SECONDS]\n", argv[0]);
        return 2;
    }
    std::string data = argv[1], results = argc > 2 && argv[2][0] != '-' ? argv[2] : "bench/results";
    double exact_limit = 300;
    std::size_t only = 3;
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::string(argv[i]) == "--exact-limit") exact_limit = std::stod(argv[i + 1]);
        if (std::string(argv[i]) == "--sizes") only = std::stoul(argv[i + 1]);
    }
    AssignmentOptions options;

    auto homes = outcodes(data);
    auto sites = schools(data);
    const std::vector<Size> sizes{
        {100, 20, {"South West England"}},
        {1000, 100, {"South West England", "South East England", "London"}},
        {10000, 1000, {}}};
    std::mt19937 rng(2026);
    std::string table =
        "| requests × practitioners | arcs | planner time | peak memory | objective | gap to "
        "planner's bound | gap to relaxation (time) | gap to whole-request bound (time) | "
        "unplanned | CBC time | CBC result | gap to CBC optimum | gap to best bound | speed-up "
        "|\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n";
    const std::string header =
        "# Term planner benchmark, " + format_date(system_clock()->today()) +
        "\n\nObjective: travel (30p a mile, return trips) plus £10 per half day above a fair "
        "share. Planner time is the best of three runs. Each gap is how far the plan's cost "
        "is above a lower bound, (objective − bound) / bound: no plan can cost less than a "
        "bound, so it is an upper bound on how far the plan is from the best possible. "
        "Planner's bound: the relaxation's prices from the arcs the planner searched, priced "
        "over every arc. Relaxation: the optimum of the linear relaxation over every arc "
        "(network simplex), where a request may be split. Whole-request bound: requests "
        "priced, each practitioner packing whole requests exactly, 300 subgradient steps from "
        "the relaxation's prices. Gap to best bound uses the best of these and CBC's. Peak "
        "memory is the whole process's, so it includes earlier rows and CBC.\n\n";
    for (std::size_t i = 0; i < std::min(only, sizes.size()); ++i) {
        const auto& size = sizes[i];
        auto p = generate(size, homes, sites, rng);
        std::size_t arcs = 0;
        for (const auto& t : p.tasks) arcs += t.arcs.size();
        // The best of three runs: the solver is deterministic, so this only removes noise.
        AssignmentSolution plan;
        double seconds = 1e9;
        for (int run = 0; run < 3; ++run) {
            auto started = Stopwatch::now();
            plan = solve_assignment(p, options);
            seconds = std::min(seconds,
                               std::chrono::duration<double>(Stopwatch::now() - started).count());
        }
        long memory = peak_rss_kib();
        auto bound_started = Stopwatch::now();
        auto relaxation = solve_relaxation(p);
        double relaxation_seconds =
            std::chrono::duration<double>(Stopwatch::now() - bound_started).count();
        if (!relaxation) throw std::runtime_error("the relaxation bound failed");
        // The whole-request bound climbs from the relaxation's prices towards the plan's cost.
        auto packing_started = Stopwatch::now();
        const double packing = packing_bound(p, relaxation->prices, plan.objective);
        double packing_seconds =
            std::chrono::duration<double>(Stopwatch::now() - packing_started).count();
        auto gap_to = [&](double bound) {
            return (static_cast<double>(plan.objective) - bound) / bound;
        };
        int unplanned = static_cast<int>(std::ranges::count(plan.resource_of, kUnassigned));
        // Gaps are measured as (objective − bound) / bound: how far above the optimum we might be.
        // A limit of 0 skips the exact solver (quick runs while tuning).
        auto exact =
            exact_limit > 0 ? verify::solve_with_cbc(p, exact_limit) : verify::ExactResult{};
        std::string exact_result =
            exact.optimal ? "optimal " + pounds(static_cast<double>(*exact.objective))
            : exact.objective
                ? "stopped at limit, best " + pounds(static_cast<double>(*exact.objective))
                : fmt::format("no solution within {:.0f} s", exact_limit);
        std::string gap =
            exact.optimal
                ? fmt::format("{:.3f} %",
                              100.0 * static_cast<double>(plan.objective - *exact.objective) /
                                  static_cast<double>(*exact.objective))
                : "n/a";
        // Certified: no assignment costs less than the best of the bounds.
        double bound = std::max({plan.lower_bound, exact.bound, relaxation->pence, packing});
        std::string certified =
            fmt::format("{:.3f} %", 100.0 * (static_cast<double>(plan.objective) - bound) / bound);
        std::string speedup =
            fmt::format("{}{:.0f}×", exact.optimal ? "" : "≥ ", exact.seconds / seconds);
        auto row = fmt::format(
            "| {} × {} | {} | {:.3f} s | {} MiB | {} | {:.3f} % | {:.3f} % ({:.1f} s) | "
            "{:.3f} % ({:.1f} s) | {} | {:.1f} s | {} | {} | {} | {} |\n",
            size.requests, size.practitioners, arcs, seconds, memory / 1024,
            pounds(static_cast<double>(plan.objective)), 100 * gap_to(plan.lower_bound),
            100 * gap_to(relaxation->pence), relaxation_seconds, 100 * gap_to(packing),
            packing_seconds, unplanned, exact.seconds, exact_result, gap, certified, speedup);
        std::fputs(row.c_str(), stdout);
        std::fflush(stdout);
        table += row;
        // Written after every row, so a run stopped during a long exact solve keeps what it has.
        std::ofstream(results + "/planner-latest.md") << header + table;
    }
    std::fputs(("\nwritten to " + results + "/planner-latest.md\n").c_str(), stdout);
}
