-- The dedup window for SMS idempotency keys that are hashes of the message (no SMSC message id): the same text
-- from the same phone is a redelivery only within the window (smpp dedup window, 24 h). Each hash key has an
-- episode: 0 for its first arrival (work order key = the hash key itself, as before V5), incremented when the
-- key arrives again after first_seen + window (work order key = hash key + '#' + episode). Upserted under the
-- primary key's row lock, so two concurrent arrivals of one key always agree on the episode.
CREATE TABLE sms_key_episode (
    hash_key    VARCHAR(191) NOT NULL,
    episode     INT          NOT NULL,
    first_seen  DATETIME(3)  NOT NULL,
    PRIMARY KEY (hash_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
