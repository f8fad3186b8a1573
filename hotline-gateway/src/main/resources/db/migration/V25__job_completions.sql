-- Issue 14: who completed a job on a desk (a volunteer team's hours are counted per volunteer) and the photo the
-- provider attached. One row per offer, written in the transaction that completes it; completions by the API or SMS
-- write none. The photo itself is a file in the data dir (photo_file: a random name, never the client's).
-- Times are UTC, DATETIME(3).
CREATE TABLE job_completion (
    offer_id       VARCHAR(64)   NOT NULL,
    work_order_id  BIGINT        NOT NULL,
    provider_id    VARCHAR(40)   NOT NULL,
    person_login   VARCHAR(64)   NULL,
    person_name    VARCHAR(100)  NULL,
    photo_file     VARCHAR(48)   NULL,
    photo_type     VARCHAR(16)   NULL,
    photo_bytes    INT           NULL,
    completed_at   DATETIME(3)   NOT NULL,
    PRIMARY KEY (offer_id),
    KEY job_completion_order (work_order_id),
    KEY job_completion_provider (provider_id),
    UNIQUE KEY job_completion_photo (photo_file)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
