-- Partners and the front door: three more roles (headteacher, school staff and the trust's
-- partnerships lead), each school's relationship with the trust, partnerships, enquiries
-- from the public, self-registration and invitations.

-- SQLite cannot widen a CHECK in place, so users is rebuilt with the same columns. The
-- migration runner turns foreign keys off around this and checks them before committing.
CREATE TABLE users_widened (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'coordinator', 'practitioner', 'senco', 'finance',
                                       'headteacher', 'school_staff', 'partnerships')),
    school_urn INTEGER REFERENCES schools (urn),
    practitioner_id INTEGER REFERENCES practitioners (id),
    password_hash TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
INSERT INTO users_widened SELECT id, email, name, role, school_urn, practitioner_id,
    password_hash, active, created_at, updated_at FROM users;
DROP TABLE users;
ALTER TABLE users_widened RENAME TO users;

ALTER TABLE schools ADD COLUMN relationship TEXT NOT NULL DEFAULT 'other'
    CHECK (relationship IN ('trust', 'partner', 'other'));
ALTER TABLE schools ADD COLUMN arb INTEGER NOT NULL DEFAULT 0;
CREATE INDEX schools_by_relationship ON schools (relationship, urn);

CREATE TABLE partnerships (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('formal', 'informal')),
    model TEXT NOT NULL,
    organisation TEXT NOT NULL DEFAULT '',
    starts_on TEXT NOT NULL,
    ends_on TEXT,
    review_due_on TEXT NOT NULL,
    services TEXT NOT NULL DEFAULT '',
    lead_name TEXT NOT NULL,
    lead_email TEXT NOT NULL DEFAULT '',
    lead_phone TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('active', 'ended')),
    end_reason TEXT NOT NULL DEFAULT '',
    created_by INTEGER REFERENCES users (id),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX partnerships_by_review ON partnerships (status, review_due_on);

CREATE TABLE partnership_schools (
    partnership_id INTEGER NOT NULL REFERENCES partnerships (id),
    school_urn INTEGER NOT NULL REFERENCES schools (urn),
    PRIMARY KEY (partnership_id, school_urn)
);
CREATE INDEX partnership_schools_by_school ON partnership_schools (school_urn);

-- client_key is a hash of the sender's address: enough to count enquiries, not the address.
CREATE TABLE enquiries (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    organisation TEXT NOT NULL,
    school_urn INTEGER REFERENCES schools (urn),
    topic TEXT NOT NULL,
    message TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('new', 'in_progress', 'closed')),
    assigned_to INTEGER REFERENCES users (id),
    outcome TEXT NOT NULL DEFAULT '',
    client_key TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX enquiries_by_client ON enquiries (client_key, created_at);
CREATE INDEX enquiries_by_status ON enquiries (status, id);

CREATE TABLE enquiry_notes (
    id INTEGER PRIMARY KEY,
    enquiry_id INTEGER NOT NULL REFERENCES enquiries (id),
    author_id INTEGER REFERENCES users (id),
    text TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX enquiry_notes_by_enquiry ON enquiry_notes (enquiry_id, id);

-- Only hashes of the emailed tokens are kept, as for password resets.
CREATE TABLE registrations (
    id INTEGER PRIMARY KEY,
    school_urn INTEGER NOT NULL REFERENCES schools (urn),
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('senco', 'headteacher', 'school_staff')),
    password_hash TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
    email_verified INTEGER NOT NULL DEFAULT 0,
    verify_token_hash TEXT NOT NULL UNIQUE,
    reason TEXT NOT NULL DEFAULT '',
    user_id INTEGER REFERENCES users (id),
    decided_by INTEGER REFERENCES users (id),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX registrations_by_email ON registrations (email, status);
CREATE INDEX registrations_by_status ON registrations (status, id);

CREATE TABLE invitations (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('senco', 'headteacher', 'school_staff')),
    school_urn INTEGER NOT NULL REFERENCES schools (urn),
    status TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'revoked')),
    expires_on TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    invited_by INTEGER REFERENCES users (id),
    user_id INTEGER REFERENCES users (id),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX invitations_by_status ON invitations (status, id);
