-- Event bookings are kept as long as the charges they support (the financial year of the
-- event plus six years), then the retention job removes the attendees' names, email
-- addresses and feedback comments, and records the day here. The numbers booked and
-- attended, and the ratings, stay for the trust's figures.
ALTER TABLE events ADD COLUMN bookings_anonymised_on TEXT;
-- Removed addresses are empty: only addresses still held need be one per live booking.
DROP INDEX event_bookings_one_live;
CREATE UNIQUE INDEX event_bookings_one_live ON event_bookings (event_id, lower(attendee_email))
    WHERE status IN ('confirmed', 'waitlisted') AND attendee_email <> '';
