#include "service/screening_service.hpp"

#include <algorithm>
#include <map>

#include "core/text.hpp"
#include "service/slcn_service.hpp"

namespace sendhub {
namespace {

ScreeningStore store_of(Services& s) {
    return ScreeningStore(*s.database);
}

Error no_round() {
    return Error::not_found("No such screening round.");
}

Result<ScreeningValues> checked(Services& s, const Actor& actor, const ScreeningInput& input) {
    SENDHUB_TRY(slcn_visible_schools(s, actor));
    if (screening_access(actor.role) == ScreeningAccess::read_all)
        return std::unexpected(Error::forbidden());
    auto values = validate_screening_round(input, s.clock().today());
    if (!values) return std::unexpected(values.error());
    SENDHUB_TRY(may_write_slcn(s, actor, values->school_urn));
    if (!s.schools.find(SchoolUrn{values->school_urn}))
        return std::unexpected(
            Error::invalid("school_urn", "unknown_school", "No school has that URN"));
    return values;
}

template <class Enum>
Result<std::optional<Enum>> term_filter(std::span<const Term<Enum>> terms, std::string_view typed,
                                        const char* field) {
    if (trim(typed).empty()) return std::optional<Enum>{};
    auto value = parse_term(terms, trim(typed));
    if (!value) return std::unexpected(Error::invalid(field, "invalid", "Not one of the list"));
    return std::optional<Enum>{*value};
}

Result<std::optional<Date>> date_filter(std::string_view typed, const char* field) {
    if (trim(typed).empty()) return std::optional<Date>{};
    auto date = parse_date(trim(typed));
    if (!date)
        return std::unexpected(Error::invalid(field, "invalid", "Enter a date like 2026-10-05"));
    return std::optional<Date>{*date};
}

//! The filter as the store takes it, or why not; `nothing` when the actor sees no school.
Result<ScreeningFilter> filter_of(Services& s, const Actor& actor, const ScreeningQuery& q,
                                  bool& nothing) {
    auto schools = slcn_visible_schools(s, actor);
    if (!schools) return std::unexpected(schools.error());
    ScreeningFilter f;
    auto programme = term_filter(screening_programme_terms(), q.programme, "programme");
    if (!programme) return std::unexpected(programme.error());
    auto cohort = term_filter(screening_cohort_terms(), q.cohort, "cohort");
    if (!cohort) return std::unexpected(cohort.error());
    auto from = date_filter(q.from, "from");
    if (!from) return std::unexpected(from.error());
    auto to = date_filter(q.to, "to");
    if (!to) return std::unexpected(to.error());
    f.programme = *programme;
    f.cohort = *cohort;
    f.from = *from;
    f.to = *to;
    if (!trim(q.school_urn).empty()) {
        auto urn = parse_int(trim(q.school_urn));
        if (!urn) return std::unexpected(Error::invalid("school_urn", "invalid", "Enter a URN"));
        if (!sees_school(*schools, *urn))
            return std::unexpected(Error::not_found("No such school."));
        f.school_urns = {*urn};
    } else if (*schools) {
        f.school_urns = **schools;
    }
    nothing = *schools && (*schools)->empty();
    return f;
}

}  // namespace

Result<ScreeningRound> create_screening_round(Services& s, const Actor& actor,
                                              const ScreeningInput& input) {
    auto values = checked(s, actor, input);
    if (!values) return std::unexpected(values.error());
    return store_of(s).create(*values, actor.name);
}

Result<ScreeningRound> update_screening_round(Services& s, const Actor& actor, std::int64_t id,
                                              const ScreeningInput& input) {
    auto existing = get_screening_round(s, actor, id);
    if (!existing) return std::unexpected(existing.error());
    auto values = checked(s, actor, input);
    if (!values) return std::unexpected(values.error());
    if (values->school_urn != existing->values.school_urn)
        return std::unexpected(Error::invalid("school_urn", "invalid",
                                              "A round's school cannot change; add a new round"));
    return store_of(s).update(id, *values, actor.name);
}

Result<ScreeningRound> get_screening_round(Services& s, const Actor& actor, std::int64_t id) {
    auto schools = slcn_visible_schools(s, actor);
    if (!schools) return std::unexpected(schools.error());
    auto round = store_of(s).find(id);
    if (!round || !sees_school(*schools, round->values.school_urn))
        return std::unexpected(no_round());
    return *round;
}

Result<std::vector<ScreeningRound>> list_screening_rounds(Services& s, const Actor& actor,
                                                          const ScreeningQuery& query) {
    bool nothing = false;
    auto filter = filter_of(s, actor, query, nothing);
    if (!filter) return std::unexpected(filter.error());
    if (nothing) return std::vector<ScreeningRound>{};
    return store_of(s).list(*filter);
}

Result<ScreeningOverview> screening_overview(Services& s, const Actor& actor,
                                             const ScreeningQuery& query) {
    auto rounds = list_screening_rounds(s, actor, {query.school_urn, "", "", query.from, query.to});
    if (!rounds) return std::unexpected(rounds.error());
    std::vector<ScreeningRoundCounts> counts;
    std::map<std::int64_t, std::string> names;
    for (const auto& r : *rounds) {
        counts.push_back(
            {r.values.school_urn, r.values.programme, r.values.cohort, r.values.counts});
        names[r.values.school_urn] = r.school_name;
    }
    ScreeningOverview out{summarise_screening(counts), {}};
    for (const auto& [urn, c] : out.summary.by_school)
        out.by_school.push_back({urn, names[urn], c});
    std::ranges::sort(out.by_school, {}, &SchoolScreening::name);
    return out;
}

}  // namespace sendhub
