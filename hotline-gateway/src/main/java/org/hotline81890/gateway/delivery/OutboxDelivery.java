package org.hotline81890.gateway.delivery;

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
}
