-- Issue 18: the SMS intake journal. A mobile-originated text (or a complete long message) is acknowledged to the
-- SMSC once its row here is committed; a stage behind it claims PENDING rows (the lease and SKIP LOCKED of the
-- outbox, Leases.claim), opens the work orders through the one SMS intake and marks the rows DONE. No unique key on
-- message_key: an SMSC redelivery is a second row, and the intake finds the order by its idempotency key, as it did
-- when the intake ran before the ack (one order, one reply). DONE rows are purged after a day.
CREATE TABLE sms_journal (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    message_key    VARCHAR(191) NOT NULL,
    source         VARCHAR(32)  NOT NULL,
    destination    VARCHAR(32)  NOT NULL,
    text           MEDIUMTEXT   NOT NULL,
    parts_received INT          NOT NULL,
    parts_expected INT          NOT NULL,
    received_at    DATETIME(3)  NOT NULL,
    state          VARCHAR(8)   NOT NULL DEFAULT 'PENDING',
    claimed_until  DATETIME(3)  NULL,
    attempts       INT          NOT NULL DEFAULT 0,
    due_key        DATETIME(3) AS (GREATEST(received_at, COALESCE(claimed_until, received_at))) STORED,
    PRIMARY KEY (id),
    KEY ix_sms_journal_due_key (state, due_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
