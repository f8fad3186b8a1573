package org.hotline81890.gateway.storage.mysql;

import java.security.SecureRandom;
import java.time.Clock;

import org.hotline81890.gateway.testing.TestDatabase;
import org.hotline81890.gateway.workorder.Outbox;
import org.hotline81890.gateway.workorder.WorkOrderStore;
import org.hotline81890.gateway.workorder.WorkOrderStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The store contract on real MariaDB. */
class MySqlWorkOrderStoreIT implements WorkOrderStoreContract {
    private static TestDatabase db;
    private static MySqlWorkOrderStore store;
    private static MySqlOutbox outbox;

    @BeforeAll
    static void open() {
        db = TestDatabase.create();
        store = new MySqlWorkOrderStore(db.database().transactions(), Clock.systemUTC(), new SecureRandom());
        outbox = new MySqlOutbox(db.database().transactions(), Clock.systemUTC());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Override
    public WorkOrderStore store() {
        return store;
    }

    @Override
    public Outbox outbox() {
        return outbox;
    }
}
