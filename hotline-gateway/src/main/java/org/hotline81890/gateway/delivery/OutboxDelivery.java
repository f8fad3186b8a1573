package org.hotline81890.gateway.delivery;

import org.hotline81890.gateway.workorder.OutboxEntry;

/** Delivers one kind of outbox row (sms, webhook, originate). Runs on a virtual thread; may block. */
@FunctionalInterface
public interface OutboxDelivery {
    DeliveryOutcome deliver(OutboxEntry entry);
}
