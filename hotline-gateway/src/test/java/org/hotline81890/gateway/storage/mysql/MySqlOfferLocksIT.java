package org.hotline81890.gateway.storage.mysql;

import java.security.SecureRandom;
import java.time.Clock;

import org.hotline81890.gateway.dispatch.OfferLocks;
import org.hotline81890.gateway.dispatch.OfferLocksContract;
import org.hotline81890.gateway.testing.TestDatabase;
import org.hotline81890.gateway.workorder.WorkOrderStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** MySqlOfferLocks (the work order's row read FOR UPDATE) held to the OfferLocks contract on real MariaDB. */
class MySqlOfferLocksIT implements OfferLocksContract {
    private static TestDatabase db;
    private static MySqlWorkOrderStore store;
    private static MySqlOfferLocks locks;

    @BeforeAll
    static void open() {
        db = TestDatabase.create();
        store = new MySqlWorkOrderStore(db.database().transactions(), Clock.systemUTC(), new SecureRandom());
        locks = new MySqlOfferLocks(db.database().transactions(), 4);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Override
    public OfferLocks locks() {
        return locks;
    }

    @Override
    public WorkOrderStore store() {
        return store;
    }
}
