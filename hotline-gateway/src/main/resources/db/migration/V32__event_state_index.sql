-- The wallboard's 响应率 / 解决率 / 满意率 tiles and /api/admin/kpis read today's survey outcomes (SURVEYED, and
-- CLOSED "no reply") and today's escalations from the history (issue 15). Without this index both scanned the whole
-- of work_order_event at every render, a read that grows with every day kept; with it they are a range of today's
-- events of those states. It costs one more index entry on every event insert: 25-60 microseconds of a 2-5 ms
-- committed single-row insert on the shared machine (hotline-gateway/docs/kpi-sql.md, ADR 0038).
CREATE INDEX ix_event_state_at ON work_order_event (to_state, at);
