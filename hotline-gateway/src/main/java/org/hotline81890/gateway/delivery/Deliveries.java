package org.hotline81890.gateway.delivery;

import java.util.HashMap;
import java.util.Map;

/**
 * The one registry of outbox deliveries the relay reads: one delivery per outbox kind (a second one for a kind is a
 * wiring mistake and stops start-up). Each kind's delivery is a class of this package named after what it delivers.
 */
public final class Deliveries {
    private final Map<String, OutboxDelivery> byKind = new HashMap<>();

    public Deliveries register(String kind, OutboxDelivery delivery) {
        if (byKind.putIfAbsent(kind, delivery) != null) {
            throw new IllegalStateException("two deliveries for outbox kind " + kind);
        }
        return this;
    }

    public Deliveries registerAll(Map<String, OutboxDelivery> deliveries) {
        deliveries.forEach(this::register);
        return this;
    }

    public Map<String, OutboxDelivery> byKind() {
        return Map.copyOf(byKind);
    }
}
