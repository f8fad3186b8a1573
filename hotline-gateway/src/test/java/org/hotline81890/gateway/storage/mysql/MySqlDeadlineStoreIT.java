package org.hotline81890.gateway.storage.mysql;

import org.hotline81890.gateway.testing.TestDatabase;
import org.hotline81890.gateway.workorder.DeadlineStore;
import org.hotline81890.gateway.workorder.DeadlineStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The deadline table's contract on real MariaDB: lease, SKIP LOCKED claim, due_key order (V7, V8). */
class MySqlDeadlineStoreIT implements DeadlineStoreContract {
    private static TestDatabase db;
    private static MySqlDeadlineStore deadlines;

    @BeforeAll
    static void open() {
        db = TestDatabase.create();
        deadlines = new MySqlDeadlineStore(db.database().transactions());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Override
    public DeadlineStore deadlines() {
        return deadlines;
    }
}
