#include "store/event_store.hpp"

#include "store/outbox_store.hpp"
#include "store/stored_value.hpp"

namespace sendhub {
namespace {

constexpr std::string_view kInsertSeries =
    "INSERT INTO event_series (title, created_by, created_at) VALUES (?, ?, ?) RETURNING id";
constexpr std::string_view kInsertEvent =
    "INSERT INTO events (series_id, title, kind, audience, summary, starts_at, ends_at, venue,"
    " online_url, capacity, price_pence, created_by, created_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr std::string_view kInsertTag = "INSERT INTO event_tags (event_id, tag) VALUES (?, ?)";
constexpr std::string_view kEventColumns =
    "SELECT e.id, e.series_id, e.title, e.kind, e.audience, e.summary, e.starts_at, e.ends_at,"
    " e.venue, e.online_url, e.capacity, e.price_pence, e.confirmed,"
    " (SELECT count(*) FROM event_bookings w WHERE w.event_id = e.id AND w.status = "
    "'waitlisted')"
    " FROM events e";
const std::string kFindEvent = std::string(kEventColumns) + " WHERE e.id = ?";
const std::string kListEvents =
    std::string(kEventColumns) +
    " WHERE (? IS NULL OR e.series_id = ?) AND (? IS NULL OR e.starts_at > ?)"
    " AND (? IS NULL OR EXISTS (SELECT 1 FROM event_tags t WHERE t.event_id = e.id AND t.tag = ?))"
    " ORDER BY e.starts_at, e.id";
constexpr std::string_view kTags = "SELECT tag FROM event_tags WHERE event_id = ? ORDER BY tag";
constexpr std::string_view kSeries = "SELECT id, title FROM event_series WHERE id = ?";

// Takes the event's row lock (PostgreSQL) and answers only while it has not begun: every
// booking and cancellation of one event then runs one after another.
constexpr std::string_view kHoldOpenEvent =
    "UPDATE events SET capacity = capacity WHERE id = ? AND starts_at > ?";
constexpr std::string_view kLiveBookingOf =
    "SELECT 1 FROM event_bookings WHERE event_id = ? AND lower(attendee_email) = lower(?)"
    " AND status IN ('confirmed', 'waitlisted')";
constexpr std::string_view kTakePlace =
    "UPDATE events SET confirmed = confirmed + 1 WHERE id = ? AND confirmed < capacity";
constexpr std::string_view kGivePlaceBack =
    "UPDATE events SET confirmed = confirmed - 1 WHERE id = ?";
constexpr std::string_view kInsertBooking =
    "INSERT INTO event_bookings (event_id, school_urn, attendee_name, attendee_email, status,"
    " confirmed_on, booked_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr std::string_view kBookingColumns =
    "SELECT b.id, b.event_id, b.school_urn, s.name, b.attendee_name, b.attendee_email, b.status,"
    " b.attended, b.created_at, (SELECT count(*) FROM event_feedback f WHERE f.booking_id = b.id)"
    " FROM event_bookings b JOIN schools s ON s.urn = b.school_urn";
const std::string kFindBooking = std::string(kBookingColumns) + " WHERE b.id = ?";
const std::string kBookings = std::string(kBookingColumns) +
                              " WHERE b.event_id = ? AND (? IS NULL OR b.school_urn = ?)"
                              " ORDER BY b.id";
constexpr std::string_view kSetStatus =
    "UPDATE event_bookings SET status = ?, cancelled_at = ? WHERE id = ? AND status = ?";
constexpr std::string_view kFirstWaiting =
    "SELECT id, attendee_email FROM event_bookings WHERE event_id = ? AND status = 'waitlisted'"
    " ORDER BY id LIMIT 1";
constexpr std::string_view kPromote =
    "UPDATE event_bookings SET status = 'confirmed', confirmed_on = ? WHERE id = ? AND status ="
    " 'waitlisted'";
constexpr std::string_view kSetAttended = "UPDATE event_bookings SET attended = ? WHERE id = ?";
constexpr std::string_view kInsertFeedback =
    "INSERT INTO event_feedback (booking_id, rating, comment, created_by, created_at)"
    " VALUES (?, ?, ?, ?, ?)";
constexpr std::string_view kFeedbackGiven = "SELECT 1 FROM event_feedback WHERE booking_id = ?";
constexpr std::string_view kFeedback =
    "SELECT f.booking_id, f.rating, f.comment FROM event_feedback f JOIN event_bookings b"
    " ON b.id = f.booking_id WHERE b.event_id = ? ORDER BY f.booking_id";

std::string code_of(BookingStatus s) {
    return std::string(term_of(booking_status_terms(), s).code);
}

LocalTime stored_local_time(const std::string& text, std::string_view column) {
    auto t = parse_local_time(text);
    if (!t) unrecognised_stored_value(column, text);
    return *t;
}

EventRecord event_from(SqlConnection& c, const SqlRow& r) {
    EventRecord e;
    e.id = r.integer(0);
    e.series_id = r.optional_integer(1);
    auto& d = e.details;
    d.title = r.text(2);
    d.kind = stored_term(event_kind_terms(), r.text(3), "events.kind");
    d.audience = split_audience(r.text(4));
    d.summary = r.text(5);
    d.starts_at = stored_local_time(r.text(6), "events.starts_at");
    d.ends_at = stored_local_time(r.text(7), "events.ends_at");
    d.venue = r.text(8);
    d.online_url = r.text(9);
    d.capacity = r.integer(10);
    d.price_pence = r.integer(11);
    e.confirmed = r.integer(12);
    e.waitlisted = r.integer(13);
    for (const auto& t : c.query_with(kTags, e.id)) d.tags.push_back(t.text(0));
    return e;
}

std::optional<EventRecord> find_in(SqlConnection& c, std::int64_t id) {
    auto row = c.query_one(kFindEvent, id);
    if (!row) return std::nullopt;
    return event_from(c, *row);
}

BookingRecord booking_from(const SqlRow& r) {
    BookingRecord b;
    b.id = r.integer(0);
    b.event_id = r.integer(1);
    b.school_urn = SchoolUrn{r.integer(2)};
    b.school_name = r.text(3);
    b.attendee_name = r.text(4);
    b.attendee_email = r.text(5);
    b.status = stored_term(booking_status_terms(), r.text(6), "event_bookings.status");
    if (auto attended = r.optional_integer(7)) b.attended = *attended != 0;
    b.created_at = Timestamp{std::chrono::seconds{r.integer(8)}};
    b.has_feedback = r.integer(9) > 0;
    return b;
}

std::optional<BookingRecord> find_booking_in(SqlConnection& c, std::int64_t id) {
    auto row = c.query_one(kFindBooking, id);
    if (!row) return std::nullopt;
    return booking_from(*row);
}

std::int64_t insert_event(SqlConnection& c, const EventDetails& d,
                          std::optional<std::int64_t> series, const Acting& who) {
    const auto id =
        c.query_one(kInsertEvent, series, d.title,
                    std::string(term_of(event_kind_terms(), d.kind).code),
                    join_audience(d.audience), d.summary, format_local_time(d.starts_at),
                    format_local_time(d.ends_at), d.venue, d.online_url, d.capacity, d.price_pence,
                    who.user_value(), c.now_seconds())
            ->integer(0);
    for (const auto& tag : d.tags) c.execute_with(kInsertTag, id, tag);
    append_audit(c, who, "create", "event", std::to_string(id), {{"title", d.title}});
    return id;
}

std::string now_in_london(const SqlConnection& c) {
    return format_local_time(london_local_time(c.now()));
}

void send(SqlConnection& c, std::string_view to, std::int64_t event_id, const AttendeeEmail& m) {
    const std::string link = "/events/" + std::to_string(event_id);
    notify_address(c, to, Message{"event_booking", m.subject, m.body, link});
}

Error event_started_error() {
    return Error::conflict("event_started", "The event has started, so its places are closed.");
}

}  // namespace

EventRecord EventStore::create(const EventDetails& details, const Acting& who) {
    return db_.write(
        [&](SqlConnection& c) { return *find_in(c, insert_event(c, details, std::nullopt, who)); });
}

SeriesRecord EventStore::create_series(const std::string& title,
                                       const std::vector<EventDetails>& sessions,
                                       const Acting& who) {
    return db_.write([&](SqlConnection& c) {
        SeriesRecord out;
        out.id = c.query_one(kInsertSeries, title, who.user_value(), c.now_seconds())->integer(0);
        out.title = title;
        append_audit(c, who, "create", "event_series", std::to_string(out.id),
                     {{"title", title}, {"sessions", sessions.size()}});
        for (const auto& d : sessions)
            out.events.push_back(*find_in(c, insert_event(c, d, out.id, who)));
        return out;
    });
}

std::optional<EventRecord> EventStore::find(std::int64_t id) {
    return db_.read([&](SqlConnection& c) { return find_in(c, id); });
}

std::optional<SeriesRecord> EventStore::find_series(std::int64_t id) {
    return db_.read([&](SqlConnection& c) -> std::optional<SeriesRecord> {
        auto row = c.query_one(kSeries, id);
        if (!row) return std::nullopt;
        SeriesRecord s{row->integer(0), row->text(1), {}};
        for (const auto& r : c.query_with(kListEvents, id, id, nullptr, nullptr, nullptr, nullptr))
            s.events.push_back(event_from(c, r));
        return s;
    });
}

std::vector<EventRecord> EventStore::list(const EventFilter& f) {
    return db_.read([&](SqlConnection& c) {
        std::vector<EventRecord> out;
        for (const auto& r : c.query_with(kListEvents, f.series_id, f.series_id, f.starting_after,
                                          f.starting_after, f.tag, f.tag))
            out.push_back(event_from(c, r));
        return out;
    });
}

Result<BookingRecord> EventStore::book(std::int64_t event_id, SchoolUrn school,
                                       const Attendee& attendee,
                                       const std::function<AttendeeEmail(BookingStatus)>& email,
                                       const Acting& who) {
    return db_.write([&](SqlConnection& c) -> Result<BookingRecord> {
        if (c.execute_with(kHoldOpenEvent, event_id, now_in_london(c)) != 1)
            return std::unexpected(event_started_error());
        if (c.query_one(kLiveBookingOf, event_id, attendee.email))
            return std::unexpected(Error::conflict(
                "already_booked", attendee.email + " already has a place on this event."));
        const auto status = c.execute_with(kTakePlace, event_id) == 1 ? BookingStatus::confirmed
                                                                      : BookingStatus::waitlisted;
        std::optional<std::string> confirmed_on;
        if (status == BookingStatus::confirmed) confirmed_on = format_date(london_date(c.now()));
        const auto id =
            c.query_one(kInsertBooking, event_id, school.value, attendee.name, attendee.email,
                        code_of(status), confirmed_on, who.user_value(), c.now_seconds())
                ->integer(0);
        send(c, attendee.email, event_id, email(status));
        append_audit(c, who, "book", "event_booking", std::to_string(id),
                     {{"event_id", event_id}, {"status", code_of(status)}});
        return *find_booking_in(c, id);
    });
}

Result<BookingRecord> EventStore::cancel(std::int64_t booking_id,
                                         const std::function<AttendeeEmail()>& promoted,
                                         const Acting& who) {
    return db_.write([&](SqlConnection& c) -> Result<BookingRecord> {
        auto booking = find_booking_in(c, booking_id);
        if (!booking) return std::unexpected(Error::not_found("No such booking."));
        if (booking->status == BookingStatus::cancelled)
            return std::unexpected(
                Error::conflict("invalid_transition", "This booking is already cancelled."));
        if (c.execute_with(kHoldOpenEvent, booking->event_id, now_in_london(c)) != 1)
            return std::unexpected(event_started_error());
        if (c.execute_with(kSetStatus, code_of(BookingStatus::cancelled), c.now_seconds(),
                           booking_id, code_of(booking->status)) != 1)
            return std::unexpected(
                Error::conflict("invalid_transition", "This booking changed; look again."));
        append_audit(c, who, "cancel", "event_booking", std::to_string(booking_id),
                     {{"event_id", booking->event_id}});
        if (booking->status == BookingStatus::confirmed) {
            // The freed place goes straight to the first person waiting, so the count of
            // confirmed places changes only when nobody is.
            if (auto next = c.query_one(kFirstWaiting, booking->event_id)) {
                const auto next_id = next->integer(0);
                c.execute_with(kPromote, format_date(london_date(c.now())), next_id);
                send(c, next->text(1), booking->event_id, promoted());
                append_audit(c, who, "promote", "event_booking", std::to_string(next_id),
                             {{"event_id", booking->event_id}});
            } else {
                c.execute_with(kGivePlaceBack, booking->event_id);
            }
        }
        return *find_booking_in(c, booking_id);
    });
}

std::optional<BookingRecord> EventStore::find_booking(std::int64_t id) {
    return db_.read([&](SqlConnection& c) { return find_booking_in(c, id); });
}

std::vector<BookingRecord> EventStore::bookings(std::int64_t event_id,
                                                std::optional<SchoolUrn> school) {
    std::optional<std::int64_t> urn;
    if (school) urn = school->value;
    return db_.read([&](SqlConnection& c) {
        std::vector<BookingRecord> out;
        for (const auto& r : c.query_with(kBookings, event_id, urn, urn))
            out.push_back(booking_from(r));
        return out;
    });
}

Result<std::vector<BookingRecord>> EventStore::record_attendance(
    std::int64_t event_id, const std::vector<std::pair<std::int64_t, bool>>& attendance,
    const Acting& who) {
    return db_.write([&](SqlConnection& c) -> Result<std::vector<BookingRecord>> {
        for (std::size_t i = 0; i < attendance.size(); ++i) {
            auto b = find_booking_in(c, attendance[i].first);
            if (!b || b->event_id != event_id)
                return std::unexpected(Error::invalid(
                    "attendance[" + std::to_string(i) + "].booking_id", "invalid",
                    "Booking " + std::to_string(attendance[i].first) + " is not for this event"));
            if (b->status != BookingStatus::confirmed)
                return std::unexpected(Error::conflict(
                    "invalid_transition", "Only confirmed places can be marked on the register."));
        }
        std::vector<BookingRecord> out;
        for (const auto& [id, attended] : attendance) {
            c.execute_with(kSetAttended, attended ? 1 : 0, id);
            append_audit(c, who, "register", "event_booking", std::to_string(id),
                         {{"event_id", event_id}, {"attended", attended}});
            out.push_back(*find_booking_in(c, id));
        }
        return out;
    });
}

Result<EventFeedbackRecord> EventStore::add_feedback(std::int64_t booking_id,
                                                     const EventFeedback& feedback,
                                                     const Acting& who) {
    return db_.write([&](SqlConnection& c) -> Result<EventFeedbackRecord> {
        auto b = find_booking_in(c, booking_id);
        if (!b) return std::unexpected(Error::not_found("No such booking."));
        if (b->attended != true)
            return std::unexpected(Error::conflict(
                "not_attended", "Feedback can be given once the register shows they attended."));
        if (c.query_one(kFeedbackGiven, booking_id))
            return std::unexpected(Error::conflict(
                "already_given", "Feedback has already been given for this place."));
        c.execute_with(kInsertFeedback, booking_id, feedback.rating, feedback.comment,
                       who.user_value(), c.now_seconds());
        append_audit(c, who, "create", "event_feedback", std::to_string(booking_id),
                     {{"rating", feedback.rating}});
        return EventFeedbackRecord{booking_id, feedback.rating, feedback.comment};
    });
}

std::vector<EventFeedbackRecord> EventStore::feedback(std::int64_t event_id) {
    return db_.read([&](SqlConnection& c) {
        std::vector<EventFeedbackRecord> out;
        for (const auto& r : c.query_with(kFeedback, event_id))
            out.push_back({r.integer(0), static_cast<int>(r.integer(1)), r.text(2)});
        return out;
    });
}

}  // namespace sendhub
