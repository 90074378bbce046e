#pragma once
// CPD, networks and events (api-contract-events.md): what an event is, who sees it, whether a
// new booking is confirmed or waits, and the hours a certificate states. Pure rules, so each
// has a table test; storage and pages build on them.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/dates.hpp"
#include "core/error.hpp"
#include "core/role.hpp"
#include "core/vocabulary.hpp"

namespace sendhub {

enum class EventKind { course, webinar, network_meeting, conference };
enum class Audience { everyone, schools, senco, headteacher, school_staff, trust_staff };
enum class BookingStatus { confirmed, waitlisted, cancelled };

[[nodiscard]] std::span<const Term<EventKind>> event_kind_terms();
//! `everyone` is the code `public`: anyone, signed in or not.
[[nodiscard]] std::span<const Term<Audience>> audience_terms();
[[nodiscard]] std::span<const Term<BookingStatus>> booking_status_terms();

//! A wall-clock time in Europe/London, as organisers type it: "2026-12-03T09:30".
struct LocalTime {
    Date date;
    int minutes = 0;  // since midnight
    auto operator<=>(const LocalTime&) const = default;
};
[[nodiscard]] std::optional<LocalTime> parse_local_time(std::string_view text);
[[nodiscard]] std::string format_local_time(LocalTime t);

//! The event form as given; numbers already read (the API refuses a non-integer itself).
struct EventInput {
    std::string title;
    std::string kind;
    std::vector<std::string> audience;
    std::string summary;
    std::string starts_at;
    std::string ends_at;
    std::string venue;
    std::string online_url;
    std::optional<std::int64_t> capacity;
    std::optional<std::int64_t> price_pence;
    std::vector<std::string> tags;
};

struct EventDetails {
    std::string title;
    EventKind kind = EventKind::course;
    std::vector<Audience> audience;
    std::string summary;
    LocalTime starts_at;
    LocalTime ends_at;
    std::string venue;
    std::string online_url;
    std::int64_t capacity = 0;
    std::int64_t price_pence = 0;
    std::vector<std::string> tags;  // lower case, trimmed, without repeats
};

//! Every rule of the contract, all errors at once (422). `times_prefix` names the time fields
//! of one session of a series ("sessions[2]."), so its errors point at that session.
[[nodiscard]] Result<EventDetails> validate_event(const EventInput& input,
                                                  std::string_view times_prefix = "");

//! Trust staff see every event; a school's staff those meant for everyone, for schools, or for
//! their own role; nobody else any.
[[nodiscard]] bool sees_event(Role role, std::span<const Audience> audience);
//! Signed out, only events meant for everyone or for schools are listed publicly.
[[nodiscard]] bool listed_publicly(std::span<const Audience> audience);

//! A new booking is confirmed while places are left, else it joins the waiting list.
[[nodiscard]] BookingStatus status_for_new_booking(std::int64_t confirmed, std::int64_t capacity);

//! The hours a certificate states: ends − starts, one decimal ("5.5").
[[nodiscard]] std::string certificate_hours(LocalTime starts, LocalTime ends);

//! Organisers (administrators, coordinators, the partnerships lead) create events, see every
//! booking, take registers and read feedback.
[[nodiscard]] bool organises_events(Role role);
//! The wall-clock time in Europe/London at an instant, to the minute.
[[nodiscard]] LocalTime london_local_time(Timestamp at);
//! Bookings and cancellations close when the event starts.
[[nodiscard]] bool event_started(LocalTime starts_at, Timestamp now);
//! "Thursday 3 December 2026, 9:30am to 3pm" (or to another day's date and time).
[[nodiscard]] std::string format_event_when(LocalTime starts, LocalTime ends);
//! "9:30am", "12pm".
[[nodiscard]] std::string format_clock(int minutes_since_midnight);
//! A time of day as people type it: "9:30am", "9.30 am", "9am", "12pm", "13:30", "09:05".
//! Minutes since midnight, or nothing when it is not a time.
[[nodiscard]] std::optional<int> parse_clock(std::string_view typed);

struct Attendee {
    std::string name;
    std::string email;  // as typed, trimmed; matched without regard to case
};
//! attendee_name required (`required`), attendee_email an email address (`invalid`).
[[nodiscard]] Result<Attendee> validate_attendee(std::string_view name, std::string_view email);

struct EventFeedback {
    int rating = 0;
    std::string comment;
};
//! A rating from 1 to 5 (422 `rating`); a comment of at most 2000 characters.
[[nodiscard]] Result<EventFeedback> validate_event_feedback(std::optional<std::int64_t> rating,
                                                            std::string_view comment);
//! The mean rating in hundredths, rounded half up (4.666… → 467); none without ratings.
[[nodiscard]] std::optional<std::int64_t> average_rating_hundredths(std::span<const int> ratings);

//! Audience codes stored as one comma-separated column ("senco,headteacher").
[[nodiscard]] std::string join_audience(std::span<const Audience> audience);
[[nodiscard]] std::vector<Audience> split_audience(std::string_view stored);

}  // namespace sendhub
