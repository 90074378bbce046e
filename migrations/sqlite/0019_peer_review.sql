-- Peer review clusters: member schools of one phase review each other against a
-- self-evaluation framework. Partnership Days and each school's Reality & Goals for a school
-- year belong to the cluster; a review has reviewers (SENCOs and headteachers of other
-- member schools), lines of enquiry tied to framework statements, findings, and the host's
-- improvement actions with dated follow-ups. Dates are ISO 8601 text.
CREATE TABLE clusters (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    phase TEXT NOT NULL,
    framework_id INTEGER NOT NULL REFERENCES frameworks (id),
    created_at BIGINT NOT NULL
);

CREATE TABLE cluster_schools (
    cluster_id INTEGER NOT NULL REFERENCES clusters (id),
    school_urn INTEGER NOT NULL REFERENCES schools (urn),
    position INTEGER NOT NULL,
    PRIMARY KEY (cluster_id, school_urn)
);
CREATE INDEX cluster_schools_by_school ON cluster_schools (school_urn);

CREATE TABLE partnership_days (
    id INTEGER PRIMARY KEY,
    cluster_id INTEGER NOT NULL REFERENCES clusters (id),
    day TEXT NOT NULL,
    notes TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX partnership_days_by_cluster ON partnership_days (cluster_id, day);

CREATE TABLE reality_goals (
    id INTEGER PRIMARY KEY,
    cluster_id INTEGER NOT NULL REFERENCES clusters (id),
    school_urn INTEGER NOT NULL REFERENCES schools (urn),
    year TEXT NOT NULL,
    current_reality TEXT NOT NULL,
    goals TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (cluster_id, school_urn, year)
);

CREATE TABLE peer_reviews (
    id INTEGER PRIMARY KEY,
    cluster_id INTEGER NOT NULL REFERENCES clusters (id),
    host_urn INTEGER NOT NULL REFERENCES schools (urn),
    review_date TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    published_at BIGINT
);
CREATE INDEX peer_reviews_by_cluster ON peer_reviews (cluster_id, review_date);

CREATE TABLE peer_reviewers (
    review_id INTEGER NOT NULL REFERENCES peer_reviews (id),
    user_id INTEGER NOT NULL REFERENCES users (id),
    PRIMARY KEY (review_id, user_id)
);
CREATE INDEX peer_reviewers_by_user ON peer_reviewers (user_id);

CREATE TABLE enquiry_lines (
    id INTEGER PRIMARY KEY,
    review_id INTEGER NOT NULL REFERENCES peer_reviews (id),
    statement_id INTEGER NOT NULL REFERENCES framework_statements (id),
    question TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX enquiry_lines_by_review ON enquiry_lines (review_id);

CREATE TABLE review_findings (
    id INTEGER PRIMARY KEY,
    review_id INTEGER NOT NULL REFERENCES peer_reviews (id),
    line_id INTEGER NOT NULL REFERENCES enquiry_lines (id),
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    evidence TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX review_findings_by_review ON review_findings (review_id);

CREATE TABLE review_actions (
    id INTEGER PRIMARY KEY,
    review_id INTEGER NOT NULL REFERENCES peer_reviews (id),
    text TEXT NOT NULL,
    owner TEXT NOT NULL,
    due_date TEXT NOT NULL,
    impact_measure TEXT NOT NULL,
    finding_id INTEGER REFERENCES review_findings (id),
    status TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX review_actions_by_review ON review_actions (review_id);

CREATE TABLE action_follow_ups (
    id INTEGER PRIMARY KEY,
    action_id INTEGER NOT NULL REFERENCES review_actions (id),
    day TEXT NOT NULL,
    note TEXT NOT NULL,
    status TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX action_follow_ups_by_action ON action_follow_ups (action_id);
