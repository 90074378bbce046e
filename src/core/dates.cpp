#include "core/dates.hpp"

#include <array>
#include <cstdio>

#include "core/text.hpp"

namespace sendhub {
using namespace std::chrono;

std::optional<Date> parse_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    auto y = parse_int(text.substr(0, 4));
    auto m = parse_int(text.substr(5, 2));
    auto d = parse_int(text.substr(8, 2));
    if (!y || !m || !d || *y < 1900 || *y > 2200) return std::nullopt;
    Date date{year{static_cast<int>(*y)}, month{static_cast<unsigned>(*m)},
              day{static_cast<unsigned>(*d)}};
    if (!date.ok()) return std::nullopt;
    return date;
}

std::string format_date(Date date) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return buffer;
}

namespace {
sys_seconds last_sunday_at_one_utc(year y, month m) {
    sys_days last_day{y / m / last};
    weekday wd{last_day};
    sys_days sunday = last_day - (wd - Sunday);
    return sunday + hours{1};
}
}  // namespace

// Europe/London is UTC in winter and UTC+1 (BST) in summer.
Timestamp to_london(Timestamp at) {
    year y = year_month_day{floor<days>(at)}.year();
    bool summer = at >= last_sunday_at_one_utc(y, March) && at < last_sunday_at_one_utc(y, October);
    return at + (summer ? hours{1} : hours{0});
}

Date london_date(Timestamp at) {
    return year_month_day{floor<days>(to_london(at))};
}

std::string format_london_time(Timestamp at) {
    auto local = to_london(at);
    auto day_part = floor<days>(local);
    hh_mm_ss time{local - day_part};
    // GOV.UK style: "2 December 2026 at 9:05am", midday as "12pm", midnight "12am".
    const int hour = static_cast<int>(time.hours().count());
    const int minute = static_cast<int>(time.minutes().count());
    char clock[32];
    std::snprintf(clock, sizeof clock, "%d:%02d%s", hour % 12 == 0 ? 12 : hour % 12, minute,
                  hour < 12 ? "am" : "pm");
    return format_day_month_year(year_month_day{day_part}) + " at " + clock;
}

std::string format_timestamp(Timestamp at) {
    auto day_part = floor<days>(at);
    hh_mm_ss time{at - day_part};
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%sT%02d:%02d:%02dZ",
                  format_date(year_month_day{day_part}).c_str(),
                  static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                  static_cast<int>(time.seconds().count()));
    return buffer;
}

std::optional<Timestamp> parse_timestamp(std::string_view text) {
    if (text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' ||
        text[19] != 'Z')
        return std::nullopt;
    auto date = parse_date(text.substr(0, 10));
    auto h = parse_int(text.substr(11, 2));
    auto m = parse_int(text.substr(14, 2));
    auto s = parse_int(text.substr(17, 2));
    if (!date || !h || !m || !s || *h > 23 || *m > 59 || *s > 59) return std::nullopt;
    return sys_days{*date} + hours{*h} + minutes{*m} + seconds{*s};
}

namespace {
constexpr std::array<std::string_view, 7> kDayNames{"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                    "Thursday", "Friday", "Saturday"};
constexpr std::array<std::string_view, 12> kMonthNames{
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};
}  // namespace

std::string format_month_year(Date date) {
    return std::string(kMonthNames[static_cast<unsigned>(date.month()) - 1]) + " " +
           std::to_string(static_cast<int>(date.year()));
}

std::string format_day_month_year(Date date) {
    return std::to_string(static_cast<unsigned>(date.day())) + " " + format_month_year(date);
}

std::string format_long_date(Date date) {
    return std::string(kDayNames[weekday{sys_days{date}}.c_encoding()]) + " " +
           std::to_string(static_cast<unsigned>(date.day())) + " " + format_month_year(date);
}

std::string format_rfc5322(Timestamp at) {
    static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    auto day_part = floor<days>(at);
    year_month_day date{day_part};
    hh_mm_ss time{at - day_part};
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%s, %02u %s %04d %02d:%02d:%02d +0000",
                  kDays[weekday{day_part}.c_encoding()], static_cast<unsigned>(date.day()),
                  kMonths[static_cast<unsigned>(date.month()) - 1], static_cast<int>(date.year()),
                  static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                  static_cast<int>(time.seconds().count()));
    return buffer;
}

std::int64_t days_between(Date from, Date to) {
    return (sys_days{to} - sys_days{from}).count();
}

std::string date_problem(std::string_view typed, std::string_view what) {
    bool blank = typed.find_first_not_of(" \t\r\n") == std::string_view::npos;
    if (blank) return "Enter " + std::string(what);
    std::string sentence(what);
    if (!sentence.empty() && sentence[0] >= 'a' && sentence[0] <= 'z')
        sentence[0] = static_cast<char>(sentence[0] - 'a' + 'A');
    return sentence + " must be a real date";
}

}  // namespace sendhub
