package org.hotline81890.partners.store;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.offer.WorkOrderRef;

/** {@link HeldJobs} in a map, for the domain's tests. */
public final class InMemoryHeldJobs implements HeldJobs {
    private record Hold(ProviderId provider, Instant offerAt) {
    }

    private final Map<WorkOrderRef, Hold> holds = new HashMap<>();

    @Override
    public synchronized Map<ProviderId, Integer> offeredBy(Instant at) {
        Map<ProviderId, Integer> out = new HashMap<>();
        holds.values().stream().filter(h -> !h.offerAt().isAfter(at))
                .forEach(h -> out.merge(h.provider(), 1, Integer::sum));
        return out;
    }

    @Override
    public synchronized void hold(WorkOrderRef workOrder, ProviderId provider, Instant offerAt) {
        holds.put(workOrder, new Hold(provider, offerAt));
    }

    @Override
    public synchronized void release(WorkOrderRef workOrder) {
        holds.remove(workOrder);
    }

    @Override
    public synchronized <T> T exclusively(Supplier<T> decision) {
        return decision.get();
    }
}
