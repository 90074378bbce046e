-- Foundation: schools, practitioners, users, sessions, sign-in throttling,
-- idempotency keys and the audit log. Times are Unix seconds (UTC); dates ISO 8601 text.

CREATE TABLE schools (
    urn INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    postcode TEXT NOT NULL,
    phase TEXT NOT NULL,
    local_authority TEXT NOT NULL,
    la_code INTEGER,
    school_type TEXT NOT NULL DEFAULT '',
    latitude REAL,
    longitude REAL,
    pupils INTEGER,
    ehcp_pupils INTEGER,
    sen_support_pupils INTEGER,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX schools_by_la ON schools (la_code, urn);

CREATE TABLE practitioners (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    email TEXT NOT NULL UNIQUE,
    grade TEXT NOT NULL CHECK (grade IN ('specialist_ta', 'teacher', 'slt')),
    home_postcode TEXT NOT NULL,
    home_latitude REAL,
    home_longitude REAL,
    max_days_per_week INTEGER NOT NULL CHECK (max_days_per_week BETWEEN 1 AND 5),
    active INTEGER NOT NULL DEFAULT 1,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE practitioner_expertise (
    practitioner_id INTEGER NOT NULL REFERENCES practitioners (id) ON DELETE CASCADE,
    need TEXT NOT NULL,
    PRIMARY KEY (practitioner_id, need)
);

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'coordinator', 'practitioner', 'senco', 'finance')),
    school_urn INTEGER REFERENCES schools (urn),
    practitioner_id INTEGER REFERENCES practitioners (id),
    password_hash TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

-- Only a SHA-256 of the session token is stored: a copy of the database cannot sign in.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id),
    csrf_token TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);

CREATE TABLE login_failures (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX login_failures_by_email ON login_failures (email, at);

CREATE TABLE idempotency_keys (
    user_id INTEGER NOT NULL,
    idempotency_key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    status INTEGER NOT NULL,          -- 0 while the first request is still running
    content_type TEXT NOT NULL DEFAULT '',
    response_body TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, idempotency_key)
);

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at BIGINT NOT NULL,
    user_id INTEGER,
    user_email TEXT NOT NULL DEFAULT '',
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '{}',
    request_id TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_by_entity ON audit_log (entity, entity_id);
CREATE INDEX audit_log_by_user ON audit_log (user_id, id);

-- Postcode district centroids (shared/data/postcodes): homes are placed at their outcode.
CREATE TABLE outcodes (
    outcode TEXT PRIMARY KEY,
    latitude REAL NOT NULL,
    longitude REAL NOT NULL,
    town TEXT NOT NULL DEFAULT '',
    region TEXT NOT NULL DEFAULT ''
);
