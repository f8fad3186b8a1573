-- Issue 14, onboarding providers. A partner-API key gets a visible prefix (its first 11 characters, pk_ + 8 hex:
-- enough to name it on the admin page and in `hotline providers key revoke`, too little to guess the rest), a
-- revocation time and an expiry (the old key's grace period after a rotation). Keys issued before this migration
-- have no prefix and are named by the start of their hash. A webhook signing secret being rotated keeps signing,
-- next to the new one, until its grace period ends.
ALTER TABLE provider_api_key
    ADD COLUMN key_prefix  VARCHAR(16)  NULL,
    ADD COLUMN revoked_at  DATETIME(3)  NULL,
    ADD COLUMN expires_at  DATETIME(3)  NULL;

ALTER TABLE provider
    ADD COLUMN webhook_secret_previous  VARCHAR(255)  NULL,
    ADD COLUMN webhook_previous_until   DATETIME(3)   NULL;
