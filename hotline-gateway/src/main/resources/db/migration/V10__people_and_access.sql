-- People and access: accounts with one role each, web sessions (in MySQL so a second gateway node sees them), failed
-- log-ins (for the backoff, shared by every node) and the append-only audit of views of residents' personal data.
-- Times are UTC, DATETIME(3).

CREATE TABLE person (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    login          VARCHAR(64)   NOT NULL,
    role           VARCHAR(16)   NOT NULL,
    name           VARCHAR(100)  NOT NULL,
    provider_id    VARCHAR(40)   NULL,
    extension      VARCHAR(32)   NULL,
    -- PHC string of the Argon2id hash ($argon2id$v=19$m=...,t=...,p=...$salt$hash); never the password.
    password_hash  VARCHAR(255)  NOT NULL,
    disabled       BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at     DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY ux_person_login (login),
    KEY ix_person_role (role)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- SHA-256 of the session cookie's value (the value itself is never stored) and the session's CSRF token.
CREATE TABLE web_session (
    token_hash     BINARY(32)    NOT NULL,
    person_id      BIGINT        NOT NULL,
    csrf_token     VARCHAR(64)   NOT NULL,
    created_at     DATETIME(3)   NOT NULL,
    last_seen_at   DATETIME(3)   NOT NULL,
    PRIMARY KEY (token_hash),
    KEY ix_web_session_person (person_id),
    KEY ix_web_session_seen (last_seen_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per failed log-in, for logins that exist and logins that do not (so the answer never tells them apart).
CREATE TABLE login_failure (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    login          VARCHAR(64)   NOT NULL,
    failed_at      DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    KEY ix_login_failure (login, failed_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Who saw which resident's full number or history, and when. The application only ever inserts here.
CREATE TABLE personal_data_view (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    viewed_at      DATETIME(3)   NOT NULL,
    person_id      BIGINT        NOT NULL,
    login          VARCHAR(64)   NOT NULL,
    what           VARCHAR(16)   NOT NULL,
    work_order_id  VARCHAR(64)   NULL,
    caller_number  VARCHAR(32)   NULL,
    PRIMARY KEY (id),
    KEY ix_pdv_person (person_id, viewed_at),
    KEY ix_pdv_caller (caller_number, viewed_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
