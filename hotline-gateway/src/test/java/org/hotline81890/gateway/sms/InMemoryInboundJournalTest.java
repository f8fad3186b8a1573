package org.hotline81890.gateway.sms;

import java.time.Instant;

import org.hotline81890.gateway.testing.ManualClock;

/** The in-memory fake held to the same contract as the MySQL adapter (MySqlInboundJournalIT). */
class InMemoryInboundJournalTest implements InboundJournalContract {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-05T08:00:00Z"));
    private final InMemoryInboundJournal journal = new InMemoryInboundJournal(clock);

    @Override
    public InboundJournal journal() {
        return journal;
    }

    @Override
    public ManualClock clock() {
        return clock;
    }
}
