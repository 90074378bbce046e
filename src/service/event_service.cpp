#include "service/event_service.hpp"

#include <algorithm>

#include "core/ical.hpp"

namespace sendhub {
namespace {

constexpr std::size_t kMostSessions = 20;

Error no_event() {
    return Error::not_found("No such event.");
}
Error no_booking() {
    return Error::not_found("No such booking.");
}

//! Whether the actor may act on a booking: its school's users, and organisers.
bool holds_booking(const Actor& actor, const BookingRecord& b) {
    return organises_events(actor.role) ||
           (is_school_role(actor.role) && actor.school_urn == b.school_urn);
}

std::string place_details(const EventRecord& e, const Services& s) {
    const auto& d = e.details;
    std::string out = "When: " + format_event_when(d.starts_at, d.ends_at) + "\r\n";
    if (!d.venue.empty()) out += "Where: " + d.venue + "\r\n";
    if (!d.online_url.empty()) out += "Join online: " + d.online_url + "\r\n";
    out += "\r\nThe event's page, with a calendar file to download:\r\n" + s.config.public_url +
           "/events/" + std::to_string(e.id) + "\r\n";
    return out;
}

AttendeeEmail booking_email(const Services& s, const EventRecord& e, BookingStatus status) {
    if (status == BookingStatus::confirmed)
        return {
            "Place confirmed: " + e.details.title,
            "Your place on " + e.details.title + " is confirmed.\r\n\r\n" + place_details(e, s)};
    return {"Waiting list: " + e.details.title,
            e.details.title +
                " is full, so you are on the waiting list. If a place becomes free it goes to "
                "the first person waiting, and we will email you at once.\r\n\r\n" +
                place_details(e, s)};
}

std::string ical_time(LocalTime t) {
    std::string out;
    for (char c : format_local_time(t))
        if (c != '-' && c != ':') out += c;
    return out + "00";
}

}  // namespace

std::string event_where(const EventDetails& d) {
    if (d.venue.empty()) return "Online";
    if (d.online_url.empty()) return d.venue;
    return d.venue + ", or online";
}

Result<EventRecord> create_event(Services& s, const Actor& actor, const EventInput& input,
                                 const Acting& who) {
    if (!organises_events(actor.role)) return std::unexpected(Error::forbidden());
    SENDHUB_ASSIGN_OR_RETURN(EventDetails details, validate_event(input));
    return s.events.create(details, who);
}

Result<SeriesRecord> create_series(Services& s, const Actor& actor, const EventInput& fields,
                                   const std::vector<SessionTimes>& sessions, const Acting& who) {
    if (!organises_events(actor.role)) return std::unexpected(Error::forbidden());
    if (sessions.empty() || sessions.size() > kMostSessions)
        return std::unexpected(
            Error::invalid("sessions", "invalid", "Give from 1 to 20 sessions, each with times"));
    std::vector<FieldError> errors;
    std::vector<EventDetails> events;
    for (std::size_t i = 0; i < sessions.size(); ++i) {
        EventInput one = fields;
        one.starts_at = sessions[i].starts_at;
        one.ends_at = sessions[i].ends_at;
        auto checked = validate_event(one, "sessions[" + std::to_string(i) + "].");
        if (checked) {
            events.push_back(std::move(*checked));
            continue;
        }
        // The series' own fields are wrong once, whichever session finds it.
        for (auto& e : checked.error().fields) {
            const bool is_session_field = e.field.starts_with("sessions[");
            const bool seen = std::ranges::any_of(
                errors, [&](const FieldError& prior) { return prior.field == e.field; });
            if (is_session_field || !seen) errors.push_back(std::move(e));
        }
    }
    if (!errors.empty()) return std::unexpected(Error::validation(std::move(errors)));
    return s.events.create_series(events.front().title, events, who);
}

std::vector<EventRecord> list_events(Services& s, const Actor& actor, const EventFilter& filter) {
    std::vector<EventRecord> out;
    for (auto& e : s.events.list(filter))
        if (sees_event(actor.role, e.details.audience)) out.push_back(std::move(e));
    return out;
}

std::vector<EventRecord> public_events(Services& s) {
    EventFilter filter;
    filter.starting_after = format_local_time(london_local_time(s.clock().now()));
    std::vector<EventRecord> out;
    for (auto& e : s.events.list(filter))
        if (listed_publicly(e.details.audience)) out.push_back(std::move(e));
    return out;
}

Result<EventRecord> get_event(Services& s, const Actor& actor, std::int64_t id) {
    auto event = s.events.find(id);
    if (!event || !sees_event(actor.role, event->details.audience))
        return std::unexpected(no_event());
    return std::move(*event);
}

Result<SeriesRecord> get_series(Services& s, const Actor& actor, std::int64_t id) {
    auto series = s.events.find_series(id);
    if (!series) return std::unexpected(Error::not_found("No such series."));
    std::erase_if(series->events, [&](const EventRecord& e) {
        return !sees_event(actor.role, e.details.audience);
    });
    if (series->events.empty()) return std::unexpected(Error::not_found("No such series."));
    return std::move(*series);
}

Result<std::string> event_ics(Services& s, const Actor& actor, std::int64_t id) {
    SENDHUB_ASSIGN_OR_RETURN(EventRecord e, get_event(s, actor, id));
    const auto& d = e.details;
    std::string description = d.summary;
    if (!d.online_url.empty()) description += "\n\nJoin online: " + d.online_url;
    IcalTimedEvent ical{"event-" + std::to_string(e.id) + "@sendhub",
                        ical_time(d.starts_at),
                        ical_time(d.ends_at),
                        d.title,
                        d.venue.empty() ? d.online_url : d.venue,
                        description};
    return ical_london_event(ical, s.clock().now());
}

Result<BookingRecord> book_place(Services& s, const Actor& actor, std::int64_t event_id,
                                 std::string_view name, std::string_view email, const Acting& who) {
    SENDHUB_ASSIGN_OR_RETURN(EventRecord event, get_event(s, actor, event_id));
    if (!is_school_role(actor.role) || !actor.school_urn)
        return std::unexpected(
            Error::forbidden("Places are booked by the staff of the school attending."));
    SENDHUB_ASSIGN_OR_RETURN(Attendee attendee, validate_attendee(name, email));
    auto email_for = [&](BookingStatus status) { return booking_email(s, event, status); };
    return s.events.book(event_id, *actor.school_urn, attendee, email_for, who);
}

Result<std::vector<BookingRecord>> list_bookings(Services& s, const Actor& actor,
                                                 std::int64_t event_id) {
    SENDHUB_ASSIGN_OR_RETURN(EventRecord event, get_event(s, actor, event_id));
    if (organises_events(actor.role)) return s.events.bookings(event_id, std::nullopt);
    if (is_school_role(actor.role) && actor.school_urn)
        return s.events.bookings(event_id, actor.school_urn);
    return std::unexpected(Error::forbidden());
}

Result<SeenBooking> get_booking(Services& s, const Actor& actor, std::int64_t booking_id) {
    auto booking = s.events.find_booking(booking_id);
    if (!booking) return std::unexpected(no_booking());
    if (!holds_booking(actor, *booking)) {
        // A school's user asking for another school's booking learns nothing of it.
        if (is_school_role(actor.role)) return std::unexpected(no_booking());
        return std::unexpected(Error::forbidden());
    }
    auto event = s.events.find(booking->event_id);
    if (!event) return std::unexpected(no_booking());
    return SeenBooking{std::move(*booking), std::move(*event)};
}

Result<BookingRecord> cancel_booking(Services& s, const Actor& actor, std::int64_t booking_id,
                                     const Acting& who) {
    SENDHUB_ASSIGN_OR_RETURN(SeenBooking seen, get_booking(s, actor, booking_id));
    const EventRecord& e = seen.event;
    auto promoted = [&] {
        return AttendeeEmail{"Place confirmed: " + e.details.title,
                             "A place has become free on " + e.details.title +
                                 ", and it is yours: your place is now confirmed.\r\n\r\n" +
                                 place_details(e, s)};
    };
    return s.events.cancel(booking_id, promoted, who);
}

Result<std::vector<BookingRecord>> take_register(
    Services& s, const Actor& actor, std::int64_t event_id,
    const std::vector<std::pair<std::int64_t, bool>>& attendance, const Acting& who) {
    if (!organises_events(actor.role)) return std::unexpected(Error::forbidden());
    SENDHUB_ASSIGN_OR_RETURN(EventRecord event, get_event(s, actor, event_id));
    return s.events.record_attendance(event.id, attendance, who);
}

Result<Certificate> certificate_for(Services& s, const Actor& actor, std::int64_t booking_id) {
    SENDHUB_ASSIGN_OR_RETURN(SeenBooking seen, get_booking(s, actor, booking_id));
    if (seen.booking.attended != true)
        return std::unexpected(Error::conflict(
            "not_attended", "A certificate is issued once the register shows they attended."));
    auto trust = s.trust_settings.find();
    return Certificate{std::move(seen), trust ? trust->name : std::string("sendhub")};
}

Result<EventFeedbackRecord> give_feedback(Services& s, const Actor& actor, std::int64_t booking_id,
                                          std::optional<std::int64_t> rating,
                                          std::string_view comment, const Acting& who) {
    SENDHUB_ASSIGN_OR_RETURN(SeenBooking seen, get_booking(s, actor, booking_id));
    if (!is_school_role(actor.role))
        return std::unexpected(
            Error::forbidden("Feedback comes from the school of the person who attended."));
    SENDHUB_ASSIGN_OR_RETURN(EventFeedback feedback, validate_event_feedback(rating, comment));
    return s.events.add_feedback(booking_id, feedback, who);
}

Result<FeedbackSummary> event_feedback(Services& s, const Actor& actor, std::int64_t event_id) {
    if (!organises_events(actor.role)) return std::unexpected(Error::forbidden());
    SENDHUB_ASSIGN_OR_RETURN(EventRecord event, get_event(s, actor, event_id));
    FeedbackSummary out;
    out.items = s.events.feedback(event.id);
    std::vector<int> ratings;
    ratings.reserve(out.items.size());
    for (const auto& f : out.items) ratings.push_back(f.rating);
    out.average_hundredths = average_rating_hundredths(ratings);
    return out;
}

}  // namespace sendhub
