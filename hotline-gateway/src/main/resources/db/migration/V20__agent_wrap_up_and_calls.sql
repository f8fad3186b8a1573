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

-- An agent's queue calls as app_queue reports them (AgentConnect, AgentComplete): which channels the agent and the
-- caller are on, so the desk's call controls (hang up, transfer, three-way, DTMF) act only on the agent's own live
-- call. unique_id is the caller channel's, the one the FastAGI intake keyed its work order on.
CREATE TABLE agent_call (
    unique_id       VARCHAR(64)   NOT NULL,
    extension       VARCHAR(32)   NOT NULL,
    caller_channel  VARCHAR(128)  NOT NULL,
    agent_channel   VARCHAR(128)  NOT NULL,
    connected_at    DATETIME(3)   NOT NULL,
    ended_at        DATETIME(3)   NULL,
    PRIMARY KEY (unique_id, extension),
    KEY ix_agent_call_live (extension, ended_at, connected_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
