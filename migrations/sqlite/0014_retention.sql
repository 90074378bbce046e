-- Retention (IRMS toolkit for schools): a closed request is anonymised at the end of its
-- period, and an invoice deleted six years after its financial year. What a deleted invoice
-- charged stays marked as charged, so it is never invoiced again.
ALTER TABLE outreach_requests ADD COLUMN anonymised_on TEXT;
ALTER TABLE visits ADD COLUMN invoice_deleted INTEGER NOT NULL DEFAULT 0;
ALTER TABLE packages ADD COLUMN invoice_deleted INTEGER NOT NULL DEFAULT 0;
ALTER TABLE agreements ADD COLUMN report_writing_invoice_deleted INTEGER NOT NULL DEFAULT 0;
