package org.hotline81890.gateway.storage.mysql;

import java.time.Instant;

import org.hotline81890.gateway.sms.InboundJournal;
import org.hotline81890.gateway.sms.InboundJournalContract;
import org.hotline81890.gateway.testing.ManualClock;
import org.hotline81890.gateway.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The journal contract on real MariaDB; appends on a multi-statement lane (INSERT and COMMIT in one trip). */
class MySqlInboundJournalIT implements InboundJournalContract {
    private static final ManualClock CLOCK = new ManualClock(Instant.parse("2026-12-05T08:00:00Z"));
    private static TestDatabase db;
    private static MySqlInboundJournal journal;

    @BeforeAll
    static void open() {
        db = TestDatabase.create();
        journal = new MySqlInboundJournal(db.database().committerLane(2).transactions(), db.database().transactions(),
                CLOCK);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Override
    public InboundJournal journal() {
        return journal;
    }

    @Override
    public ManualClock clock() {
        return CLOCK;
    }
}
