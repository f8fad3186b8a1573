package org.hotline81890.gateway.storage.mysql;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;

import org.hotline81890.gateway.sms.HeldReplies;
import org.hotline81890.gateway.sms.HeldRepliesContract;
import org.hotline81890.gateway.testing.TestDatabase;
import org.hotline81890.gateway.workorder.DeadlineStore;
import org.hotline81890.gateway.workorder.WorkOrderStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The held SMS replies (V28, V35) held to their contract on real MariaDB. */
class MySqlHeldRepliesIT implements HeldRepliesContract {
    private static final Duration DECIDE_WITHIN = Duration.ofHours(24);
    private static TestDatabase db;
    private static MySqlWorkOrderStore store;
    private static MySqlHeldReplies held;
    private static MySqlDeadlineStore deadlines;

    @BeforeAll
    static void open() {
        db = TestDatabase.create();
        store = new MySqlWorkOrderStore(db.database().transactions(), Clock.systemUTC(), new SecureRandom());
        held = new MySqlHeldReplies(db.database().transactions(), Clock.systemUTC(), DECIDE_WITHIN);
        deadlines = new MySqlDeadlineStore(db.database().transactions());
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

    @Override
    public DeadlineStore deadlines() {
        return deadlines;
    }

    @Override
    public Duration decideWithin() {
        return DECIDE_WITHIN;
    }
}
