-- Two-step sign-in (TOTP, RFC 6238). The secret must be read back to check a code, so it is
-- stored as the authenticator app holds it; recovery codes are stored only as SHA-256.
-- last_step is the newest time step whose code was accepted: no code of that step or an
-- earlier one is accepted again.
CREATE TABLE user_mfa (
    user_id BIGINT PRIMARY KEY REFERENCES users (id),
    secret TEXT NOT NULL,
    enabled BIGINT NOT NULL DEFAULT 0,
    last_step BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL
);

CREATE TABLE mfa_recovery_codes (
    user_id BIGINT NOT NULL REFERENCES users (id),
    code_hash TEXT NOT NULL,
    used_at BIGINT,
    PRIMARY KEY (user_id, code_hash)
);

-- The roles an administrator requires two-step sign-in of (one row; codes joined by commas).
CREATE TABLE mfa_settings (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    required_roles TEXT NOT NULL DEFAULT ''
);
INSERT INTO mfa_settings (id, required_roles) VALUES (1, '');

-- A session opened by the right password that still waits for its code: it signs nobody in.
ALTER TABLE sessions ADD COLUMN mfa_pending BIGINT NOT NULL DEFAULT 0;
