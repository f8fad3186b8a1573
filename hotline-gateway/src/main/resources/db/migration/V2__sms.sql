-- The SMS channel: staged parts of long messages, what was submitted per outbox row, notes over the rate limit,
-- and residents' notification preferences. Times are UTC, DATETIME(3).

-- Parts of long messages waiting for their siblings. completed_at is set (instead of deleting) once the whole
-- message was committed, so a part the SMSC redelivers afterwards is recognised and not staged again.
CREATE TABLE sms_part (
    source          VARCHAR(32)  NOT NULL,
    destination     VARCHAR(32)  NOT NULL,
    ref             INT          NOT NULL,
    seq             INT          NOT NULL,
    total           INT          NOT NULL,
    text            TEXT         NOT NULL,
    text_hash       CHAR(64)     NOT NULL,
    fingerprint     VARCHAR(512) NOT NULL,
    smsc_message_id VARCHAR(64)  NULL,
    received_at     DATETIME(3)  NOT NULL,
    completed_at    DATETIME(3)  NULL,
    PRIMARY KEY (source, destination, ref, seq),
    KEY ix_sms_part_open (completed_at, received_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per part of an outbox row of kind 'sms' that the SMSC accepted: never submitted again after a crash.
-- state: SUBMITTED, then DELIVERED or FAILED from the delivery receipt.
CREATE TABLE sms_submission (
    outbox_id     BIGINT       NOT NULL,
    part_no       INT          NOT NULL,
    parts         INT          NOT NULL,
    message_id    VARCHAR(64)  NOT NULL,
    destination   VARCHAR(32)  NOT NULL,
    state         VARCHAR(16)  NOT NULL,
    receipt_stat  VARCHAR(16)  NULL,
    receipt_err   VARCHAR(16)  NULL,
    submitted_at  DATETIME(3)  NOT NULL,
    receipt_at    DATETIME(3)  NULL,
    PRIMARY KEY (outbox_id, part_no),
    KEY ix_sms_submission_msg (message_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Messages over the per-number rate limit, kept as notes on the sender's latest order (one per message).
CREATE TABLE sms_note (
    idempotency_key VARCHAR(191) NOT NULL,
    work_order_id   BIGINT       NOT NULL,
    caller_number   VARCHAR(32)  NOT NULL,
    text            TEXT         NOT NULL,
    received_at     DATETIME(3)  NOT NULL,
    PRIMARY KEY (idempotency_key),
    KEY ix_sms_note_work_order (work_order_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Residents who texted TD/STOP: no status notifications (replies to their own texts still go).
CREATE TABLE sms_preference (
    phone          VARCHAR(32) NOT NULL,
    notifications  BOOLEAN     NOT NULL,
    updated_at     DATETIME(3) NOT NULL,
    PRIMARY KEY (phone)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
