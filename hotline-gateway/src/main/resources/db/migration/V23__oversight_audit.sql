-- Issue 15: who listened to, whispered to or barged into which agent's call, and when (监听 / 密语 / 强插 through
-- ChanSpy). The application only ever inserts here; supervisors read the newest on /supervisor/agents.
CREATE TABLE agent_oversight_audit (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    at          DATETIME(3)  NOT NULL,
    person_id   BIGINT       NOT NULL,
    login       VARCHAR(64)  NOT NULL,
    extension   VARCHAR(32)  NOT NULL,
    agent_iface VARCHAR(80)  NOT NULL,
    mode        VARCHAR(16)  NOT NULL,
    PRIMARY KEY (id),
    KEY ix_oversight_agent (agent_iface, at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The wallboard's "texts received today" counts the replies to residents' texts (every accepted text gets its own,
-- outbox kind 'sms', dedupe key 'sms-reply:…'): the day's rows by kind and time, not the whole table.
CREATE INDEX ix_outbox_kind_created ON outbox (kind, created_at);
