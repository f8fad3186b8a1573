-- Callback requests: callers who asked to be called back (after hours, or the queue timed out) are items on the
-- agents' callback list, not work orders (a callback request is not a resident's words: nothing to match).
-- request_key is the call's idempotency key (phone:<uniqueid>). Times are UTC DATETIME(3).

CREATE TABLE callback_request (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    request_key     VARCHAR(128)  NOT NULL,
    number          VARCHAR(32)   NOT NULL,
    reason          VARCHAR(16)   NOT NULL,
    requested_at    DATETIME(3)   NOT NULL,
    closed_at       DATETIME(3)   NULL,
    closed_by       VARCHAR(64)   NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_callback_request_key (request_key),
    KEY ix_callback_request_open (closed_at, requested_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
