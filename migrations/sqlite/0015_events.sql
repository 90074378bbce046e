-- CPD, networks and events: courses, webinars, network meetings and conferences that schools
-- book places on. Times are wall-clock times in Europe/London, as organisers typed them
-- ("2026-12-03T09:30"). `confirmed` counts confirmed places; a booking takes a place with one
-- conditional UPDATE of it, so concurrent bookings can never over-book.
CREATE TABLE event_series (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    created_by INTEGER REFERENCES users (id),
    created_at BIGINT NOT NULL
);

CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    series_id INTEGER REFERENCES event_series (id),
    title TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('course', 'webinar', 'network_meeting', 'conference')),
    audience TEXT NOT NULL,
    summary TEXT NOT NULL,
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    venue TEXT NOT NULL DEFAULT '',
    online_url TEXT NOT NULL DEFAULT '',
    capacity INTEGER NOT NULL CHECK (capacity >= 1),
    price_pence INTEGER NOT NULL CHECK (price_pence >= 0),
    confirmed INTEGER NOT NULL DEFAULT 0,
    created_by INTEGER REFERENCES users (id),
    created_at BIGINT NOT NULL,
    CHECK (confirmed <= capacity)
);
CREATE INDEX events_by_start ON events (starts_at, id);
CREATE INDEX events_by_series ON events (series_id, starts_at);

CREATE TABLE event_tags (
    event_id INTEGER NOT NULL REFERENCES events (id),
    tag TEXT NOT NULL,
    PRIMARY KEY (event_id, tag)
);
CREATE INDEX event_tags_by_tag ON event_tags (tag, event_id);

CREATE TABLE event_bookings (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events (id),
    school_urn INTEGER NOT NULL REFERENCES schools (urn),
    attendee_name TEXT NOT NULL,
    attendee_email TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'cancelled')),
    attended INTEGER,
    confirmed_on TEXT,
    invoice_id INTEGER REFERENCES invoices (id),
    invoice_deleted INTEGER NOT NULL DEFAULT 0,
    booked_by INTEGER REFERENCES users (id),
    created_at BIGINT NOT NULL,
    cancelled_at BIGINT
);
CREATE INDEX event_bookings_by_event ON event_bookings (event_id, status, id);
CREATE INDEX event_bookings_by_school ON event_bookings (school_urn, id);
-- One live booking per person per event, whatever the case of the address.
CREATE UNIQUE INDEX event_bookings_one_live ON event_bookings (event_id, lower(attendee_email))
    WHERE status IN ('confirmed', 'waitlisted');

CREATE TABLE event_feedback (
    booking_id INTEGER PRIMARY KEY REFERENCES event_bookings (id),
    rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    comment TEXT NOT NULL DEFAULT '',
    created_by INTEGER REFERENCES users (id),
    created_at BIGINT NOT NULL
);

ALTER TABLE invoice_lines ADD COLUMN event_id INTEGER;
ALTER TABLE invoice_lines ADD COLUMN booking_id INTEGER;
