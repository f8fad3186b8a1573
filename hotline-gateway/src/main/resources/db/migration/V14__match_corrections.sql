-- The agents' corrections of the matcher (issue 19): the agent's choice next to the matcher's first answer.
-- Confirmed (confirmed_at set) when a second agent chose the same for the same text, or a supervisor approved;
-- confirmed rows are labelled examples the matcher uses at once and in `hotline match --train`.
-- text_key is the text without case, spaces and punctuation. Times are UTC DATETIME(3).

CREATE TABLE match_correction (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    text           VARCHAR(1000) NOT NULL,
    text_key       VARCHAR(1000) NOT NULL,
    text_hash      BINARY(32)    NOT NULL,
    matcher_first  VARCHAR(8)    NOT NULL,
    chosen         VARCHAR(8)    NOT NULL,
    request_type   VARCHAR(16)   NOT NULL,
    agent          VARCHAR(128)  NOT NULL,
    ticket         VARCHAR(32)   NULL,
    created_at     DATETIME(3)   NOT NULL,
    confirmed_at   DATETIME(3)   NULL,
    confirmed_by   VARCHAR(128)  NULL,
    PRIMARY KEY (id),
    KEY ix_match_correction_text (text_hash, chosen),
    KEY ix_match_correction_confirmed (confirmed_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
