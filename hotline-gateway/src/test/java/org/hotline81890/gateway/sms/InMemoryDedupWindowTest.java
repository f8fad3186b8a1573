package org.hotline81890.gateway.sms;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** The in-memory fake held to the same contract as the MySQL adapter. */
class InMemoryDedupWindowTest implements DedupWindowContract {
    private final InMemoryDedupWindow window = new InMemoryDedupWindow(new RepeatAfterWindow(WINDOW));

    @Override
    public DedupWindow at(Instant now) {
        return window.at(Clock.fixed(now, ZoneOffset.UTC));
    }

    @Override
    public void storedAt(Instant at, String key) {
        window.stored(at, key);
    }
}
