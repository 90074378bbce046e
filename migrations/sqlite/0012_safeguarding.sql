-- Safeguarding concerns seen on a visit, handed over to the school's designated safeguarding
-- lead (DSL). The summary is read only by who raised it, the school's headteacher and SENCO,
-- and administrators; emails carry a link, never the text.
CREATE TABLE school_dsl (
    school_urn INTEGER PRIMARY KEY REFERENCES schools (urn),
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE safeguarding_concerns (
    id INTEGER PRIMARY KEY,
    visit_id INTEGER NOT NULL REFERENCES visits (id),
    summary TEXT NOT NULL,
    dsl_told_in_person INTEGER NOT NULL,
    dsl_name TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('raised', 'acknowledged')),
    raised_by INTEGER NOT NULL REFERENCES users (id),
    raised_by_name TEXT NOT NULL,
    raised_at BIGINT NOT NULL,
    acknowledged_by INTEGER REFERENCES users (id),
    acknowledged_by_name TEXT NOT NULL DEFAULT '',
    acknowledged_at BIGINT
);
CREATE INDEX safeguarding_concerns_by_visit ON safeguarding_concerns (visit_id);
