#include "store/school_days_store.hpp"

#include <map>

#include "store/stored_value.hpp"

namespace sendhub {
namespace {

constexpr std::string_view kDeleteBankHolidays = "DELETE FROM bank_holidays";
constexpr std::string_view kInsertBankHoliday =
    "INSERT INTO bank_holidays (date, title) VALUES (?, ?)";
constexpr std::string_view kBankHolidays = "SELECT date, title FROM bank_holidays ORDER BY date";
constexpr std::string_view kBankHolidaysBetween =
    "SELECT date, title FROM bank_holidays WHERE date BETWEEN ? AND ? ORDER BY date";
constexpr std::string_view kDeleteTerms =
    "DELETE FROM school_terms WHERE la_code = ? AND academic_year = ?";
constexpr std::string_view kDeleteClosures =
    "DELETE FROM school_closures WHERE la_code = ? AND academic_year = ?";
constexpr std::string_view kInsertTerm =
    "INSERT INTO school_terms (la_code, academic_year, starts_on, ends_on, half_term_starts_on, "
    "half_term_ends_on) VALUES (?, ?, ?, ?, ?, ?)";
constexpr std::string_view kInsertClosure =
    "INSERT INTO school_closures (la_code, academic_year, date) VALUES (?, ?, ?)";
constexpr std::string_view kTerms =
    "SELECT academic_year, starts_on, ends_on, half_term_starts_on, half_term_ends_on "
    "FROM school_terms WHERE la_code = ? AND (? = '' OR academic_year = ?) "
    "ORDER BY academic_year, starts_on";
constexpr std::string_view kClosures =
    "SELECT academic_year, date FROM school_closures WHERE la_code = ? "
    "AND (? = '' OR academic_year = ?) ORDER BY date";
constexpr std::string_view kRecordedYears =
    "SELECT t.la_code, coalesce(a.name, ''), t.academic_year, count(*),"
    " (SELECT count(*) FROM school_closures c WHERE c.la_code = t.la_code"
    "  AND c.academic_year = t.academic_year)"
    " FROM school_terms t LEFT JOIN local_authorities a ON a.la_code = t.la_code"
    " GROUP BY t.la_code, a.name, t.academic_year ORDER BY 2, 3";
constexpr std::string_view kAuthorities =
    "SELECT la_code, name FROM local_authorities ORDER BY name";
constexpr std::string_view kAuthorityName = "SELECT name FROM local_authorities WHERE la_code = ?";
constexpr std::string_view kSchoolAuthority = "SELECT la_code FROM schools WHERE urn = ?";

std::optional<Date> optional_date(const SqlRow& r, std::size_t i, std::string_view column) {
    if (r.is_null(i)) return std::nullopt;
    return stored_date(r.text(i), column);
}

std::optional<std::string> date_value(const std::optional<Date>& d) {
    return d ? std::optional(format_date(*d)) : std::nullopt;
}

//! The authority's recorded years (one when `year` is given), oldest first.
std::vector<TermDates> years_of(SqlConnection& c, std::int64_t la_code, const std::string& year) {
    std::map<std::string, TermDates> years;
    for (const auto& r : c.query_with(kTerms, la_code, year, year)) {
        auto& y = years[r.text(0)];
        y.academic_year = r.text(0);
        y.terms.push_back({stored_date(r.text(1), "school_terms.starts_on"),
                           stored_date(r.text(2), "school_terms.ends_on"),
                           optional_date(r, 3, "school_terms.half_term_starts_on"),
                           optional_date(r, 4, "school_terms.half_term_ends_on")});
    }
    for (const auto& r : c.query_with(kClosures, la_code, year, year)) {
        auto& y = years[r.text(0)];
        y.academic_year = r.text(0);
        y.closures.push_back(stored_date(r.text(1), "school_closures.date"));
    }
    std::vector<TermDates> out;
    out.reserve(years.size());
    for (auto& [_, y] : years) out.push_back(std::move(y));
    return out;
}

std::set<Date> holiday_dates(SqlConnection& c) {
    std::set<Date> dates;
    for (const auto& r : c.query_with(kBankHolidays))
        dates.insert(stored_date(r.text(0), "bank_holidays.date"));
    return dates;
}

}  // namespace

std::vector<RecordedYear> SchoolDaysStore::recorded_years() {
    return db_.read([](SqlConnection& c) {
        std::vector<RecordedYear> out;
        for (const auto& r : c.query_with(kRecordedYears))
            out.push_back({static_cast<int>(r.integer(0)), r.text(1), r.text(2),
                           static_cast<int>(r.integer(3)), static_cast<int>(r.integer(4))});
        return out;
    });
}

std::optional<std::string> SchoolDaysStore::authority_name(int la_code) {
    return db_.read([&](SqlConnection& c) -> std::optional<std::string> {
        auto row = c.query_one(kAuthorityName, la_code);
        return row ? std::optional(row->text(0)) : std::nullopt;
    });
}

std::vector<std::pair<int, std::string>> SchoolDaysStore::authorities() {
    return db_.read([](SqlConnection& c) {
        std::vector<std::pair<int, std::string>> out;
        for (const auto& r : c.query_with(kAuthorities))
            out.emplace_back(static_cast<int>(r.integer(0)), r.text(1));
        return out;
    });
}

std::vector<BankHoliday> SchoolDaysStore::bank_holidays(Date from, Date to) {
    return db_.read([&](SqlConnection& c) {
        std::vector<BankHoliday> out;
        for (const auto& r : c.query_with(kBankHolidaysBetween, format_date(from), format_date(to)))
            out.push_back({stored_date(r.text(0), "bank_holidays.date"), r.text(1)});
        return out;
    });
}

std::size_t SchoolDaysStore::replace_bank_holidays(const std::vector<BankHoliday>& holidays,
                                                   const Acting& who) {
    db_.write([&](SqlConnection& c) {
        c.execute_with(kDeleteBankHolidays);
        for (const auto& h : holidays)
            c.execute_with(kInsertBankHoliday, format_date(h.date), h.title);
        append_audit(c, who, "replace", "bank_holidays", "", {{"count", holidays.size()}});
    });
    return holidays.size();
}

void SchoolDaysStore::replace_term_dates(int la_code, const TermDates& dates, const Acting& who) {
    db_.write([&](SqlConnection& c) {
        c.execute_with(kDeleteTerms, la_code, dates.academic_year);
        c.execute_with(kDeleteClosures, la_code, dates.academic_year);
        for (const auto& t : dates.terms)
            c.execute_with(kInsertTerm, la_code, dates.academic_year, format_date(t.starts_on),
                           format_date(t.ends_on), date_value(t.half_term_starts_on),
                           date_value(t.half_term_ends_on));
        for (const auto& d : dates.closures)
            c.execute_with(kInsertClosure, la_code, dates.academic_year, format_date(d));
        append_audit(c, who, "replace", "term_dates", std::to_string(la_code),
                     {{"academic_year", dates.academic_year},
                      {"terms", dates.terms.size()},
                      {"closures", dates.closures.size()}});
    });
}

std::optional<TermDates> SchoolDaysStore::term_dates(int la_code, const std::string& year) {
    auto years = db_.read([&](SqlConnection& c) { return years_of(c, la_code, year); });
    if (years.empty()) return std::nullopt;
    return std::move(years.front());
}

SchoolCalendar SchoolDaysStore::calendar_of(SqlConnection& c, SchoolUrn school) {
    auto row = c.query_one(kSchoolAuthority, school.value);
    std::vector<TermDates> years;
    if (row && !row->is_null(0) && row->integer(0) > 0) years = years_of(c, row->integer(0), "");
    return SchoolCalendar(holiday_dates(c), std::move(years));
}

SchoolCalendar SchoolDaysStore::calendar_of(SchoolUrn school) {
    return db_.read([&](SqlConnection& c) { return calendar_of(c, school); });
}

}  // namespace sendhub
