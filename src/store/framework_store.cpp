#include "store/framework_store.hpp"

#include <map>

#include "core/school_returns.hpp"

namespace sendhub {
namespace {

constexpr std::string_view kAreas =
    "SELECT id, title, topic FROM framework_areas WHERE framework_id = ? ORDER BY position, id";
constexpr std::string_view kStatements =
    "SELECT id, area_id, text FROM framework_statements WHERE framework_id = ?"
    " ORDER BY position, id";
constexpr std::string_view kEvaluations =
    "SELECT id, school_urn, framework_id, period, updated_by, updated_at FROM self_evaluations"
    " WHERE (? IS NULL OR id = ?) AND (? IS NULL OR school_urn = ?)"
    " AND (? IS NULL OR framework_id = ?) AND (? IS NULL OR period = ?)"
    " ORDER BY framework_id, period_key, school_urn";
constexpr std::string_view kRatings =
    "SELECT r.statement_id, r.rating, r.evidence FROM self_evaluation_ratings r"
    " JOIN framework_statements s ON s.id = r.statement_id"
    " WHERE r.self_evaluation_id = ? ORDER BY s.position, s.id";

std::optional<Framework> framework_in(SqlConnection& c, std::int64_t id) {
    auto row = c.query_one("SELECT id, name, scale_max FROM frameworks WHERE id = ?", id);
    if (!row) return std::nullopt;
    Framework f{row->integer(0), row->text(1), static_cast<int>(row->integer(2)), {}};
    std::map<std::int64_t, std::size_t> area_at;
    for (const auto& a : c.query_with(kAreas, id)) {
        area_at[a.integer(0)] = f.areas.size();
        f.areas.push_back({a.integer(0), a.text(1), a.text(2), {}});
    }
    for (const auto& s : c.query_with(kStatements, id)) {
        auto& area = f.areas.at(area_at.at(s.integer(1)));
        area.statements.push_back({s.integer(0), area.title, s.text(2)});
    }
    return f;
}

std::vector<SelfEvaluationRecord> evaluations_in(SqlConnection& c, std::optional<std::int64_t> id,
                                                 const SelfEvaluationFilter& filter) {
    const std::optional<std::string> period =
        filter.period ? std::optional<std::string>(term_name(*filter.period)) : std::nullopt;
    std::vector<SelfEvaluationRecord> out;
    for (const auto& r : c.query_with(kEvaluations, id, id, filter.school_urn, filter.school_urn,
                                      filter.framework_id, filter.framework_id, period, period)) {
        SelfEvaluationRecord e;
        e.id = r.integer(0);
        e.school_urn = r.integer(1);
        e.framework_id = r.integer(2);
        e.period = parse_term_name(r.text(3)).value_or(TermPeriod{});
        e.updated_by = r.text(4);
        e.updated_at = Timestamp{std::chrono::seconds{r.integer(5)}};
        for (const auto& rating : c.query_with(kRatings, e.id))
            e.ratings.push_back(
                {rating.integer(0), static_cast<int>(rating.integer(1)), rating.text(2)});
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace

std::vector<FrameworkStatement> Framework::statements() const {
    std::vector<FrameworkStatement> out;
    for (const auto& a : areas) out.insert(out.end(), a.statements.begin(), a.statements.end());
    return out;
}

Framework FrameworkStore::create(const FrameworkValues& values) {
    return db_.write([&](SqlConnection& c) {
        const auto id = c.query_one(
                             "INSERT INTO frameworks (name, scale_max, created_at) VALUES"
                             " (?, ?, ?) RETURNING id",
                             values.name, values.scale_max, c.now_seconds())
                            ->integer(0);
        int position = 0;
        for (std::size_t a = 0; a < values.areas.size(); ++a) {
            const auto area_id =
                c.query_one(
                     "INSERT INTO framework_areas (framework_id, position, title, topic) VALUES"
                     " (?, ?, ?, ?) RETURNING id",
                     id, a, values.areas[a].title, values.areas[a].topic)
                    ->integer(0);
            for (const auto& text : values.areas[a].statements)
                c.execute_with(
                    "INSERT INTO framework_statements (area_id, framework_id, position,"
                    " text) VALUES (?, ?, ?, ?)",
                    area_id, id, position++, text);
        }
        return *framework_in(c, id);
    });
}

std::vector<Framework> FrameworkStore::list() {
    return db_.read([&](SqlConnection& c) {
        std::vector<Framework> out;
        for (const auto& r : c.query_with("SELECT id FROM frameworks ORDER BY name, id"))
            out.push_back(*framework_in(c, r.integer(0)));
        return out;
    });
}

std::optional<Framework> FrameworkStore::find(std::int64_t id) {
    return db_.read([&](SqlConnection& c) { return framework_in(c, id); });
}

std::pair<SelfEvaluationRecord, bool> FrameworkStore::save_evaluation(
    std::int64_t school_urn, std::int64_t framework_id, const TermPeriod& period,
    const std::vector<Rating>& ratings, const std::string& by) {
    return db_.write([&](SqlConnection& c) {
        const std::string name = term_name(period);
        auto existing = c.query_one(
            "SELECT id FROM self_evaluations WHERE school_urn = ? AND"
            " framework_id = ? AND period = ?",
            school_urn, framework_id, name);
        std::int64_t id = 0;
        if (existing) {
            id = existing->integer(0);
            c.execute_with(
                "UPDATE self_evaluations SET updated_by = ?, updated_at = ? WHERE id = ?", by,
                c.now_seconds(), id);
            c.execute_with("DELETE FROM self_evaluation_ratings WHERE self_evaluation_id = ?", id);
        } else {
            id = c.query_one(
                      "INSERT INTO self_evaluations (school_urn, framework_id, period,"
                      " period_key, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?)"
                      " RETURNING id",
                      school_urn, framework_id, name, term_sort_key(period), by, c.now_seconds())
                     ->integer(0);
        }
        for (const auto& r : ratings)
            c.execute_with(
                "INSERT INTO self_evaluation_ratings (self_evaluation_id, statement_id,"
                " rating, evidence) VALUES (?, ?, ?, ?)",
                id, r.statement_id, r.rating, r.evidence);
        return std::pair{evaluations_in(c, id, {}).at(0), !existing.has_value()};
    });
}

std::vector<SelfEvaluationRecord> FrameworkStore::evaluations(const SelfEvaluationFilter& filter) {
    return db_.read([&](SqlConnection& c) { return evaluations_in(c, std::nullopt, filter); });
}

std::optional<SelfEvaluationRecord> FrameworkStore::find_evaluation(std::int64_t id) {
    return db_.read([&](SqlConnection& c) -> std::optional<SelfEvaluationRecord> {
        auto found = evaluations_in(c, id, {});
        if (found.empty()) return std::nullopt;
        return found.front();
    });
}

}  // namespace sendhub
