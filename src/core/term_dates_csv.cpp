#include "core/term_dates_csv.hpp"

#include <algorithm>
#include <map>
#include <utility>

#include "core/csv.hpp"
#include "core/text.hpp"

namespace sendhub {
namespace {

constexpr std::string_view kColumns[] = {"la_code", "academic_year",       "starts_on",
                                         "ends_on", "half_term_starts_on", "half_term_ends_on"};

struct Group {
    TermDatesInput input;
    std::vector<std::size_t> rows;  // the file's row number of each term
};

Error row_error(std::size_t row, std::string_view message) {
    return Error::invalid("csv", "invalid",
                          "Row " + std::to_string(row) + ": " + std::string(message));
}

//! "terms.2.ends_on" -> 2; nullopt for fields not about one term.
std::optional<std::size_t> term_index(std::string_view field) {
    if (!field.starts_with("terms.")) return std::nullopt;
    field.remove_prefix(6);
    auto n = parse_int(field.substr(0, field.find('.')));
    return n ? std::optional(static_cast<std::size_t>(*n)) : std::nullopt;
}

}  // namespace

Result<std::vector<AuthorityTermDates>> parse_term_dates_csv(std::string_view text) {
    auto table = CsvTable::parse(text);
    std::map<std::string_view, std::size_t> at;
    for (auto name : kColumns) {
        auto i = table.column(name);
        if (!i)
            return std::unexpected(Error::invalid(
                "csv", "missing_column",
                "The file needs a header row with la_code, academic_year, starts_on, ends_on, "
                "half_term_starts_on and half_term_ends_on (closures is optional)"));
        at[name] = *i;
    }
    auto closures_at = table.column("closures");
    if (table.rows().empty())
        return std::unexpected(Error::invalid("csv", "empty", "The file has no rows of dates"));
    if (table.rows().size() > kMaxTermDateRows)
        return std::unexpected(
            Error::invalid("csv", "too_long", "Send at most 2,000 rows at a time"));

    std::map<std::pair<int, std::string>, Group> groups;
    for (std::size_t r = 0; r < table.rows().size(); ++r) {
        const auto& row = table.rows()[r];
        const std::size_t number = r + 2;  // the header is row 1
        auto cell = [&](std::size_t i) { return i < row.size() ? trim(row[i]) : std::string(); };
        auto code = parse_int(cell(at["la_code"]));
        if (!code || *code < 100 || *code > 999)
            return std::unexpected(
                row_error(number, "la_code must be a local authority's three-digit DfE code"));
        auto& g = groups[{static_cast<int>(*code), cell(at["academic_year"])}];
        g.input.academic_year = cell(at["academic_year"]);
        g.input.terms.push_back({cell(at["starts_on"]), cell(at["ends_on"]),
                                 cell(at["half_term_starts_on"]), cell(at["half_term_ends_on"])});
        g.rows.push_back(number);
        if (closures_at) {
            std::string days = cell(*closures_at);
            std::ranges::replace(days, ';', ' ');
            for (const auto& day : split(days, ' '))
                if (!trim(day).empty()) g.input.closures.push_back(trim(day));
        }
    }

    std::vector<AuthorityTermDates> out;
    for (auto& [key, g] : groups) {
        auto dates = validate_term_dates(g.input);
        if (!dates) {
            const auto& first = dates.error().fields.empty()
                                    ? FieldError{dates.error().field, "", dates.error().message}
                                    : dates.error().fields.front();
            auto k = term_index(first.field);
            std::size_t row = k && *k < g.rows.size() ? g.rows[*k] : g.rows.front();
            return std::unexpected(row_error(row, first.message));
        }
        out.push_back({key.first, std::move(*dates)});
    }
    return out;
}

}  // namespace sendhub
