package org.hotline81890.gateway.dispatch;

import java.time.Clock;

import org.hotline81890.gateway.workorder.InMemoryWorkOrderStore;
import org.hotline81890.gateway.workorder.WorkOrderStore;

/** The in-memory fake held to the same contract as the MySQL adapter. */
class InMemoryOfferLocksTest implements OfferLocksContract {
    private final InMemoryWorkOrderStore store = new InMemoryWorkOrderStore(Clock.systemUTC());
    private final InMemoryOfferLocks locks = new InMemoryOfferLocks(store);

    @Override
    public OfferLocks locks() {
        return locks;
    }

    @Override
    public WorkOrderStore store() {
        return store;
    }
}
