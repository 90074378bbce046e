#include "core/term_planner.hpp"

#include <gtest/gtest.h>

#include <random>

#include "core/agreement.hpp"

namespace sendhub {
namespace {

Date d(int y, unsigned m, unsigned day) {
    return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{day}};
}

// Spring term 2027 from Monday 4 January, twelve weeks.
const Date kFirst = d(2027, 1, 4), kLast = d(2027, 3, 26);

TermPlanInput random_input(std::mt19937& rng, int works, int people) {
    std::uniform_int_distribution<int> grade(0, 2), freq(0, 3), session(1, 2), days(1, 5),
        leave(0, 4), coord(0, 50);
    TermPlanInput in;
    std::vector<std::pair<int, int>> homes, schools;
    for (int p = 0; p < people; ++p) {
        std::vector<std::string> codes;
        for (const auto& w : weekday_names().first(5))
            if (coord(rng) % 4 != 0) codes.emplace_back(w.code);
        if (codes.empty()) codes.emplace_back("mon");
        std::vector<Leave> off;
        if (int weeks = leave(rng); weeks > 0)
            off.push_back({LeaveId{1}, add_days(kFirst, 7 * coord(rng) / 5),
                           add_days(kFirst, 7 * coord(rng) / 5 + 7 * weeks), ""});
        std::map<Date, int> booked;
        for (int b = 0; b < 5; ++b) booked[add_days(kFirst, coord(rng))] = session(rng);
        in.people.push_back(
            {PractitionerId{p + 1}, "P" + std::to_string(p), static_cast<Grade>(grade(rng)),
             make_diary(kFirst, kLast, *parse_working_days(codes), off, days(rng), booked)});
        homes.emplace_back(coord(rng), coord(rng));
    }
    constexpr int kEvery[] = {0, 1, 2, 4};
    constexpr int kVisits[] = {1, 8, 5, 3};
    for (int w = 0; w < works; ++w) {
        int f = freq(rng);
        PlanWork work{static_cast<Grade>(grade(rng)),
                      {kVisits[f], session(rng), kEvery[f], coord(rng) % 3},
                      std::nullopt};
        // Its school's closed days: half term (week 6) for most, and a few INSET days; the
        // preferred date lies somewhere in the first week it may use.
        auto& series = work.series;
        series.earliest_day = series.first_week * 7 + coord(rng) % 5;
        series.school_closed.assign(static_cast<std::size_t>(days_between(kFirst, kLast)) + 1,
                                    false);
        if (coord(rng) % 4 != 0)
            for (int day = 42; day < 47; ++day) series.school_closed[day] = true;
        for (int inset = coord(rng) % 4; inset > 0; --inset)
            series.school_closed[coord(rng)] = true;
        if (w % 6 == 0) work.pinned = PractitionerId{1 + coord(rng) % people};
        in.work.push_back(work);
        schools.emplace_back(coord(rng), coord(rng));
    }
    in.higher_grade_may_cover = works % 2 == 0;
    in.travel_pence = [homes, schools, &in](std::size_t w, std::size_t p) -> std::int64_t {
        auto dx = homes[p].first - schools[w].first, dy = homes[p].second - schools[w].second;
        return static_cast<std::int64_t>(std::abs(dx) + std::abs(dy)) * 60 *
               in.work[w].series.visits;
    };
    return in;
}

TEST(TermPlanner, NeverBreaksAHardConstraint) {
    std::mt19937 rng(42);
    int planned = 0, total = 0;
    for (int i = 0; i < 200; ++i) {
        auto in = random_input(rng, 1 + i % 40, 1 + i % 9);
        auto plan = plan_term(in);
        ASSERT_EQ(plan_violation(in, plan), "") << "instance " << i;
        for (const auto& w : plan.work) {
            ++total;
            if (w.person != kUnassigned)
                ++planned;
            else
                EXPECT_FALSE(w.unplanned_reason.empty());
        }
    }
    EXPECT_GT(planned, total / 3);  // many instances are overloaded on purpose, but not hopeless
}

TEST(TermPlanner, PinsAreKeptAndReasonsGiven) {
    TermPlanInput in;
    auto diary = make_diary(kFirst, kLast, WorkingPattern{}, {}, 5, {});
    in.people = {{PractitionerId{1}, "Near", Grade::teacher, diary},
                 {PractitionerId{2}, "Far", Grade::teacher, diary}};
    in.work = {{Grade::teacher, {3, 2, 4, 0}, std::nullopt},
               {Grade::teacher, {3, 2, 4, 0}, PractitionerId{2}},
               {Grade::slt, {1, 2, 0, 0}, std::nullopt},
               {Grade::teacher, {20, 2, 1, 0}, std::nullopt}};
    in.travel_pence = [](std::size_t, std::size_t p) -> std::int64_t { return p == 0 ? 100 : 900; };
    auto plan = plan_term(in);
    EXPECT_EQ(plan_violation(in, plan), "");
    EXPECT_EQ(plan.work[0].person, 0);
    EXPECT_EQ(plan.work[1].person, 1);  // pinned to the far one
    EXPECT_EQ(plan.work[2].unplanned_reason, "no practitioner of the right grade");
    EXPECT_EQ(plan.work[3].unplanned_reason,
              "from the preferred date the visits need 20 school weeks; the term has 12");
}

}  // namespace
}  // namespace sendhub
