-- The supervisor desk (督办): departments' extension requests waiting for a supervisor's decision, and the formal
-- supervision notices (督办单) issued to departments, each with its own deadline (a missed one counts against the
-- department). Times are UTC, DATETIME(3).

CREATE TABLE extension_request (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    offer_id       VARCHAR(64)   NOT NULL,
    work_order_id  BIGINT        NOT NULL,
    provider_id    VARCHAR(40)   NOT NULL,
    extra_minutes  INT           NOT NULL,
    reason         VARCHAR(500)  NOT NULL,
    requested_at   DATETIME(3)   NOT NULL,
    state          VARCHAR(16)   NOT NULL,
    decided_by     VARCHAR(64)   NULL,
    decided_at     DATETIME(3)   NULL,
    decision_note  VARCHAR(500)  NULL,
    PRIMARY KEY (id),
    KEY ix_extension_state (state, requested_at),
    KEY ix_extension_offer (offer_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE supervision_notice (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    work_order_id  BIGINT        NOT NULL,
    provider_id    VARCHAR(40)   NOT NULL,
    issued_by      VARCHAR(64)   NOT NULL,
    issued_at      DATETIME(3)   NOT NULL,
    due_at         DATETIME(3)   NOT NULL,
    text           VARCHAR(1000) NOT NULL,
    state          VARCHAR(16)   NOT NULL,
    settled_at     DATETIME(3)   NULL,
    PRIMARY KEY (id),
    KEY ix_notice_work_order (work_order_id),
    KEY ix_notice_provider (provider_id, state)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
