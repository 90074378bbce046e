#include "core/visit_calendar.hpp"

#include <algorithm>
#include <array>
#include <numeric>

namespace sendhub {

Diary make_diary(Date first, Date last, WorkingPattern pattern, std::span<const Leave> leave,
                 int max_days_per_week, const std::map<Date, int>& booked) {
    Diary diary{first, {}, {}};
    const int days = static_cast<int>(std::max<std::int64_t>(0, days_between(first, last) + 1));
    diary.free_half_days.assign(days, 0);
    const int offset = weekday_index(first);
    diary.week_half_days.assign((offset + days + 6) / 7, max_days_per_week * 2);
    for (int d = 0; d < days; ++d) {
        Date date = add_days(first, d);
        int taken = 0;
        if (auto b = booked.find(date); b != booked.end()) taken = b->second;
        if (pattern.works_on(date) && !on_leave(leave, date))
            diary.free_half_days[d] = std::max(0, 2 - taken);
        diary.week_half_days[(offset + d) / 7] -= taken;
    }
    // Booked days outside the term still count against the first and last weeks' allowance.
    for (const auto& [date, taken] : booked) {
        auto from_start = days_between(first, date);
        if (from_start >= 0 && from_start < days) continue;
        auto week = days_between(monday_of(first), monday_of(date)) / 7;
        if (week >= 0 && week < static_cast<std::int64_t>(diary.week_half_days.size()))
            diary.week_half_days[week] -= taken;
    }
    for (auto& w : diary.week_half_days) w = std::max(0, w);
    return diary;
}

int weeks_in(const Diary& diary) {
    return static_cast<int>(diary.week_half_days.size());
}

int week_of(const Diary& diary, int day) {
    return (weekday_index(diary.first_day) + day) / 7;
}

int diary_capacity(const Diary& diary) {
    std::vector<int> per_week(diary.week_half_days.size(), 0);
    for (std::size_t d = 0; d < diary.free_half_days.size(); ++d)
        per_week[week_of(diary, static_cast<int>(d))] += diary.free_half_days[d];
    int total = 0;
    for (std::size_t w = 0; w < per_week.size(); ++w)
        total += std::min(per_week[w], diary.week_half_days[w]);
    return total;
}

int weeks_needed(const VisitSeries& s) {
    return s.every_weeks == 0 ? 1 : s.visits * s.every_weeks;
}

std::vector<int> open_weeks(const Diary& diary, const VisitSeries& series) {
    std::vector<int> out;
    for (int day = 0; day < static_cast<int>(diary.free_half_days.size()); ++day) {
        int week = week_of(diary, day);
        if (week < series.first_week || !series_may_visit(series, day)) continue;
        if (out.empty() || out.back() != week) out.push_back(week);
    }
    return out;
}

Diary without_closed_days(Diary diary, const std::vector<bool>& school_closed) {
    for (std::size_t d = 0; d < diary.free_half_days.size() && d < school_closed.size(); ++d)
        if (school_closed[d]) diary.free_half_days[d] = 0;
    return diary;
}

bool series_may_visit(const VisitSeries& s, int day) {
    if (day < s.earliest_day) return false;
    return static_cast<std::size_t>(day) >= s.school_closed.size() ||
           !s.school_closed[static_cast<std::size_t>(day)];
}

namespace {

struct Placement {
    int series;
    int visit;
    int day;  // -1 until placed
};

class Planner {
  public:
    Planner(Diary diary, std::span<const VisitSeries> series)
        : d_(std::move(diary)), series_(series) {
        for (int s = 0; s < static_cast<int>(series.size()); ++s) {
            open_weeks_.push_back(open_weeks(d_, series[s]));
            for (int k = 0; k < series[s].visits; ++k) visits_.push_back({s, k, -1});
        }
    }

    std::vector<SeriesDates> run() {
        // Tightest windows first: weekly series before fortnightly, monthly, then one-offs.
        std::vector<int> order(visits_.size());
        std::iota(order.begin(), order.end(), 0);
        auto tightness = [&](int v) {
            int e = series_[visits_[v].series].every_weeks;
            return e == 0 ? 1000 : e;
        };
        std::ranges::stable_sort(order, [&](int a, int b) { return tightness(a) < tightness(b); });
        for (int v : order)
            if (!place(v) && !make_room(v)) continue;
        settle_rhythm();
        std::vector<SeriesDates> out(series_.size());
        for (auto& o : out) o.complete = true;
        for (const auto& p : visits_) {
            if (p.day < 0)
                out[p.series].complete = false;
            else
                out[p.series].dates.push_back(add_days(d_.first_day, p.day));
        }
        for (auto& o : out)
            std::ranges::sort(o.dates, [](Date a, Date b) { return days_between(a, b) > 0; });
        return out;
    }

