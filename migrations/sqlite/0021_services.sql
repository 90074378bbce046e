-- Early identification (seed 003): educational psychologists and speech and language
-- therapists join the outreach team as practitioners of their own service, with no grade.
-- SQLite cannot relax a NOT NULL or a CHECK in place, so practitioners is rebuilt with the
-- same rows; the migration runner turns foreign keys off around this and checks them after.
CREATE TABLE practitioners_with_service (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    email TEXT NOT NULL UNIQUE,
    service TEXT NOT NULL DEFAULT 'outreach'
        CHECK (service IN ('outreach', 'educational_psychology', 'speech_and_language')),
    grade TEXT CHECK (grade IN ('specialist_ta', 'teacher', 'slt')),
    home_postcode TEXT NOT NULL,
    home_latitude REAL,
    home_longitude REAL,
    max_days_per_week INTEGER NOT NULL CHECK (max_days_per_week BETWEEN 1 AND 5),
    active INTEGER NOT NULL DEFAULT 1,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    working_days INTEGER NOT NULL DEFAULT 31 CHECK (working_days BETWEEN 1 AND 127),
    CHECK ((service = 'outreach') = (grade IS NOT NULL))
);
INSERT INTO practitioners_with_service (id, name, email, service, grade, home_postcode,
    home_latitude, home_longitude, max_days_per_week, active, created_at, updated_at,
    working_days)
SELECT id, name, email, 'outreach', grade, home_postcode, home_latitude, home_longitude,
    max_days_per_week, active, created_at, updated_at, working_days FROM practitioners;
DROP TABLE practitioners;
ALTER TABLE practitioners_with_service RENAME TO practitioners;

-- What a school commissions; work_type only for the two new services.
ALTER TABLE outreach_requests ADD COLUMN service TEXT NOT NULL DEFAULT 'outreach';
ALTER TABLE outreach_requests ADD COLUMN work_type TEXT;
CREATE INDEX outreach_requests_by_service ON outreach_requests (service, id);

-- Each school's named speech and language therapist; one therapist may serve several.
CREATE TABLE school_therapists (
    school_urn INTEGER PRIMARY KEY REFERENCES schools (urn),
    practitioner_id INTEGER NOT NULL REFERENCES practitioners (id),
    updated_at BIGINT NOT NULL
);
CREATE INDEX school_therapists_by_practitioner ON school_therapists (practitioner_id);

-- Audits of a school's speech, language and communication provision, each with its plan.
CREATE TABLE slcn_audits (
    id INTEGER PRIMARY KEY,
    school_urn INTEGER NOT NULL REFERENCES schools (urn),
    audit_date TEXT NOT NULL,
    findings TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX slcn_audits_by_school ON slcn_audits (school_urn, audit_date);
CREATE TABLE slcn_audit_actions (
    id INTEGER PRIMARY KEY,
    audit_id INTEGER NOT NULL REFERENCES slcn_audits (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    action_text TEXT NOT NULL,
    owner TEXT NOT NULL,
    due_date TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('not_started', 'in_progress', 'done'))
);
CREATE INDEX slcn_audit_actions_by_audit ON slcn_audit_actions (audit_id, position);
