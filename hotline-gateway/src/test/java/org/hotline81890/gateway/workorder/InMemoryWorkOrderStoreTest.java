package org.hotline81890.gateway.workorder;

import java.time.Clock;

class InMemoryWorkOrderStoreTest implements WorkOrderStoreContract {
    private final InMemoryWorkOrderStore store = new InMemoryWorkOrderStore(Clock.systemUTC());

    @Override
    public WorkOrderStore store() {
        return store;
    }

    @Override
    public Outbox outbox() {
        return store;
    }
}
