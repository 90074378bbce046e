#pragma once
// The term planner's search, used by its solver (core/assignment.cpp) alone: the plan being
// improved, which keeps its cost as it changes and can undo a round, and the moves that
// improve it. Pure C++, no I/O.
#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

#include "core/assignment.hpp"

namespace sendhub::assignment_search {

[[nodiscard]] inline std::int64_t overload(const AssignmentProblem& p, int resource, int load) {
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
    //! Whether the search may move task t: every task, unless limit_to() said otherwise.
    [[nodiscard]] bool movable(int t) const { return movable_.empty() || movable_[t] != 0; }
    //! From now on the search moves only the tasks marked in `movable` (one flag per task,
    //! which must outlive this); the others stay where they are and keep their load.
    void limit_to(std::span<const char> movable) { movable_ = movable; }

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
    std::span<const char> movable_;             // empty: every task
};

//! The arcs the search uses: each task's cheapest, in cost order and in practitioner order.
struct SearchArcs {
    std::vector<std::vector<AssignmentArc>> by_cost, by_resource;
};

//! Places `tasks` into x, those with the most to lose first, each to its cheapest priced option
//! that still has room.
void place_by_regret(const AssignmentProblem& p, const SearchArcs& search,
                     std::span<const double> prices, Assignment& x, std::span<const int> tasks);

enum class Polish {
    quick,  // moves and swaps: enough after a rebuild, and several times cheaper
    full,   // moves, chains of two moves (which place unplanned work), and swaps
};

//! First-improvement local search over the `focus` tasks, until no move improves the plan.
void improve(const AssignmentProblem& p, const SearchArcs& search, Assignment& x,
             std::span<const int> focus, Polish polish);

//! Places the work of practitioners a and b, and the unplanned work they could take, in the
//! cheapest way among a, b and unplanned: a depth-first search with a lower bound, limited
//! in size so it stays quick. Returns the tasks it placed.
std::vector<int> repack_pair(const AssignmentProblem& p, Assignment& x, int a, int b);

//! Ruin and recreate: every task of the `ruined` practitioners (who share candidate work), and
//! the unplanned work they could take, comes off and is placed again by regret at `prices`,
//! each varied by noise that depends on `round`, so rebuilds explore packings that single moves
//! and pair re-packs cannot reach. `noisy_prices` is scratch space. Returns the tasks it placed.
std::vector<int> ruin_and_recreate(const AssignmentProblem& p, const SearchArcs& search,
                                   std::span<const double> prices, Assignment& x,
                                   std::span<const int> ruined, std::uint64_t round,
                                   std::vector<double>& noisy_prices);

//! Iterated local search on x, `rounds` rounds, each from a practitioner in `starts`, until
//! x costs no more than `good_enough`. Most rounds ruin and recreate three practitioners who
//! could share work, polished by moves and swaps; one in eight re-packs two exactly, which
//! finds the tight packings (two small pieces for one big) a greedy rebuild misses. A round
//! that makes the plan dearer is undone, so x ends as the best plan it found. The same `seed`
//! gives the same plan.
void search_rounds(const AssignmentProblem& p, const SearchArcs& search,
                   std::span<const double> prices, Assignment& x, std::span<const int> starts,
                   int rounds, std::uint64_t seed, std::int64_t good_enough);

//! The same search on two cores: in each of `phases` phases the practitioners are split in two
//! halves that share little work, and each half is searched on its own thread with `rounds` /
//! `phases` rounds, moving only the requests that could go to no one outside it. The halves
//! change from phase to phase, so no request stays at a border. The result does not depend on
//! how the threads are scheduled.
void search_in_halves(const AssignmentProblem& p, const SearchArcs& search,
                      std::span<const double> prices, Assignment& x, int rounds, int phases,
                      std::uint64_t seed, std::int64_t good_enough);

}  // namespace sendhub::assignment_search
