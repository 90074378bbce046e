-- Schools' termly returns and self-evaluation against the trust's frameworks. A return holds
-- percentages for pupils on SEN support and with EHC plans (null when not known); a term is
-- named "2026-27 autumn" and term_key ("2026-27 0") sorts terms in school order. A
-- framework area's topic (a resource and event tag, "" for none) leads from its training
-- priorities to the training on offer.
CREATE TABLE school_returns (
    id INTEGER PRIMARY KEY,
    school_urn INTEGER NOT NULL REFERENCES schools (urn),
    term TEXT NOT NULL,
    term_key TEXT NOT NULL,
    sen_support_attendance_pct REAL,
    sen_support_persistent_absence_pct REAL,
    sen_support_ks2_rwm_pct REAL,
    sen_support_ks4_em_pct REAL,
    ehcp_attendance_pct REAL,
    ehcp_persistent_absence_pct REAL,
    ehcp_ks2_rwm_pct REAL,
    ehcp_ks4_em_pct REAL,
    updated_by TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (school_urn, term)
);

CREATE TABLE frameworks (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    scale_max INTEGER NOT NULL CHECK (scale_max BETWEEN 2 AND 10),
    created_at BIGINT NOT NULL
);

CREATE TABLE framework_areas (
    id INTEGER PRIMARY KEY,
    framework_id INTEGER NOT NULL REFERENCES frameworks (id),
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    topic TEXT NOT NULL DEFAULT ''
);
CREATE INDEX framework_areas_by_framework ON framework_areas (framework_id, position);

CREATE TABLE framework_statements (
    id INTEGER PRIMARY KEY,
    area_id INTEGER NOT NULL REFERENCES framework_areas (id),
    framework_id INTEGER NOT NULL REFERENCES frameworks (id),
    position INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX framework_statements_by_framework ON framework_statements (framework_id, position);

CREATE TABLE self_evaluations (
    id INTEGER PRIMARY KEY,
    school_urn INTEGER NOT NULL REFERENCES schools (urn),
    framework_id INTEGER NOT NULL REFERENCES frameworks (id),
    period TEXT NOT NULL,
    period_key TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (school_urn, framework_id, period)
);
CREATE INDEX self_evaluations_by_period ON self_evaluations (framework_id, period);

CREATE TABLE self_evaluation_ratings (
    self_evaluation_id INTEGER NOT NULL REFERENCES self_evaluations (id),
    statement_id INTEGER NOT NULL REFERENCES framework_statements (id),
    rating INTEGER NOT NULL,
    evidence TEXT NOT NULL,
    PRIMARY KEY (self_evaluation_id, statement_id)
);
