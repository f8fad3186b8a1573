package org.hotline81890.gateway.storage.mysql;

import java.security.SecureRandom;
import java.time.Clock;

import org.hotline81890.gateway.sms.HeldReplies;
import org.hotline81890.gateway.sms.HeldRepliesContract;
import org.hotline81890.gateway.testing.TestDatabase;
import org.hotline81890.gateway.workorder.WorkOrderStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The held SMS replies (V28) held to their contract on real MariaDB. */
class MySqlHeldRepliesIT implements HeldRepliesContract {
    private static TestDatabase db;
    private static MySqlWorkOrderStore store;
    private static MySqlHeldReplies held;

    @BeforeAll
    static void open() {
        db = TestDatabase.create();
        store = new MySqlWorkOrderStore(db.database().transactions(), Clock.systemUTC(), new SecureRandom());
        held = new MySqlHeldReplies(db.database().transactions(), Clock.systemUTC());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Override
    public HeldReplies held() {
        return held;
    }

    @Override
    public WorkOrderStore store() {
        return store;
    }
}
