package org.hotline81890.gateway.storage.mysql;

import java.time.Clock;
import java.time.ZoneOffset;

import org.hotline81890.gateway.testing.TestDatabase;
import org.hotline81890.gateway.workorder.Outbox;
import org.hotline81890.gateway.workorder.OutboxContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The outbox table's contract on real MariaDB: dedupe key, lease, SKIP LOCKED claim, due_key order, parking. */
class MySqlOutboxIT implements OutboxContract {
    private static TestDatabase db;
    private static MySqlOutbox outbox;

    @BeforeAll
    static void open() {
        db = TestDatabase.create();
        outbox = new MySqlOutbox(db.database().transactions(), Clock.fixed(ENQUEUED_AT, ZoneOffset.UTC));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Override
    public Outbox outbox() {
        return outbox;
    }
}
