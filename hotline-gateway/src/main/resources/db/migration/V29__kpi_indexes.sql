-- The supervisor's KPI charts read ranges of time (issue 15). Without these each chart scanned a whole table; the
-- response/completion percentiles looked up each order's history (two index lookups an order: 25-60 s for a week of
-- 60,000 orders a day). Each order now keeps the first time it was taken or answered (responded_at: ACCEPTED or
-- ANSWERED) and done (completed_at: COMPLETED or ANSWERED), written by the same UPDATE as the move; the charts read
-- a range of orders from one covering index. Measured in hotline-gateway/docs/kpi-sql.md (ADR 0025).
ALTER TABLE work_order ADD COLUMN responded_at DATETIME(3) NULL, ADD COLUMN completed_at DATETIME(3) NULL;

UPDATE work_order w SET
    responded_at = (SELECT MIN(e.at) FROM work_order_event e WHERE e.work_order_id = w.id
                    AND e.to_state IN ('ACCEPTED', 'ANSWERED')),
    completed_at = (SELECT MIN(e.at) FROM work_order_event e WHERE e.work_order_id = w.id
                    AND e.to_state IN ('COMPLETED', 'ANSWERED'));

CREATE INDEX ix_work_order_created ON work_order (created_at, service_code, district, responded_at, completed_at);
CREATE INDEX ix_offer_offered ON offer (offered_at);
CREATE INDEX ix_survey_score_answered ON provider_survey_score (answered_at);
