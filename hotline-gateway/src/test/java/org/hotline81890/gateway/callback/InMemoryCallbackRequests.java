package org.hotline81890.gateway.callback;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The callback list in memory, for unit tests of what uses it. */
public final class InMemoryCallbackRequests implements CallbackRequests {
    private final Map<Long, CallbackRequest> byId = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    @Override
    public synchronized CallbackRequest add(String key, String number, CallbackReason reason, Instant at) {
        return byId.values().stream().filter(r -> r.key().equals(key)).findFirst().orElseGet(() -> {
            CallbackRequest r = new CallbackRequest(ids.incrementAndGet(), key, number, reason, at, Optional.empty());
            byId.put(r.id(), r);
            return r;
        });
    }

    @Override
    public List<CallbackRequest> listOpen(int limit) {
        return new ArrayList<>(byId.values()).stream().filter(CallbackRequest::isOpen)
                .sorted(Comparator.comparing(CallbackRequest::requestedAt).thenComparing(CallbackRequest::id))
                .limit(limit).toList();
    }

    @Override
    public Optional<CallbackRequest> find(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized boolean close(long id, String by, Instant at) {
        CallbackRequest r = byId.get(id);
        if (r == null || !r.isOpen()) {
            return false;
        }
        byId.put(id, new CallbackRequest(r.id(), r.key(), r.number(), r.reason(), r.requestedAt(),
                Optional.of(new CallbackRequest.Closed(by, at))));
        return true;
    }
}
