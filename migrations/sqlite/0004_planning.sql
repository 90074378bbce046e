-- Matching and planning (issue 7): when practitioners work, their leave, visits held by an
-- accepted term plan until the school agrees the provision, and calendar feed links.

-- Weekdays worked as bits: 1 Monday, 2 Tuesday … 64 Sunday. 31 is Monday to Friday.
ALTER TABLE practitioners ADD COLUMN working_days INTEGER NOT NULL DEFAULT 31 CHECK (working_days BETWEEN 1 AND 127);

CREATE TABLE practitioner_leave (
    id INTEGER PRIMARY KEY,
    practitioner_id INTEGER NOT NULL REFERENCES practitioners (id),
    first_day TEXT NOT NULL,
    last_day TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    CHECK (last_day >= first_day)
);
CREATE INDEX practitioner_leave_by_practitioner ON practitioner_leave (practitioner_id, last_day);

-- Dates a term plan holds for a request. They count as booked, and become planned visits
-- when the school accepts the provision agreement (or go when the request is cancelled).
CREATE TABLE held_visits (
    id INTEGER PRIMARY KEY,
    request_id INTEGER NOT NULL REFERENCES outreach_requests (id),
    practitioner_id INTEGER NOT NULL REFERENCES practitioners (id),
    date TEXT NOT NULL,
    half_days INTEGER NOT NULL CHECK (half_days IN (1, 2)),
    created_at BIGINT NOT NULL
);
CREATE INDEX held_visits_by_practitioner_date ON held_visits (practitioner_id, date);
CREATE INDEX held_visits_by_request ON held_visits (request_id, date);

-- A secret link to a person's visits as an iCalendar feed. Only a SHA-256 of the token is
-- kept, like sessions; a new link replaces the old one, and deleting the row revokes it.
CREATE TABLE calendar_feeds (
    user_id INTEGER PRIMARY KEY REFERENCES users (id),
    token_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL
);
