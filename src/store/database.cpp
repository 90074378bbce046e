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

std::optional<std::int64_t> SqlRow::optional_integer(std::size_t i) const {
    if (is_null(i)) return std::nullopt;
    return integer(i);
}

std::optional<double> SqlRow::optional_real(std::size_t i) const {
    if (is_null(i)) return std::nullopt;
    return real(i);
}

std::unique_ptr<Database> open_database(std::string_view url) {
    if (url.starts_with("sqlite:")) return open_sqlite(url.substr(7));
    if (url.starts_with("postgresql://") || url.starts_with("postgres://")) return open_postgresql(url);
    throw DatabaseError("database URL must be sqlite:PATH or postgresql://…, got: " + std::string(url));
}

}  // namespace sendhub
