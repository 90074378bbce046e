#include "service/school_days_service.hpp"

#include <nlohmann/json.hpp>

#include "core/availability.hpp"
#include "core/text.hpp"

namespace sendhub {
namespace {

Result<int> authority_code(std::string_view text) {
    auto code = parse_int(trim(text));
    if (!code || *code < 100 || *code > 999)
        return std::unexpected(Error::not_found("No such local authority."));
    return static_cast<int>(*code);
}

}  // namespace

Result<TermDates> put_term_dates(Services& s, const Actor& actor, std::string_view la_code,
                                 const TermDatesInput& input, const Acting& who) {
    if (!allows(actor, Permission::manage_term_dates)) return std::unexpected(Error::forbidden());
    SENDHUB_ASSIGN_OR_RETURN(int code, authority_code(la_code));
    SENDHUB_ASSIGN_OR_RETURN(TermDates dates, validate_term_dates(input));
    s.school_days.replace_term_dates(code, dates, who);
    return dates;
}

Result<std::vector<AuthorityTermDates>> import_term_dates(Services& s, const Actor& actor,
                                                          std::string_view csv_text,
                                                          const Acting& who) {
    if (!allows(actor, Permission::manage_term_dates)) return std::unexpected(Error::forbidden());
    SENDHUB_ASSIGN_OR_RETURN(auto years, parse_term_dates_csv(csv_text));
    s.database->write([&](SqlConnection&) {
        for (const auto& y : years) s.school_days.replace_term_dates(y.la_code, y.dates, who);
    });
    return years;
}

Result<TermDatesOverview> term_dates_overview(Services& s, const Actor& actor) {
    if (!allows(actor, Permission::manage_term_dates)) return std::unexpected(Error::forbidden());
    return TermDatesOverview{s.school_days.recorded_years(), s.school_days.authorities()};
}

Result<std::string> authority_name(Services& s, std::string_view la_code) {
    SENDHUB_ASSIGN_OR_RETURN(int code, authority_code(la_code));
    auto name = s.school_days.authority_name(code);
    if (!name) return std::unexpected(Error::not_found("No such local authority."));
    return *name;
}

Result<TermDates> get_term_dates(Services& s, std::string_view la_code,
                                 std::string_view academic_year) {
    SENDHUB_ASSIGN_OR_RETURN(int code, authority_code(la_code));
    std::string year = trim(academic_year);
    if (year.empty()) year = academic_year_of(s.clock().today());
    if (!academic_year_bounds(year))
        return std::unexpected(
            Error::invalid("academic_year", "invalid", "Enter the academic year, like 2026-27"));
    auto dates = s.school_days.term_dates(code, year);
    if (!dates)
        return std::unexpected(
            Error::not_found("No term dates are recorded for this authority in " + year + "."));
    return *dates;
}

Result<std::vector<SchoolDay>> school_days(Services& s, const Actor& actor,
                                           std::string_view school_urn, std::string_view from,
                                           std::string_view to) {
    auto urn = parse_int(trim(school_urn));
    if (!urn || !can_see_school(actor, SchoolUrn{*urn}) || !s.schools.find(SchoolUrn{*urn}))
        return std::unexpected(Error::not_found("No such school."));
    Validator v;
    auto first = parse_date(trim(from));
    auto last = parse_date(trim(to));
    if (!first) v.fail("from", "invalid", "Enter the first date, like 2026-12-01");
    if (!last) v.fail("to", "invalid", "Enter the last date, like 2026-12-31");
    if (first && last && *last < *first)
        v.fail("to", "invalid", "The last date must be on or after the first");
    else if (first && last && days_between(*first, *last) >= kMaxSchoolDaysAsked)
        v.fail("to", "too_long", "Ask for at most 366 dates at a time");
    if (!v.ok()) return std::unexpected(std::move(v).error());
    auto calendar = s.school_days.calendar_of(SchoolUrn{*urn});
    std::vector<SchoolDay> days;
    for (Date d = *first; d <= *last; d = add_days(d, 1))
        days.push_back({d, calendar.closed_on(d)});
    return days;
}

Result<std::size_t> import_bank_holidays(Services& s, std::string_view json_text,
                                         const Acting& who) {
    auto doc = nlohmann::json::parse(json_text, nullptr, false);
    const char* division = "england-and-wales";
    if (doc.is_discarded() || !doc.is_object() || !doc.contains(division) ||
        !doc[division].is_object() || !doc[division].contains("events") ||
        !doc[division]["events"].is_array())
        return std::unexpected(Error::invalid(
            "file", "invalid",
            "The file is not GOV.UK's bank-holidays.json (no england-and-wales events)"));
    std::vector<BankHoliday> holidays;
    for (const auto& event : doc[division]["events"]) {
        if (!event.is_object() || !event.contains("date") || !event["date"].is_string())
            return std::unexpected(Error::invalid("file", "invalid", "An event has no date"));
        auto date = parse_date(event["date"].get<std::string>());
        if (!date)
            return std::unexpected(Error::invalid(
                "file", "invalid",
                "An event's date is not a date: " + event["date"].get<std::string>()));
        std::string title = event.contains("title") && event["title"].is_string()
                                ? event["title"].get<std::string>()
                                : std::string("Bank holiday");
        holidays.push_back({*date, title});
    }
    if (holidays.empty())
        return std::unexpected(
            Error::invalid("file", "invalid", "The file lists no bank holidays"));
    std::ranges::sort(holidays, {}, &BankHoliday::date);
    auto repeated = std::ranges::unique(holidays, {}, &BankHoliday::date);
    holidays.erase(repeated.begin(), repeated.end());
    return s.school_days.replace_bank_holidays(holidays, who);
}

}  // namespace sendhub
