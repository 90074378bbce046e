-- The resource hub: documents (with versions) and links, each for an audience. A file's bytes
-- live in the database (base64 text in resource_files), so every app instance on one
-- PostgreSQL sees every file, and backup, restore and copy carry them with the rest.
-- `search_text` is the title, summary and tags in lower case: what a search reads.
CREATE TABLE resources (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    audience TEXT NOT NULL CHECK (audience IN ('public', 'schools', 'partners', 'trust_staff')),
    kind TEXT NOT NULL CHECK (kind IN ('file', 'link')),
    url TEXT,
    search_text TEXT NOT NULL,
    current_version INTEGER NOT NULL DEFAULT 0,
    created_by INTEGER REFERENCES users (id),
    created_at BIGINT NOT NULL
);
CREATE INDEX resources_by_created ON resources (created_at, id);

CREATE TABLE resource_tags (
    resource_id INTEGER NOT NULL REFERENCES resources (id),
    tag TEXT NOT NULL,
    PRIMARY KEY (resource_id, tag)
);
CREATE INDEX resource_tags_by_tag ON resource_tags (tag, resource_id);

CREATE TABLE resource_versions (
    resource_id INTEGER NOT NULL REFERENCES resources (id),
    version INTEGER NOT NULL CHECK (version >= 1),
    filename TEXT NOT NULL,
    file_type TEXT NOT NULL CHECK (file_type IN ('pdf', 'docx', 'xlsx', 'pptx', 'png', 'jpeg')),
    size_bytes INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    downloads INTEGER NOT NULL DEFAULT 0,
    uploaded_by INTEGER REFERENCES users (id),
    uploaded_at BIGINT NOT NULL,
    PRIMARY KEY (resource_id, version)
);

CREATE TABLE resource_files (
    resource_id INTEGER NOT NULL,
    version INTEGER NOT NULL,
    content_base64 TEXT NOT NULL,
    PRIMARY KEY (resource_id, version),
    FOREIGN KEY (resource_id, version) REFERENCES resource_versions (resource_id, version)
);

-- Full-text search over search_text, kept in step by triggers (so a copy into SQLite rebuilds
-- it as rows arrive). unicode61 folds case and splits on punctuation, without stemming: a word
-- matches only itself, as the contract's "every word is in its title, summary or tags" asks.
CREATE VIRTUAL TABLE resource_search USING fts5 (
    search_text, content = 'resources', content_rowid = 'id', tokenize = 'unicode61'
);
CREATE TRIGGER resource_search_insert AFTER INSERT ON resources BEGIN
    INSERT INTO resource_search (rowid, search_text) VALUES (new.id, new.search_text);
END;
CREATE TRIGGER resource_search_delete AFTER DELETE ON resources BEGIN
    INSERT INTO resource_search (resource_search, rowid, search_text)
    VALUES ('delete', old.id, old.search_text);
END;
CREATE TRIGGER resource_search_update AFTER UPDATE OF search_text ON resources BEGIN
    INSERT INTO resource_search (resource_search, rowid, search_text)
    VALUES ('delete', old.id, old.search_text);
    INSERT INTO resource_search (rowid, search_text) VALUES (new.id, new.search_text);
END;
