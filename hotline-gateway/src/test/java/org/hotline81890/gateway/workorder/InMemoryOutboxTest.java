package org.hotline81890.gateway.workorder;

import java.time.Clock;
import java.time.ZoneOffset;

class InMemoryOutboxTest implements OutboxContract {
    private final InMemoryOutbox outbox = new InMemoryOutbox(Clock.fixed(ENQUEUED_AT, ZoneOffset.UTC));

    @Override
    public Outbox outbox() {
        return outbox;
    }
}
