-- The work-order core: work orders, their append-only history, the outbox and database deadlines.
-- Times are UTC, DATETIME(3). Text columns are utf8mb4 (Chinese, emoji).

CREATE TABLE work_order (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    ticket           CHAR(9)      NOT NULL,
    idempotency_key  VARCHAR(191) NOT NULL,
    channel          VARCHAR(16)  NOT NULL,
    caller_number    VARCHAR(32)  NOT NULL,
    request_type     VARCHAR(16)  NOT NULL,
    text             TEXT         NOT NULL,
    service_code     VARCHAR(16)  NULL,
    district         VARCHAR(64)  NULL,
    street           VARCHAR(64)  NULL,
    community        VARCHAR(64)  NULL,
    grid             VARCHAR(64)  NULL,
    address          VARCHAR(255) NULL,
    priority         VARCHAR(16)  NOT NULL,
    state            VARCHAR(16)  NOT NULL,
    respond_by       DATETIME(3)  NULL,
    complete_by      DATETIME(3)  NULL,
    survey_at        DATETIME(3)  NULL,
    created_at       DATETIME(3)  NOT NULL,
    updated_at       DATETIME(3)  NOT NULL,
    version          INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY uk_work_order_ticket (ticket),
    UNIQUE KEY uk_work_order_idem (idempotency_key),
    KEY ix_work_order_state (state, created_at),
    KEY ix_work_order_caller (caller_number, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE work_order_event (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    work_order_id  BIGINT        NOT NULL,
    at             DATETIME(3)   NOT NULL,
    actor          VARCHAR(64)   NOT NULL,
    channel        VARCHAR(16)   NOT NULL,
    from_state     VARCHAR(16)   NULL,
    to_state       VARCHAR(16)   NOT NULL,
    details        VARCHAR(4000) NOT NULL,
    PRIMARY KEY (id),
    KEY ix_event_work_order (work_order_id, id),
    CONSTRAINT fk_event_work_order FOREIGN KEY (work_order_id) REFERENCES work_order (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE outbox (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    kind             VARCHAR(32)   NOT NULL,
    destination      VARCHAR(512)  NOT NULL,
    payload          MEDIUMTEXT    NOT NULL,
    dedupe_key       VARCHAR(191)  NOT NULL,
    work_order_id    BIGINT        NULL,
    state            VARCHAR(16)   NOT NULL,
    attempts         INT           NOT NULL DEFAULT 0,
    next_attempt_at  DATETIME(3)   NOT NULL,
    claimed_until    DATETIME(3)   NULL,
    last_error       VARCHAR(1024) NULL,
    created_at       DATETIME(3)   NOT NULL,
    done_at          DATETIME(3)   NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_outbox_dedupe (dedupe_key),
    KEY ix_outbox_due (state, next_attempt_at),
    KEY ix_outbox_work_order (work_order_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE deadline (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    subject_type   VARCHAR(32)  NOT NULL,
    subject_id     BIGINT       NOT NULL,
    kind           VARCHAR(32)  NOT NULL,
    due_at         DATETIME(3)  NOT NULL,
    state          VARCHAR(16)  NOT NULL,
    claimed_until  DATETIME(3)  NULL,
    fired_at       DATETIME(3)  NULL,
    PRIMARY KEY (id),
    KEY ix_deadline_due (state, due_at),
    KEY ix_deadline_subject (subject_type, subject_id, kind)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
