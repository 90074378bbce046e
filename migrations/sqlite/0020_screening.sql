-- Speech and language screening rounds: counts only, never a child. One round per school,
-- programme, cohort and date.
CREATE TABLE screening_rounds (
    id INTEGER PRIMARY KEY,
    school_urn INTEGER NOT NULL REFERENCES schools (urn),
    programme TEXT NOT NULL,
    cohort TEXT NOT NULL,
    round_date TEXT NOT NULL,
    screened INTEGER NOT NULL CHECK (screened >= 1),
    identified INTEGER NOT NULL CHECK (identified BETWEEN 0 AND screened),
    started_intervention INTEGER NOT NULL CHECK (started_intervention BETWEEN 0 AND identified),
    exited_intervention INTEGER NOT NULL
        CHECK (exited_intervention BETWEEN 0 AND started_intervention),
    updated_by TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (school_urn, programme, cohort, round_date)
);
CREATE INDEX screening_rounds_by_date ON screening_rounds (round_date);
