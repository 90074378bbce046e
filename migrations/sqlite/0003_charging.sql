-- Charging (issue 6): invoices and their lines, credit notes, gap-free numbering per
-- financial year, and buy-back packages of days with their draw-downs.

-- The last number used per document kind and financial year. It is advanced inside the
-- transaction that issues the document, so a rolled-back run leaves no gap.
CREATE TABLE document_sequences (
    kind TEXT NOT NULL,
    financial_year INTEGER NOT NULL,
    last_number INTEGER NOT NULL,
    PRIMARY KEY (kind, financial_year)
);

-- Issued invoices are never edited or deleted: only status, paid_on and credited_pence move.
CREATE TABLE invoices (
    id INTEGER PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    school_urn INTEGER NOT NULL REFERENCES schools (urn),
    issue_date TEXT NOT NULL,
    due_date TEXT NOT NULL,
    period_end TEXT NOT NULL,
    total_pence INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('issued', 'paid', 'credited')),
    paid_on TEXT,
    paid_pence INTEGER NOT NULL DEFAULT 0,
    credited_pence INTEGER NOT NULL DEFAULT 0,
    created_by INTEGER REFERENCES users (id),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX invoices_by_school ON invoices (school_urn, id);

CREATE TABLE invoice_lines (
    id INTEGER PRIMARY KEY,
    invoice_id INTEGER NOT NULL REFERENCES invoices (id),
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    description TEXT NOT NULL,
    quantity_tenths INTEGER NOT NULL,
    unit_pence INTEGER NOT NULL,
    amount_pence INTEGER NOT NULL,
    grade TEXT,
    visit_id INTEGER REFERENCES visits (id),
    agreement_id INTEGER REFERENCES agreements (id),
    package_id INTEGER,
    drawn_half_days INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX invoice_lines_by_invoice ON invoice_lines (invoice_id, position);
CREATE INDEX invoice_lines_by_package ON invoice_lines (package_id);

CREATE TABLE credit_notes (
    id INTEGER PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    invoice_id INTEGER NOT NULL REFERENCES invoices (id),
    issue_date TEXT NOT NULL,
    amount_pence INTEGER NOT NULL CHECK (amount_pence > 0),
    reason TEXT NOT NULL,
    created_by INTEGER REFERENCES users (id),
    created_at BIGINT NOT NULL
);
CREATE INDEX credit_notes_by_invoice ON credit_notes (invoice_id, id);

CREATE TABLE packages (
    id INTEGER PRIMARY KEY,
    school_urn INTEGER NOT NULL REFERENCES schools (urn),
    grade TEXT NOT NULL,
    half_days INTEGER NOT NULL CHECK (half_days > 0),
    price_pence INTEGER NOT NULL CHECK (price_pence >= 0),
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    description TEXT NOT NULL,
    invoice_id INTEGER REFERENCES invoices (id),
    created_by INTEGER REFERENCES users (id),
    created_at BIGINT NOT NULL
);
CREATE INDEX packages_by_school ON packages (school_urn, id);

-- A visit or an agreement's report writing is charged once: the invoice that charged it.
ALTER TABLE visits ADD COLUMN invoice_id INTEGER REFERENCES invoices (id);
ALTER TABLE agreements ADD COLUMN report_writing_invoice_id INTEGER REFERENCES invoices (id);
CREATE INDEX visits_to_invoice ON visits (status, invoice_id, date);
