#pragma once
// CPD, networks and events: the operations behind /events and /api/v1/events. Who sees an
// event and who may book, cancel or mark a register is decided here, once, for pages and API.
#include <string>
#include <utility>
#include <vector>

#include "core/events.hpp"
#include "service/services.hpp"

namespace sendhub {

[[nodiscard]] Result<EventRecord> create_event(Services& s, const Actor& actor,
                                               const EventInput& input, const Acting& who);

struct SessionTimes {
    std::string starts_at;
    std::string ends_at;
};
//! One event per session (1 to 20), each with the series' fields; nothing is stored unless
//! every session is right (422 sessions[i].starts_at or sessions[i].ends_at).
[[nodiscard]] Result<SeriesRecord> create_series(Services& s, const Actor& actor,
                                                 const EventInput& fields,
                                                 const std::vector<SessionTimes>& sessions,
                                                 const Acting& who);

//! The events the actor may see, soonest first.
[[nodiscard]] std::vector<EventRecord> list_events(Services& s, const Actor& actor,
                                                   const EventFilter& filter);
//! The public listing: events meant for anyone or for schools that have not started.
[[nodiscard]] std::vector<EventRecord> public_events(Services& s);
[[nodiscard]] Result<EventRecord> get_event(Services& s, const Actor& actor, std::int64_t id);
[[nodiscard]] Result<SeriesRecord> get_series(Services& s, const Actor& actor, std::int64_t id);
//! The event as an iCalendar file (RFC 5545) at London wall-clock times.
[[nodiscard]] Result<std::string> event_ics(Services& s, const Actor& actor, std::int64_t id);

//! A school's user books a place for a colleague; they are emailed either way.
[[nodiscard]] Result<BookingRecord> book_place(Services& s, const Actor& actor,
                                               std::int64_t event_id, std::string_view name,
                                               std::string_view email, const Acting& who);
//! Organisers see every booking; a school's user their school's; other roles 403.
[[nodiscard]] Result<std::vector<BookingRecord>> list_bookings(Services& s, const Actor& actor,
                                                               std::int64_t event_id);
//! The booking and its event, for the booking school's users and organisers.
struct SeenBooking {
    BookingRecord booking;
    EventRecord event;
};
[[nodiscard]] Result<SeenBooking> get_booking(Services& s, const Actor& actor,
                                              std::int64_t booking_id);
[[nodiscard]] Result<BookingRecord> cancel_booking(Services& s, const Actor& actor,
                                                   std::int64_t booking_id, const Acting& who);
[[nodiscard]] Result<std::vector<BookingRecord>> take_register(
    Services& s, const Actor& actor, std::int64_t event_id,
    const std::vector<std::pair<std::int64_t, bool>>& attendance, const Acting& who);
struct Certificate {
    SeenBooking seen;
    std::string issuer;  // the trust's name
};
//! A certificate is issued only for a place marked attended (409 not_attended).
[[nodiscard]] Result<Certificate> certificate_for(Services& s, const Actor& actor,
                                                  std::int64_t booking_id);
[[nodiscard]] Result<EventFeedbackRecord> give_feedback(Services& s, const Actor& actor,
                                                        std::int64_t booking_id,
                                                        std::optional<std::int64_t> rating,
                                                        std::string_view comment,
                                                        const Acting& who);

struct FeedbackSummary {
    std::vector<EventFeedbackRecord> items;
    std::optional<std::int64_t> average_hundredths;
};
[[nodiscard]] Result<FeedbackSummary> event_feedback(Services& s, const Actor& actor,
                                                     std::int64_t event_id);

//! "Kingsmoor Academy, Taunton", "Online", or both.
[[nodiscard]] std::string event_where(const EventDetails& d);

}  // namespace sendhub
