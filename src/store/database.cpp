#include "store/database.hpp"

#include "store/postgres_database.hpp"
#include "store/sqlite_database.hpp"

namespace sendhub {

std::int64_t SqlRow::integer(std::size_t i) const {
    const auto& v = values_.at(i);
    if (auto p = std::get_if<std::int64_t>(&v)) return *p;
    if (auto p = std::get_if<double>(&v)) return static_cast<std::int64_t>(*p);
    throw DatabaseError("column " + std::to_string(i) + " is not an integer");
}

double SqlRow::real(std::size_t i) const {
    const auto& v = values_.at(i);
    if (auto p = std::get_if<double>(&v)) return *p;
    if (auto p = std::get_if<std::int64_t>(&v)) return static_cast<double>(*p);
    throw DatabaseError("column " + std::to_string(i) + " is not a number");
}

std::string SqlRow::text(std::size_t i) const {
    const auto& v = values_.at(i);
    if (auto p = std::get_if<std::string>(&v)) return *p;
    if (auto p = std::get_if<std::int64_t>(&v)) return std::to_string(*p);
    if (std::holds_alternative<std::nullptr_t>(v)) return {};
    throw DatabaseError("column " + std::to_string(i) + " is not text");
}

std::string SqlRow::take_text(std::size_t i) {
    if (auto p = std::get_if<std::string>(&values_.at(i))) return std::move(*p);
    return text(i);
}

std::optional<std::int64_t> SqlRow::optional_integer(std::size_t i) const {
    if (is_null(i)) return std::nullopt;
    return integer(i);
}

std::optional<double> SqlRow::optional_real(std::size_t i) const {
    if (is_null(i)) return std::nullopt;
    return real(i);
}

std::string without_password(std::string_view url) {
    // postgresql://user:password@host/… : the password sits between the first ':' after the
    // scheme and the last '@' of the authority (a password may itself contain '@').
    auto scheme = url.find("://");
    if (scheme == std::string_view::npos) return std::string(url);
    auto authority_end = url.find_first_of("/?", scheme + 3);
    auto authority =
        url.substr(scheme + 3,
                   authority_end == std::string_view::npos ? url.npos : authority_end - scheme - 3);
    auto at = authority.rfind('@');
    auto colon = authority.find(':');
    if (at == std::string_view::npos || colon == std::string_view::npos || colon > at)
        return std::string(url);
    std::string out(url);
    out.replace(scheme + 3 + colon + 1, at - colon - 1, "***");
    return out;
}

std::unique_ptr<Database> open_database(std::string_view url) {
    if (url.starts_with("sqlite:")) return open_sqlite(url.substr(7));
    if (url.starts_with("postgresql://") || url.starts_with("postgres://"))
        return open_postgresql(url);
    throw DatabaseError("database URL must be sqlite:PATH or postgresql://…, got: " +
                        std::string(url));
}

void check_database_answers(Database& db) {
    constexpr std::string_view kPing = "SELECT 1";
    db.read([&](SqlConnection& c) { c.query_with(kPing); });
}

}  // namespace sendhub
