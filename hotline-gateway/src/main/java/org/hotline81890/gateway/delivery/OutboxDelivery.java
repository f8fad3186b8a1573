package org.hotline81890.gateway.delivery;

import java.util.List;

import org.hotline81890.gateway.workorder.OutboxEntry;

/** Delivers one kind of outbox row (sms, webhook, originate). Runs on a virtual thread; may block. */
@FunctionalInterface
public interface OutboxDelivery {
    DeliveryOutcome deliver(OutboxEntry entry);

    /**
     * Rows of this kind the relay delivers at once at most (it claims no more of them meanwhile; never more than a
     * batch). A delivery that only queues for a shared bound (a lock the partner API's answers need too) says so
     * here, so its backlog waits in the outbox instead of ahead of the others in that queue.
     */
    default int atOnce() {
        return Integer.MAX_VALUE;
    }

    /**
     * Rows of this kind one delivery takes at most ({@link #deliverAll}); 1 (the default) delivers them one by one.
     * A group counts as one delivery against {@link #atOnce}.
     */
    default int together() {
        return 1;
    }

    /**
     * Delivers {@code entries} (at most {@link #together} rows of this kind, in the claim's order), an outcome for
     * each in the same order. The default delivers them one by one; a kind whose deliveries are database work may
     * make them one unit (one transaction and one commit for the group).
     */
    default List<DeliveryOutcome> deliverAll(List<OutboxEntry> entries) {
        return entries.stream().map(this::deliver).toList();
    }

    /**
     * The relay just claimed these rows of this kind (in the claim's order) and will deliver each of them: a delivery
     * that reads something per row before it sends may read it for all of them here, in one statement, and use what
     * it read when it delivers the row (ADR 0052). Called on the relay's loop; the default reads nothing. What fails
     * here is read again by the delivery.
     */
    default void claimed(List<OutboxEntry> rows) {
    }
}
