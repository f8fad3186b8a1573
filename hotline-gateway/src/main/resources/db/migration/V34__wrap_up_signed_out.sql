-- An agent out of the queue while a call's wrap-up is still due (signed out during the call, or 签出 before picking
-- a code): the desk shows 话后整理（已签出） with only the wrap-up's own action, on any node and after a reload.
ALTER TABLE agent_wrap_up ADD COLUMN signed_out_at DATETIME(3) NULL AFTER started_at;
