package org.hotline81890.gateway.sms;

import java.time.Clock;

import org.hotline81890.gateway.workorder.InMemoryWorkOrderStore;
import org.hotline81890.gateway.workorder.WorkOrderStore;

class InMemoryHeldRepliesTest implements HeldRepliesContract {
    private final InMemoryWorkOrderStore store = new InMemoryWorkOrderStore(Clock.systemUTC());
    private final InMemoryHeldReplies held = new InMemoryHeldReplies(store, Clock.systemUTC());

    @Override
    public HeldReplies held() {
        return held;
    }

    @Override
    public WorkOrderStore store() {
        return store;
    }
}
