-- The agents' after-call work (话后整理): one row per queue call an agent finished (AgentComplete), begun when the
-- call ends and finished when the agent picks a wrap-up code (web.wrap-up-codes) and goes ready again. The desk of
-- any node reads it, so an agent cannot skip the code by reloading the page. Times are UTC DATETIME(3).

CREATE TABLE agent_wrap_up (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    extension       VARCHAR(32)   NOT NULL,
    unique_id       VARCHAR(64)   NOT NULL,
    started_at      DATETIME(3)   NOT NULL,
    code            VARCHAR(32)   NULL,
    finished_by     VARCHAR(64)   NULL,
    finished_at     DATETIME(3)   NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_agent_wrap_up_call (extension, unique_id),
    KEY ix_agent_wrap_up_open (extension, finished_at, started_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
