package org.hotline81890.gateway.storage.mysql;

import java.time.Clock;

import org.hotline81890.gateway.sms.PartStore;
import org.hotline81890.gateway.sms.PartStoreContract;
import org.hotline81890.gateway.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The part-store contract on real MariaDB. */
class MySqlPartStoreIT implements PartStoreContract {
    private static TestDatabase db;
    private static MySqlPartStore parts;

    @BeforeAll
    static void open() {
        db = TestDatabase.create();
        parts = new MySqlPartStore(db.database().transactions(), Clock.systemUTC());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Override
    public PartStore parts() {
        return parts;
    }
}
