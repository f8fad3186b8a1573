-- The relay and the deadline scheduler claim on due_key (V7) instead of (next_attempt_at | due_at) plus a test of
-- claimed_until: on the old indexes a claim read every due row, leased ones included (about 600 outbox rows a
-- claim at 200 orders a second), and skipped them one by one. On (state, due_key) leased rows sort after now and
-- are never read. The old indexes are then used by no query; each cost an index entry per row written (the SMS
-- flood writes an outbox row and two deadline rows per message).
ALTER TABLE outbox DROP INDEX ix_outbox_due;
ALTER TABLE deadline DROP INDEX ix_deadline_due;

-- The per-work-order partner lock is the work_order row itself (SELECT ... FOR UPDATE, MySqlOfferLocks) since wave 3;
-- this table of V4 has been written and read by nothing since.
DROP TABLE partner_work_lock;
