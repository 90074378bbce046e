#include "core/screening.hpp"

#include <cctype>
#include <map>

#include "core/term_periods.hpp"
#include "core/text.hpp"

namespace sendhub {
namespace {

constexpr Term<ScreeningProgramme> kProgrammes[] = {
    {ScreeningProgramme::wellcomm, "wellcomm", "WellComm"},
    {ScreeningProgramme::talk_boost, "talk_boost", "Talk Boost"},
    {ScreeningProgramme::speech_and_language_link, "speech_and_language_link",
     "Speech and Language Link"},
};
constexpr Term<ScreeningCohort> kCohorts[] = {
    {ScreeningCohort::early_years, "early_years", "Early years"},
    {ScreeningCohort::year_3, "year_3", "Year 3"},
    {ScreeningCohort::year_7, "year_7", "Year 7"},
};
constexpr std::string_view kFields[] = {
    "school_urn",           "programme",          "cohort", "date", "screened", "identified",
    "started_intervention", "exited_intervention"};

//! A count: a whole number from `least`; records `invalid` with a sentence otherwise.
std::int64_t count_of(Validator& v, const char* field, std::string_view typed,
                      std::string_view label, std::int64_t least) {
    auto n = parse_int(trim(typed));
    if (!n || *n < least || *n > 1'000'000) {
        v.fail(field, "invalid",
               std::string(label) + " must be a whole number from " + std::to_string(least));
        return -1;
    }
    return *n;
}

}  // namespace

std::span<const Term<ScreeningProgramme>> screening_programme_terms() {
    return kProgrammes;
}
std::span<const Term<ScreeningCohort>> screening_cohort_terms() {
    return kCohorts;
}
std::span<const std::string_view> screening_round_fields() {
    return kFields;
}

ScreeningAccess screening_access(Role role) {
    switch (role) {
        case Role::admin:
        case Role::coordinator:
            return ScreeningAccess::read_all;
        case Role::senco:
        case Role::headteacher:
            return ScreeningAccess::own_school;
        case Role::practitioner:
            return ScreeningAccess::named_schools;
        case Role::finance:
        case Role::partnerships:
        case Role::school_staff:
            break;
    }
    return ScreeningAccess::none;
}

ScreeningCounts& ScreeningCounts::operator+=(const ScreeningCounts& other) {
    rounds += other.rounds;
    screened += other.screened;
    identified += other.identified;
    started_intervention += other.started_intervention;
    exited_intervention += other.exited_intervention;
    return *this;
}

Result<ScreeningValues> validate_screening_round(const ScreeningInput& input, Date today) {
    Validator v;
    ScreeningValues out;
    if (auto urn = parse_int(trim(input.school_urn)); urn && *urn > 0)
        out.school_urn = *urn;
    else
        v.fail("school_urn", "required", "Choose the school");
    if (auto p = parse_term(screening_programme_terms(), trim(input.programme)))
        out.programme = *p;
    else
        v.fail("programme", "invalid", "Choose WellComm, Talk Boost or Speech and Language Link");
    if (auto c = parse_term(screening_cohort_terms(), trim(input.cohort)))
        out.cohort = *c;
    else
        v.fail("cohort", "invalid", "Choose early years, Year 3 or Year 7");
    if (trim(input.date).empty()) {
        v.fail("date", "required", date_problem(input.date, "the date of the screening"));
    } else if (auto date = parse_date(trim(input.date)); !date) {
        v.fail("date", "invalid", date_problem(input.date, "the date of the screening"));
    } else if (*date > today) {
        v.fail("date", "invalid", "The date of the screening must be today or in the past");
    } else {
        out.date = *date;
    }
    auto& c = out.counts;
    c.rounds = 1;
    c.screened = count_of(v, "screened", input.screened, "Pupils screened", 1);
    c.identified = count_of(v, "identified", input.identified, "Pupils identified", 0);
    c.started_intervention = count_of(v, "started_intervention", input.started_intervention,
                                      "Pupils who started intervention", 0);
    c.exited_intervention = count_of(v, "exited_intervention", input.exited_intervention,
                                     "Pupils who finished intervention", 0);
    // Each stage is a subset of the one before; the larger count is the one to correct.
    if (c.screened >= 0 && c.identified > c.screened)
        v.fail("identified", "exceeds", "Pupils identified cannot be more than pupils screened");
    if (c.identified >= 0 && c.started_intervention > c.identified)
        v.fail("started_intervention", "exceeds",
               "Pupils who started intervention cannot be more than pupils identified");
    if (c.started_intervention >= 0 && c.exited_intervention > c.started_intervention)
        v.fail("exited_intervention", "exceeds",
               "Pupils who finished intervention cannot be more than those who started it");
    if (!v.ok()) return std::unexpected(std::move(v).error());
    return out;
}

std::optional<std::int64_t> identification_rate_thousandths(const ScreeningCounts& counts) {
    if (counts.screened <= 0) return std::nullopt;
    return (counts.identified * 2000 + counts.screened) / (2 * counts.screened);
}

std::string format_rate(std::int64_t thousandths) {
    std::string fraction = std::to_string(thousandths % 1000);
    fraction.insert(0, 3 - fraction.size(), '0');
    return std::to_string(thousandths / 1000) + "." + fraction;
}

ScreeningSummary summarise_screening(const std::vector<ScreeningRoundCounts>& rounds) {
    ScreeningSummary out;
    std::map<ScreeningProgramme, ScreeningCounts> programmes;
    std::map<ScreeningCohort, ScreeningCounts> cohorts;
    std::map<std::int64_t, ScreeningCounts> schools;
    for (const auto& r : rounds) {
        out.total += r.counts;
        programmes[r.programme] += r.counts;
        cohorts[r.cohort] += r.counts;
        schools[r.school_urn] += r.counts;
    }
    for (const auto& t : screening_programme_terms())
        if (auto it = programmes.find(t.value); it != programmes.end())
            out.by_programme.emplace_back(t.value, it->second);
    for (const auto& t : screening_cohort_terms())
        if (auto it = cohorts.find(t.value); it != cohorts.end())
            out.by_cohort.emplace_back(t.value, it->second);
    out.by_school.assign(schools.begin(), schools.end());
    return out;
}

std::vector<std::pair<std::string, ScreeningCounts>> screening_by_term(
    const std::vector<DatedScreeningCounts>& rounds) {
    // Academic years compare as text ("2025-26" < "2026-27"); seasons in school-year order.
    std::map<std::pair<std::string, TermSeason>, ScreeningCounts> terms;
    for (const auto& r : rounds) {
        const TermPeriod period = term_period_of(r.date);
        terms[{period.academic_year, period.season}] += r.counts;
    }
    std::vector<std::pair<std::string, ScreeningCounts>> out;
    for (const auto& [key, counts] : terms) {
        std::string label = describe({key.first, key.second});
        if (!label.empty()) label[0] = static_cast<char>(std::toupper(label[0]));
        out.emplace_back(std::move(label), counts);
    }
    return out;
}

}  // namespace sendhub
