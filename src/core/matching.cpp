#include "core/matching.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "core/agreement.hpp"
#include "core/pricing.hpp"

namespace sendhub {
namespace {

bool grade_fits(const MatchNeed& need, Grade grade) {
    return grade_covers(grade, need.level, higher_grade_cover(need.higher_grade_may_cover));
}

std::vector<PrimaryNeed> distinct(std::vector<PrimaryNeed> needs) {
    std::ranges::sort(needs);
    auto [first, last] = std::ranges::unique(needs);
    needs.erase(first, last);
    return needs;
}

}  // namespace

std::vector<Candidate> rank_candidates(const MatchNeed& need,
                                       std::span<const CandidateInput> people,
                                       const MatchWeights& w) {
    auto needs = distinct(need.needs);
    std::vector<Candidate> out;
    for (const auto& p : people) {
        if (!p.active || !grade_fits(need, p.grade)) continue;
        int free_half_days = p.free_half_days_that_week;
        if (free_half_days < need.session_half_days) continue;  // no room that week

        Candidate c{p.id, p.name, p.grade, 0, p.return_tenths, 0, p.day_rate_pence, {}};
        for (auto n : needs) {
            if (std::ranges::find(p.expertise, n) == p.expertise.end()) continue;
            c.score += w.per_matching_need;
            c.reasons.push_back(std::string(term_of(primary_need_terms(), n).code) + " specialist");
        }
        if (p.return_tenths) {
            c.travel_pence = charge_for_miles(*p.return_tenths, need.mileage_pence_per_mile);
            c.score -= w.per_return_mile * static_cast<double>(*p.return_tenths) / 10.0;
            c.reasons.push_back(fmt::format("{} mi from home ({} mi return, £{}.{:02})",
                                            format_tenths((*p.return_tenths + 1) / 2),
                                            format_tenths(*p.return_tenths), c.travel_pence / 100,
                                            c.travel_pence % 100));
        } else {
            c.score -= w.per_return_mile * w.unknown_distance_miles;
            c.reasons.push_back("distance not known");
        }
        if (p.works_with_school) {
            c.score += w.continuity;
            c.reasons.push_back("already supports this school");
        }
        c.score -= w.per_active_request * p.active_requests;
        c.reasons.push_back(p.active_requests == 0
                                ? "no other active requests"
                                : fmt::format("{} active request{}", p.active_requests,
                                              p.active_requests == 1 ? "" : "s"));
        c.reasons.push_back(fmt::format("{} of {} days free that week", format_days(free_half_days),
                                        p.max_days_per_week));
        if (p.grade != need.level) c.reasons.push_back("higher grade than asked for");
        c.score = std::round(c.score * 10) / 10;
        out.push_back(std::move(c));
    }
    std::ranges::sort(out, [](const Candidate& a, const Candidate& b) {
        if (a.score != b.score) return a.score > b.score;
        auto ta = a.travel_tenths.value_or(INT64_MAX), tb = b.travel_tenths.value_or(INT64_MAX);
        if (ta != tb) return ta < tb;
        return a.id < b.id;
    });
    return out;
}

}  // namespace sendhub
