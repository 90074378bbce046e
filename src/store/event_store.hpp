#pragma once
// Events, series, bookings, registers and feedback (api-contract-events.md). A booking takes a
// place with one conditional UPDATE of the event's confirmed count inside the write that
// records it, so concurrent bookings on any engine can never over-book; cancelling a confirmed
// place hands it to the first person waiting in the same transaction.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/events.hpp"
#include "core/ids.hpp"
#include "store/audit_store.hpp"
#include "store/database.hpp"

namespace sendhub {

struct EventRecord {
    std::int64_t id = 0;
    std::optional<std::int64_t> series_id;
    EventDetails details;
    std::int64_t confirmed = 0;
    std::int64_t waitlisted = 0;
    [[nodiscard]] std::int64_t places_left() const { return details.capacity - confirmed; }
};

struct SeriesRecord {
    std::int64_t id = 0;
    std::string title;
    std::vector<EventRecord> events;  // soonest first
};

struct BookingRecord {
    std::int64_t id = 0;
    std::int64_t event_id = 0;
    SchoolUrn school_urn;
    std::string school_name;
    std::string attendee_name;
    std::string attendee_email;
    BookingStatus status = BookingStatus::confirmed;
    std::optional<bool> attended;
    Timestamp created_at;
    bool has_feedback = false;
};

struct EventFeedbackRecord {
    std::int64_t booking_id = 0;
    int rating = 0;
    std::string comment;
};

struct EventFilter {
    std::optional<std::int64_t> series_id;
    std::optional<std::string> tag;
    //! Only events starting after this wall-clock time ("2026-12-03T09:30").
    std::optional<std::string> starting_after;
};

//! What an email to an attendee says; written by the service, sent through the outbox.
struct AttendeeEmail {
    std::string subject;
    std::string body;
};

class EventStore {
  public:
    explicit EventStore(Database& db) : db_(db) {}

    [[nodiscard]] EventRecord create(const EventDetails& details, const Acting& who);
    //! One event per session, in the order given, all in one transaction.
    [[nodiscard]] SeriesRecord create_series(const std::string& title,
                                             const std::vector<EventDetails>& sessions,
                                             const Acting& who);
    [[nodiscard]] std::optional<EventRecord> find(std::int64_t id);
    [[nodiscard]] std::optional<SeriesRecord> find_series(std::int64_t id);
    //! Soonest first.
    [[nodiscard]] std::vector<EventRecord> list(const EventFilter& filter);

    //! Confirmed while places are left, else waitlisted; 409 event_started once it has begun
    //! (London time), 409 already_booked for a live booking of the same address. The
    //! attendee is emailed in the same transaction.
    [[nodiscard]] Result<BookingRecord> book(
        std::int64_t event_id, SchoolUrn school, const Attendee& attendee,
        const std::function<AttendeeEmail(BookingStatus)>& email, const Acting& who);
    //! Cancels a confirmed or waitlisted place (409 otherwise, or once the event has begun);
    //! a confirmed place goes to the earliest waitlisted booking, whose attendee is emailed.
    [[nodiscard]] Result<BookingRecord> cancel(std::int64_t booking_id,
                                               const std::function<AttendeeEmail()>& promoted,
                                               const Acting& who);
    [[nodiscard]] std::optional<BookingRecord> find_booking(std::int64_t id);
    //! Oldest first; `school` limits them to one school's.
    [[nodiscard]] std::vector<BookingRecord> bookings(std::int64_t event_id,
                                                      std::optional<SchoolUrn> school);
    //! Marks attendance, all or nothing: 422 attendance[i].booking_id for another event's
    //! booking, 409 for one not confirmed.
    [[nodiscard]] Result<std::vector<BookingRecord>> record_attendance(
        std::int64_t event_id, const std::vector<std::pair<std::int64_t, bool>>& attendance,
        const Acting& who);
    //! 409 not_attended unless marked attended, 409 already_given the second time.
    [[nodiscard]] Result<EventFeedbackRecord> add_feedback(std::int64_t booking_id,
                                                           const EventFeedback& feedback,
                                                           const Acting& who);
    [[nodiscard]] std::vector<EventFeedbackRecord> feedback(std::int64_t event_id);

  private:
    Database& db_;
};

}  // namespace sendhub
