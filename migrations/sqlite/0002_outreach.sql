-- Traded outreach (seed 002): requests, their pupils and history, provision agreements,
-- outcomes and progress, visits and reports, feedback, tariffs and the notification outbox.

CREATE TABLE outreach_requests (
    id INTEGER PRIMARY KEY,
    school_urn INTEGER NOT NULL REFERENCES schools (urn),
    kind TEXT NOT NULL CHECK (kind IN ('individual', 'group')),
    status TEXT NOT NULL,
    consent_type TEXT NOT NULL DEFAULT '',
    consent_obtained_on TEXT NOT NULL DEFAULT '',
    consent_obtained_by TEXT NOT NULL DEFAULT '',
    expertise_level TEXT NOT NULL DEFAULT '',
    preferred_date TEXT NOT NULL DEFAULT '',
    concern TEXT NOT NULL DEFAULT '',
    tried TEXT NOT NULL DEFAULT '',
    accepted_level TEXT,
    practitioner_id INTEGER REFERENCES practitioners (id),
    triage_notes TEXT NOT NULL DEFAULT '',
    cancel_reason TEXT NOT NULL DEFAULT '',
    created_by INTEGER REFERENCES users (id),
    submitted_at BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX outreach_requests_by_school ON outreach_requests (school_urn, id);
CREATE INDEX outreach_requests_by_status ON outreach_requests (status, id);
CREATE INDEX outreach_requests_by_practitioner ON outreach_requests (practitioner_id, id);

-- Pupils are named by initials or a school reference only (data minimisation).
CREATE TABLE request_pupils (
    id INTEGER PRIMARY KEY,
    request_id INTEGER NOT NULL REFERENCES outreach_requests (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    ref TEXT NOT NULL,
    year_group TEXT NOT NULL,
    need_route TEXT NOT NULL,
    primary_need TEXT NOT NULL
);
CREATE INDEX request_pupils_by_request ON request_pupils (request_id, position);

-- Who did what to a request, and when: shown to the people working on it.
CREATE TABLE request_events (
    id INTEGER PRIMARY KEY,
    request_id INTEGER NOT NULL REFERENCES outreach_requests (id),
    at BIGINT NOT NULL,
    user_id INTEGER,
    user_name TEXT NOT NULL DEFAULT '',
    action TEXT NOT NULL,
    from_status TEXT NOT NULL DEFAULT '',
    to_status TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX request_events_by_request ON request_events (request_id, id);

CREATE TABLE tariffs (
    id INTEGER PRIMARY KEY,
    item TEXT NOT NULL,
    pence INTEGER NOT NULL CHECK (pence >= 0),
    effective_from TEXT NOT NULL,
    UNIQUE (item, effective_from)
);
-- Seed 002 price list.
INSERT INTO tariffs (item, pence, effective_from) VALUES
    ('specialist_ta_day', 8700, '2000-01-01'),
    ('teacher_day', 19000, '2000-01-01'),
    ('slt_day', 25000, '2000-01-01'),
    ('mileage', 30, '2000-01-01');

CREATE TABLE agreements (
    id INTEGER PRIMARY KEY,
    request_id INTEGER NOT NULL UNIQUE REFERENCES outreach_requests (id),
    status TEXT NOT NULL,
    type TEXT NOT NULL,
    level TEXT NOT NULL,
    frequency TEXT NOT NULL,
    sessions INTEGER NOT NULL,
    session_half_days INTEGER NOT NULL CHECK (session_half_days IN (1, 2)),
    start_date TEXT NOT NULL,
    report_writing_half_days INTEGER NOT NULL DEFAULT 0,
    travel_tenths_per_visit INTEGER NOT NULL DEFAULT 0,
    day_rate_pence INTEGER,            -- locked when the school accepts
    mileage_pence_per_mile INTEGER,
    accepted_by_user INTEGER REFERENCES users (id),
    accepted_by_name TEXT NOT NULL DEFAULT '',
    accepted_at BIGINT,
    created_by INTEGER REFERENCES users (id),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE agreement_outcomes (
    id INTEGER PRIMARY KEY,
    agreement_id INTEGER NOT NULL REFERENCES agreements (id),
    position INTEGER NOT NULL,
    text TEXT NOT NULL
);

CREATE TABLE outcome_progress (
    id INTEGER PRIMARY KEY,
    outcome_id INTEGER NOT NULL REFERENCES agreement_outcomes (id),
    date TEXT NOT NULL,
    status TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    recorded_by INTEGER REFERENCES users (id),
    recorded_by_name TEXT NOT NULL DEFAULT '',
    recorded_at BIGINT NOT NULL
);
CREATE INDEX outcome_progress_by_outcome ON outcome_progress (outcome_id, date);

CREATE TABLE visits (
    id INTEGER PRIMARY KEY,
    agreement_id INTEGER NOT NULL REFERENCES agreements (id),
    practitioner_id INTEGER NOT NULL REFERENCES practitioners (id),
    date TEXT NOT NULL,
    half_days INTEGER NOT NULL CHECK (half_days IN (1, 2)),
    status TEXT NOT NULL,
    work_undertaken TEXT NOT NULL DEFAULT '',
    actions_agreed TEXT NOT NULL DEFAULT '',
    next_steps TEXT NOT NULL DEFAULT '',
    miles_tenths INTEGER,
    reported_at BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX visits_by_practitioner_date ON visits (practitioner_id, date);
CREATE INDEX visits_by_agreement ON visits (agreement_id, date);

CREATE TABLE feedback (
    id INTEGER PRIMARY KEY,
    agreement_id INTEGER NOT NULL REFERENCES agreements (id),
    rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    comments TEXT NOT NULL DEFAULT '',
    given_by INTEGER REFERENCES users (id),
    given_by_name TEXT NOT NULL DEFAULT '',
    given_at BIGINT NOT NULL
);

-- Email is written here in the same transaction as the change it reports, then sent by a
-- background worker with retries, so a notification is never lost.
CREATE TABLE notifications (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    claimed_until BIGINT NOT NULL DEFAULT 0,
    sent_at BIGINT,
    last_error TEXT NOT NULL DEFAULT ''
);
CREATE INDEX notifications_due ON notifications (sent_at, next_attempt_at);
