package org.hotline81890.gateway.sms;

import java.time.Clock;
import java.time.Duration;

import org.hotline81890.gateway.workorder.DeadlineStore;
import org.hotline81890.gateway.workorder.InMemoryDeadlineStore;
import org.hotline81890.gateway.workorder.InMemoryWorkOrderStore;
import org.hotline81890.gateway.workorder.WorkOrderStore;

class InMemoryHeldRepliesTest implements HeldRepliesContract {
    private final InMemoryWorkOrderStore store = new InMemoryWorkOrderStore(Clock.systemUTC());
    private final InMemoryDeadlineStore deadlines = new InMemoryDeadlineStore();
    private final InMemoryHeldReplies held = new InMemoryHeldReplies(store, Clock.systemUTC(), deadlines,
            Duration.ofHours(24));

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
        return Duration.ofHours(24);
    }
}
