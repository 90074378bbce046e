#include "store/school_return_store.hpp"

namespace sendhub {
namespace {

// The measure columns, in return_measures() order.
std::string measure_columns() {
    std::string out;
    for (const auto& m : return_measures()) out += (out.empty() ? "" : ", ") + std::string(m.code);
    return out;
}

std::string select_returns() {
    return "SELECT id, school_urn, term, updated_by, updated_at, " + measure_columns() +
           " FROM school_returns";
}

SchoolReturnRecord record_of(const SqlRow& r) {
    SchoolReturnRecord out;
    out.id = r.integer(0);
    out.values.school_urn = r.integer(1);
    out.values.term = parse_term_name(r.text(2)).value_or(TermPeriod{});
    out.updated_by = r.text(3);
    out.updated_at = Timestamp{std::chrono::seconds{r.integer(4)}};
    std::size_t column = 5;
    for (const auto& m : return_measures())
        out.values.measures[std::string(m.code)] = r.optional_real(column++);
    return out;
}

std::vector<SqlValue> measure_values(const SchoolReturnValues& v) {
    std::vector<SqlValue> out;
    for (const auto& m : return_measures()) {
        auto it = v.measures.find(std::string(m.code));
        if (it != v.measures.end() && it->second)
            out.emplace_back(std::in_place_type<double>, *it->second);
        else
            out.emplace_back(std::in_place_type<std::nullptr_t>, nullptr);
    }
    return out;
}

}  // namespace

std::vector<std::pair<SchoolReturnRecord, bool>> SchoolReturnStore::save(
    const std::vector<SchoolReturnValues>& returns, const std::string& by) {
    static const std::string columns = measure_columns();
    static const std::string insert = [] {
        std::string marks;
        for (std::size_t i = 0; i < return_measures().size(); ++i) marks += ", ?";
        return "INSERT INTO school_returns (school_urn, term, term_key, updated_by, updated_at, " +
               columns + ") VALUES (?, ?, ?, ?, ?" + marks + ") RETURNING id";
    }();
    static const std::string update = [] {
        std::string sets;
        for (const auto& m : return_measures()) sets += ", " + std::string(m.code) + " = ?";
        return "UPDATE school_returns SET updated_by = ?, updated_at = ?" + sets + " WHERE id = ?";
    }();
    return db_.write([&](SqlConnection& c) {
        std::vector<std::pair<SchoolReturnRecord, bool>> out;
        for (const auto& v : returns) {
            const std::string term = term_name(v.term);
            auto existing = c.query_one(
                "SELECT id FROM school_returns WHERE school_urn = ? AND "
                "term = ?",
                v.school_urn, term);
            std::int64_t id = 0;
            if (existing) {
                id = existing->integer(0);
                std::vector<SqlValue> params{by, c.now_seconds()};
                for (auto& value : measure_values(v)) params.push_back(std::move(value));
                params.emplace_back(id);
                c.execute(update, params);
            } else {
                std::vector<SqlValue> params{v.school_urn, term, term_sort_key(v.term), by,
                                             c.now_seconds()};
                for (auto& value : measure_values(v)) params.push_back(std::move(value));
                id = c.query(insert, params).at(0).integer(0);
            }
            auto row = c.query_one(select_returns() + " WHERE id = ?", id);
            out.emplace_back(record_of(*row), !existing);
        }
        return out;
    });
}

std::vector<SchoolReturnRecord> SchoolReturnStore::list(const SchoolReturnFilter& filter) {
    return db_.read([&](SqlConnection& c) {
        std::vector<SchoolReturnRecord> out;
        const std::optional<std::string> term =
            filter.term ? std::optional<std::string>(term_name(*filter.term)) : std::nullopt;
        for (const auto& r :
             c.query_with(select_returns() +
                              " WHERE (? IS NULL OR school_urn = ?) AND (? IS NULL OR term = ?)"
                              " ORDER BY school_urn, term_key",
                          filter.school_urn, filter.school_urn, term, term))
            out.push_back(record_of(r));
        return out;
    });
}

}  // namespace sendhub
