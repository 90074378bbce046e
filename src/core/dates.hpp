#pragma once
// Calendar dates (ISO 8601 "YYYY-MM-DD") and the date in Europe/London, as the contract asks.
// The time itself comes from a Clock (core/clock.hpp), never from here.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace sendhub {

using Date = std::chrono::year_month_day;
using Timestamp = std::chrono::sys_seconds;

//! Parses a strict "YYYY-MM-DD" that names a real calendar day.
[[nodiscard]] std::optional<Date> parse_date(std::string_view text);
[[nodiscard]] std::string format_date(Date date);
//! "4 January 2027", as pages and documents show a date.
[[nodiscard]] std::string format_day_month_year(Date date);
//! "Monday 4 January 2027", for people to read (pages, emails, messages).
[[nodiscard]] std::string format_long_date(Date date);
//! "January 2027".
[[nodiscard]] std::string format_month_year(Date date);
//! The calendar date in Europe/London at the given instant (GMT, or BST between the
//! last Sundays of March and October at 01:00 UTC, per the Summer Time Order 2002).
[[nodiscard]] Date london_date(Timestamp at);
//! The instant shifted to Europe/London's wall clock (UTC+1 in summer): read its fields, never
//! compare it with a real instant.
[[nodiscard]] Timestamp to_london(Timestamp at);
//! "23 November 2026 at 9:14am": local time in Europe/London, for people to read.
[[nodiscard]] std::string format_london_time(Timestamp at);
//! "2026-11-23T09:14:03Z".
[[nodiscard]] std::string format_timestamp(Timestamp at);
[[nodiscard]] std::optional<Timestamp> parse_timestamp(std::string_view text);
//! "Mon, 23 Nov 2026 09:14:03 +0000", the date format of email headers (RFC 5322 §3.3).
[[nodiscard]] std::string format_rfc5322(Timestamp at);
[[nodiscard]] std::int64_t days_between(Date from, Date to);
//! What to say when `typed` is not a date, the GOV.UK way: "Enter the start date" when it is
//! blank, "The start date must be a real date" when it is not one (`what`: "the start date").
[[nodiscard]] std::string date_problem(std::string_view typed, std::string_view what);

}  // namespace sendhub
