package org.hotline81890.gateway.dispatch;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderId;
import org.hotline81890.gateway.workorder.WorkOrderStore;

/** {@link OfferLocks} in memory: one reentrant lock per work order over a {@link WorkOrderStore}. */
public final class InMemoryOfferLocks implements OfferLocks {
    private final WorkOrderStore store;
    private final Map<WorkOrderId, ReentrantLock> locks = new ConcurrentHashMap<>();

    public InMemoryOfferLocks(WorkOrderStore store) {
        this.store = store;
    }

    @Override
    public <T> T withWorkOrder(WorkOrderId id, Function<Optional<WorkOrder>, T> work) {
        ReentrantLock lock = locks.computeIfAbsent(id, k -> new ReentrantLock());
        lock.lock();
        try {
            return work.apply(store.find(id));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public <T> T inOneTransaction(Supplier<T> work) {
        return work.get();
    }
}
