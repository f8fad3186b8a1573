-- The partner network: providers, their API keys, offers (one provider's chance at one job) and a per-work-order
-- lock row that serialises dispatch decisions across gateway nodes. Times are UTC, DATETIME(3).

CREATE TABLE provider (
    id              VARCHAR(40)   NOT NULL,
    kind            VARCHAR(32)   NOT NULL,
    name            VARCHAR(100)  NOT NULL,
    services        VARCHAR(1024) NOT NULL,
    coverage        VARCHAR(2048) NOT NULL,
    hours           VARCHAR(512)  NOT NULL,
    capacity        INT           NOT NULL,
    webhook_url     VARCHAR(512)  NULL,
    webhook_secret  VARCHAR(255)  NULL,
    sms             VARCHAR(16)   NULL,
    portal_login    VARCHAR(64)   NULL,
    status          VARCHAR(16)   NOT NULL,
    rating          DOUBLE        NOT NULL,
    PRIMARY KEY (id),
    KEY ix_provider_sms (sms)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- SHA-256 (hex) of each provider's partner-API key; the key itself is never stored.
CREATE TABLE provider_api_key (
    key_hash     CHAR(64)     NOT NULL,
    provider_id  VARCHAR(40)  NOT NULL,
    created_at   DATETIME(3)  NOT NULL,
    PRIMARY KEY (key_hash),
    KEY ix_api_key_provider (provider_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE offer (
    id             VARCHAR(64)   NOT NULL,
    work_order     VARCHAR(64)   NOT NULL,
    service_code   VARCHAR(16)   NOT NULL,
    area           VARCHAR(300)  NOT NULL,
    request_kind   VARCHAR(16)   NOT NULL,
    emergency      BOOLEAN       NOT NULL,
    provider_id    VARCHAR(40)   NOT NULL,
    kind           VARCHAR(16)   NOT NULL,
    state          VARCHAR(16)   NOT NULL,
    offered_at     DATETIME(3)   NOT NULL,
    accept_by      DATETIME(3)   NOT NULL,
    handle_by      DATETIME(3)   NULL,
    answered_at    DATETIME(3)   NULL,
    started_at     DATETIME(3)   NULL,
    finished_at    DATETIME(3)   NULL,
    note           VARCHAR(2000) NULL,
    extensions     INT           NOT NULL,
    overdue        BOOLEAN       NOT NULL,
    version        BIGINT        NOT NULL,
    PRIMARY KEY (id),
    KEY ix_offer_work_order (work_order, offered_at),
    KEY ix_offer_provider (provider_id, offered_at),
    KEY ix_offer_state (state, accept_by),
    KEY ix_offer_answered (answered_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- SELECT ... FOR UPDATE on this row is the per-work-order lock held while dispatching or applying a provider's
-- answer (work_order's own row is locked by the tracker inside, so it cannot serve as the outer lock).
CREATE TABLE partner_work_lock (
    work_order  VARCHAR(64)  NOT NULL,
    PRIMARY KEY (work_order)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