  private:
    //! Visit k of a series repeating every e weeks falls in its school's open weeks k·e to
    //! (k+1)·e - 1; a one-off in any open week. Empty (first > last) when there are too few.
    [[nodiscard]] std::pair<int, int> window(const Placement& p) const {
        const auto& s = series_[p.series];
        const auto& weeks = open_weeks_[p.series];
        const auto from =
            static_cast<std::size_t>(p.visit) * static_cast<std::size_t>(s.every_weeks);
        if (weeks.empty() || from >= weeks.size()) return {0, -1};
        int first_week = weeks[from];
        int last_week =
            s.every_weeks == 0
                ? weeks.back()
                : weeks[std::min(weeks.size(), from + static_cast<std::size_t>(s.every_weeks)) - 1];
        int first_day = std::max(0, first_week * 7 - weekday_index(d_.first_day));
        int last_day = std::min(static_cast<int>(d_.free_half_days.size()) - 1,
                                (last_week + 1) * 7 - 1 - weekday_index(d_.first_day));
        return {first_day, last_day};
    }
    [[nodiscard]] bool fits(int day, int half_days) const {
        return d_.free_half_days[day] >= half_days &&
               d_.week_half_days[week_of(d_, day)] >= half_days;
    }
    //! The school is open, the day is not before the series' start, and no other visit of
    //! the same series is on it.
    [[nodiscard]] bool series_free(int series, int day) const {
        return series_may_visit(series_[series], day) &&
               std::ranges::none_of(
                   visits_, [&](const Placement& p) { return p.series == series && p.day == day; });
    }
    void book(Placement& p, int day) {
        const int h = series_[p.series].session_half_days;
        p.day = day;
        d_.free_half_days[day] -= h;
        d_.week_half_days[week_of(d_, day)] -= h;
    }
    void unbook(Placement& p) {
        const int h = series_[p.series].session_half_days;
        d_.free_half_days[p.day] += h;
        d_.week_half_days[week_of(d_, p.day)] += h;
        p.day = -1;
    }
    //! The series' usual weekday so far (-1 if none).
    [[nodiscard]] int rhythm(int series) const {
        std::array<int, 7> count{};
        for (const auto& p : visits_)
            if (p.series == series && p.day >= 0)
                ++count[(weekday_index(d_.first_day) + p.day) % 7];
        auto best = std::ranges::max_element(count);
        return *best == 0 ? -1 : static_cast<int>(best - count.begin());
    }

    bool place(int v) {
        auto& p = visits_[v];
        const int h = series_[p.series].session_half_days;
        auto [first, last] = window(p);
        const int usual = rhythm(p.series);
        int chosen = -1;
        for (int day = first; day <= last; ++day) {
            if (!fits(day, h) || !series_free(p.series, day)) continue;
            if (chosen < 0) chosen = day;
            if (usual >= 0 && (weekday_index(d_.first_day) + day) % 7 == usual) {
                chosen = day;
                break;
            }
        }
        if (chosen < 0) return false;
        book(p, chosen);
        return true;
    }

    //! Moves one placed visit in v's window to another day of its own window, then places v.
    bool make_room(int v) {
        auto [first, last] = window(visits_[v]);
        for (auto& other : visits_) {
            if (other.day < first || other.day > last || &other == &visits_[v]) continue;
            int was = other.day;
            unbook(other);
            if (place(v)) {
                auto [of, ol] = window(other);
                for (int day = of; day <= ol; ++day)
                    if (fits(day, series_[other.series].session_half_days) &&
                        series_free(other.series, day)) {
                        book(other, day);
                        return true;
                    }
                unbook(visits_[v]);
            }
            book(other, was);
        }
        return false;
    }

    //! Local search: a visit off its series' usual weekday moves onto it when its window has room.
    void settle_rhythm() {
        for (auto& p : visits_) {
            if (p.day < 0) continue;
            const int usual = rhythm(p.series);
            if (usual < 0 || (weekday_index(d_.first_day) + p.day) % 7 == usual) continue;
            auto [first, last] = window(p);
            int was = p.day;
            unbook(p);
            int target = -1;
            for (int day = first; day <= last; ++day)
                if ((weekday_index(d_.first_day) + day) % 7 == usual &&
                    fits(day, series_[p.series].session_half_days) && series_free(p.series, day))
                    target = day;
            book(p, target >= 0 ? target : was);
        }
    }

    Diary d_;
    std::span<const VisitSeries> series_;
    std::vector<std::vector<int>> open_weeks_;  // per series
    std::vector<Placement> visits_;
};

}  // namespace

std::vector<SeriesDates> place_visits(Diary diary, std::span<const VisitSeries> series) {
    return Planner(std::move(diary), series).run();
}

}  // namespace sendhub
