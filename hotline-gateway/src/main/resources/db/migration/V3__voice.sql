-- The voice channel: registered one-key terminals (elderly and disabled residents) and call records from the
-- queue events Asterisk reports over AMI (wait time, answered within N s, abandoned). Times are UTC DATETIME(3).

CREATE TABLE one_key_terminal (
    number          VARCHAR(32)   NOT NULL,
    resident_name   VARCHAR(64)   NOT NULL,
    profile         VARCHAR(512)  NOT NULL,
    address         VARCHAR(255)  NOT NULL,
    contacts        VARCHAR(1024) NOT NULL,
    active          BOOLEAN       NOT NULL DEFAULT TRUE,
    updated_at      DATETIME(3)   NOT NULL,
    PRIMARY KEY (number)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE call_record (
    uniqueid        VARCHAR(64)   NOT NULL,
    caller_number   VARCHAR(32)   NOT NULL,
    queue           VARCHAR(64)   NOT NULL,
    joined_at       DATETIME(3)   NOT NULL,
    agent_called_at DATETIME(3)   NULL,
    answered_at     DATETIME(3)   NULL,
    ended_at        DATETIME(3)   NULL,
    agent           VARCHAR(128)  NULL,
    wait_seconds    INT           NULL,
    talk_seconds    INT           NULL,
    outcome         VARCHAR(16)   NOT NULL,
    PRIMARY KEY (uniqueid),
    KEY ix_call_record_joined (joined_at),
    KEY ix_call_record_caller (caller_number, joined_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
