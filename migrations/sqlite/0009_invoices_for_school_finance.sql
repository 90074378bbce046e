-- What school finance teams need to pay an invoice: the trust's address, bank details, VAT
-- status and contact (one row), the school's purchase order number, part payments, and the
-- exact document each invoice and credit note was issued as.
CREATE TABLE trust_settings (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL,
    address TEXT NOT NULL,
    email TEXT NOT NULL,
    phone TEXT NOT NULL,
    vat_number TEXT,
    bank_account_name TEXT NOT NULL,
    sort_code TEXT NOT NULL,
    account_number TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);

ALTER TABLE agreements ADD COLUMN purchase_order TEXT NOT NULL DEFAULT '';
ALTER TABLE invoices ADD COLUMN purchase_order TEXT NOT NULL DEFAULT '';

CREATE TABLE invoice_payments (
    id INTEGER PRIMARY KEY,
    invoice_id INTEGER NOT NULL REFERENCES invoices (id),
    amount_pence BIGINT NOT NULL CHECK (amount_pence > 0),
    paid_on TEXT NOT NULL,
    created_by INTEGER REFERENCES users (id),
    created_at BIGINT NOT NULL
);
CREATE INDEX invoice_payments_by_invoice ON invoice_payments (invoice_id, id);

-- Documents as first issued (hex of the PDF): a download years later is the same bytes.
CREATE TABLE issued_documents (
    kind TEXT NOT NULL,
    record_id BIGINT NOT NULL,
    content TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (kind, record_id)
);
