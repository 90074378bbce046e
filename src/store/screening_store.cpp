#include "store/screening_store.hpp"

#include <algorithm>

namespace sendhub {
namespace {

constexpr std::string_view kRounds =
    "SELECT r.id, r.school_urn, s.name, r.programme, r.cohort, r.round_date, r.screened,"
    " r.identified, r.started_intervention, r.exited_intervention FROM screening_rounds r"
    " JOIN schools s ON s.urn = r.school_urn"
    " WHERE (? IS NULL OR r.id = ?) AND (? IS NULL OR r.programme = ?)"
    " AND (? IS NULL OR r.cohort = ?) AND (? IS NULL OR r.round_date >= ?)"
    " AND (? IS NULL OR r.round_date <= ?) ORDER BY r.round_date, s.name, r.id";

std::optional<std::string> code_or_none(auto terms, auto value) {
    if (!value) return std::nullopt;
    return std::string(term_of(terms, *value).code);
}

std::optional<std::string> date_or_none(const std::optional<Date>& d) {
    if (!d) return std::nullopt;
    return format_date(*d);
}

std::vector<ScreeningRound> rounds_in(SqlConnection& c, std::optional<std::int64_t> id,
                                      const ScreeningFilter& f) {
    const auto programme = code_or_none(screening_programme_terms(), f.programme);
    const auto cohort = code_or_none(screening_cohort_terms(), f.cohort);
    const auto from = date_or_none(f.from);
    const auto to = date_or_none(f.to);
    std::vector<ScreeningRound> out;
    for (const auto& r :
         c.query_with(kRounds, id, id, programme, programme, cohort, cohort, from, from, to, to)) {
        if (!f.school_urns.empty() &&
            std::ranges::find(f.school_urns, r.integer(1)) == f.school_urns.end())
            continue;
        ScreeningRound round;
        round.id = r.integer(0);
        round.school_name = r.text(2);
        auto& v = round.values;
        v.school_urn = r.integer(1);
        v.programme = parse_term(screening_programme_terms(), r.text(3))
                          .value_or(ScreeningProgramme::wellcomm);
        v.cohort =
            parse_term(screening_cohort_terms(), r.text(4)).value_or(ScreeningCohort::early_years);
        v.date = parse_date(r.text(5)).value_or(Date{});
        v.counts = {1, r.integer(6), r.integer(7), r.integer(8), r.integer(9)};
        out.push_back(std::move(round));
    }
    return out;
}

Error duplicate() {
    return Error::conflict("duplicate",
                           "This school already has a round for that programme, cohort and date.");
}

bool taken(SqlConnection& c, const ScreeningValues& v, std::optional<std::int64_t> except) {
    auto row = c.query_one(
        "SELECT id FROM screening_rounds WHERE school_urn = ? AND programme = ? AND cohort = ?"
        " AND round_date = ?",
        v.school_urn, std::string(term_of(screening_programme_terms(), v.programme).code),
        std::string(term_of(screening_cohort_terms(), v.cohort).code), format_date(v.date));
    return row && row->integer(0) != except.value_or(0);
}

}  // namespace

Result<ScreeningRound> ScreeningStore::create(const ScreeningValues& v, const std::string& by) {
    try {
        return db_.write([&](SqlConnection& c) -> Result<ScreeningRound> {
            if (taken(c, v, std::nullopt)) return std::unexpected(duplicate());
            const auto id =
                c.query_one(
                     "INSERT INTO screening_rounds (school_urn, programme, cohort, round_date,"
                     " screened, identified, started_intervention, exited_intervention,"
                     " updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                     v.school_urn,
                     std::string(term_of(screening_programme_terms(), v.programme).code),
                     std::string(term_of(screening_cohort_terms(), v.cohort).code),
                     format_date(v.date), v.counts.screened, v.counts.identified,
                     v.counts.started_intervention, v.counts.exited_intervention, by,
                     c.now_seconds())
                    ->integer(0);
            return rounds_in(c, id, {}).at(0);
        });
    } catch (const UniqueViolation&) {
        return std::unexpected(duplicate());  // a round added at the same moment
    }
}

Result<ScreeningRound> ScreeningStore::update(std::int64_t id, const ScreeningValues& v,
                                              const std::string& by) {
    try {
        return db_.write([&](SqlConnection& c) -> Result<ScreeningRound> {
            if (taken(c, v, id)) return std::unexpected(duplicate());
            c.execute_with(
                "UPDATE screening_rounds SET programme = ?, cohort = ?, round_date = ?,"
                " screened = ?, identified = ?, started_intervention = ?,"
                " exited_intervention = ?, updated_by = ?, updated_at = ? WHERE id = ?",
                std::string(term_of(screening_programme_terms(), v.programme).code),
                std::string(term_of(screening_cohort_terms(), v.cohort).code), format_date(v.date),
                v.counts.screened, v.counts.identified, v.counts.started_intervention,
                v.counts.exited_intervention, by, c.now_seconds(), id);
            auto found = rounds_in(c, id, {});
            if (found.empty()) return std::unexpected(Error::not_found("No such round."));
            return found.front();
        });
    } catch (const UniqueViolation&) {
        return std::unexpected(duplicate());
    }
}

std::optional<ScreeningRound> ScreeningStore::find(std::int64_t id) {
    return db_.read([&](SqlConnection& c) -> std::optional<ScreeningRound> {
        auto found = rounds_in(c, id, {});
        if (found.empty()) return std::nullopt;
        return found.front();
    });
}

std::vector<ScreeningRound> ScreeningStore::list(const ScreeningFilter& filter) {
    return db_.read([&](SqlConnection& c) { return rounds_in(c, std::nullopt, filter); });
}

}  // namespace sendhub
