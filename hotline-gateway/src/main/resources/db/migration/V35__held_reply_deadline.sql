-- A resident's SMS reply held for an agent has its own deadline (ADR 0053): a deadline row of subject type
-- 'sms-held-reply', kind 'DECIDE_BY', armed in the transaction that holds the text (due smpp.reply-hold.decide-within
-- after its arrival) and cancelled in the one that records the agent's decision. overdue_at: when that deadline found
-- the text still undecided and put it on the 督办 list (居民回复超时未处理), whatever its order's state.
ALTER TABLE sms_held_reply
    ADD COLUMN overdue_at DATETIME(3) NULL AFTER note,
    ADD KEY ix_held_reply_overdue (state, overdue_at);

-- Texts already waiting get their deadline now. Their decide-by is the configured one, not known here: the row is due
-- at the text's arrival, and the first firing arms it again at the configured instant when that is still to come.
INSERT INTO deadline (subject_type, subject_id, kind, due_at, state)
SELECT 'sms-held-reply', id, 'DECIDE_BY', received_at, 'PENDING' FROM sms_held_reply WHERE state = 'WAITING';
