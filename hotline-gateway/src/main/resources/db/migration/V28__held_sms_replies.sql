-- Issue 13: a resident's text in words that answers a recent order (survey asked and not answered, or answered in
-- the last day) waits here for an agent instead of becoming a second order (ADR 0024). One row per SMS key (the
-- SMSC's redeliveries hold one text); work_order_id is the order it answers; decided_* and note say what the agent
-- did (SURVEY: the answer; NEW_REQUEST: the new ticket; DISMISSED: the agent's note).
CREATE TABLE sms_held_reply (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    idempotency_key  VARCHAR(191)  NOT NULL,
    caller_number    VARCHAR(32)   NOT NULL,
    text             TEXT          NOT NULL,
    work_order_id    BIGINT        NOT NULL,
    received_at      DATETIME(3)   NOT NULL,
    state            VARCHAR(16)   NOT NULL,
    decided_by       VARCHAR(64)   NULL,
    decided_at       DATETIME(3)   NULL,
    note             VARCHAR(500)  NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_held_reply_key (idempotency_key),
    KEY ix_held_reply_state (state, received_at),
    CONSTRAINT fk_held_reply_order FOREIGN KEY (work_order_id) REFERENCES work_order (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
