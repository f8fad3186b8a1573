-- Issue 6, the partner network's closed loop: each answered survey scores the provider whose completion it judged
-- (satisfied 5, basically satisfied 4, unsatisfied 1). A provider's rating is the Bayesian average of its
-- configured rating and these scores (hotline-gateway/docs/partners.md). One row per survey answer: the work
-- order's version after the SURVEYED move names the answer, so a repeated notification scores it once.
CREATE TABLE provider_survey_score (
    work_order_id       BIGINT       NOT NULL,
    work_order_version  INT          NOT NULL,
    provider_id         VARCHAR(40)  NOT NULL,
    offer_id            VARCHAR(64)  NOT NULL,
    score               TINYINT      NOT NULL,
    answered_at         DATETIME(3)  NOT NULL,
    PRIMARY KEY (work_order_id, work_order_version),
    KEY ix_survey_score_provider (provider_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
