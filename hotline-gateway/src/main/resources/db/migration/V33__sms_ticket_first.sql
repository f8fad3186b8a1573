-- Issue 18, ticket first (ADR 0047): the journal's stage gives an SMS request its ticket and queues the reply with
-- it before the matcher runs; the order opened later, behind the matcher, takes the ticket reserved here. One row
-- per message key: an SMSC redelivery of a text that has a ticket gets the same one (the first insert wins), a row
-- processed twice (kill -9) reads it back. Tickets drawn for other orders are checked against this table too, and
-- a ticket given here is checked against work_order. Rows are purged once their order has long existed.
CREATE TABLE sms_ticket (
    message_key VARCHAR(191) NOT NULL,
    ticket      CHAR(9)      NOT NULL,
    created_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (message_key),
    UNIQUE KEY uk_sms_ticket_ticket (ticket),
    KEY ix_sms_ticket_created (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A journaled text is NEW until the ticket pass has looked at it (given it a ticket and queued its reply, or left it
-- to the matcher's road), then PENDING for the stage that matches it and opens its order, then DONE. Rows left
-- PENDING by the version before are matched as they were.
ALTER TABLE sms_journal ALTER COLUMN state SET DEFAULT 'NEW';
