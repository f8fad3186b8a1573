package org.hotline81890.gateway.sms;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import org.hotline81890.gateway.workorder.StorageUnavailableException;
import org.hotline81890.gateway.workorder.TicketNumber;
import org.hotline81890.gateway.workorder.WorkOrderStore;

/** Test double of {@link TicketReservations}: keys stored as orders in {@code store} are left out. */
public final class InMemoryTicketReservations implements TicketReservations {
    private final WorkOrderStore store;
    private final Random random = new Random(47);
    private final Map<String, TicketNumber> byKey = new LinkedHashMap<>();
    private final Map<String, Instant> at = new HashMap<>();
    public volatile boolean down;

    public InMemoryTicketReservations(WorkOrderStore store) {
        this.store = store;
    }

    @Override
    public synchronized Map<String, TicketNumber> reserve(Collection<String> messageKeys, Instant now) {
        check();
        Map<String, TicketNumber> out = new HashMap<>();
        for (String k : messageKeys) {
            if (store.findByIdempotencyKey(k).isPresent()) {
                continue;
            }
            TicketNumber t = byKey.computeIfAbsent(k, x -> {
                TicketNumber drawn;
                do {
                    drawn = TicketNumber.random(random);
                } while (byKey.containsValue(drawn) || store.findByTicket(drawn).isPresent());
                return drawn;
            });
            at.putIfAbsent(k, now);
            out.put(k, t);
        }
        return out;
    }

    @Override
    public synchronized Map<String, TicketNumber> reserved(Collection<String> messageKeys) {
        check();
        Map<String, TicketNumber> out = new HashMap<>();
        messageKeys.stream().filter(byKey::containsKey).forEach(k -> out.put(k, byKey.get(k)));
        return out;
    }

    @Override
    public synchronized int purgeBefore(Instant cutoff) {
        int before = byKey.size();
        at.entrySet().removeIf(e -> e.getValue().isBefore(cutoff) && byKey.remove(e.getKey()) != null);
        return before - byKey.size();
    }

    /** How many keys hold a ticket (for assertions). */
    public synchronized int size() {
        return byKey.size();
    }

    private void check() {
        if (down) {
            throw new StorageUnavailableException("tickets down (test)", new IllegalStateException("down"));
        }
    }
}
