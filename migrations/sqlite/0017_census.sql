-- The January school census for every school in England, the sums the insight pages read
-- (worked out once at import, so England's figures are a few rows, not 24,000), local
-- authorities' names, and EHC plans by primary need per authority. `sendhub import census`
-- replaces all of it; nothing else writes here.
CREATE TABLE census_schools (
    year INTEGER NOT NULL,
    urn INTEGER NOT NULL,
    la_code INTEGER NOT NULL,
    school_type TEXT NOT NULL,
    pupils INTEGER,
    ehcp INTEGER,
    sen_support INTEGER,
    PRIMARY KEY (year, urn)
);
CREATE INDEX census_schools_by_urn ON census_schools (urn, year);

-- la_code 0 is England; school_type '' is every type.
CREATE TABLE census_totals (
    year INTEGER NOT NULL,
    la_code INTEGER NOT NULL,
    school_type TEXT NOT NULL,
    schools INTEGER NOT NULL,
    pupils BIGINT NOT NULL,
    ehcp BIGINT NOT NULL,
    sen_support BIGINT NOT NULL,
    PRIMARY KEY (year, la_code, school_type)
);

CREATE TABLE census_local_authorities (
    la_code INTEGER PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE TABLE ehcp_need_totals (
    year INTEGER NOT NULL,
    la_code INTEGER NOT NULL,
    total INTEGER NOT NULL,
    unknown INTEGER NOT NULL,
    PRIMARY KEY (year, la_code)
);

CREATE TABLE ehcp_needs (
    year INTEGER NOT NULL,
    la_code INTEGER NOT NULL,
    need TEXT NOT NULL,
    plans INTEGER NOT NULL,
    PRIMARY KEY (year, la_code, need)
);
