package org.hotline81890.gateway.channel.web;

import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import io.vertx.core.Context;
import org.hotline81890.gateway.workorder.EventDraft;
import org.hotline81890.gateway.workorder.EventPublisher;
import org.hotline81890.gateway.workorder.WorkOrder;

/**
 * Hands live-view events to {@code delegate} on one Vert.x context, many per hop: publishing on the event bus from
 * a virtual thread wakes the event loop once per event (about a tenth of the gateway's CPU under an SMS flood).
 * Here the intake threads queue, and the first one after the queue was drained schedules one run that publishes
 * everything queued by then. Order is kept.
 */
public final class CoalescingPublisher implements EventPublisher {
    private record Item(WorkOrder order, EventDraft event) {
    }

    private final EventPublisher delegate;
    private final Context context;
    private final ConcurrentLinkedQueue<Item> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    public CoalescingPublisher(EventPublisher delegate, Context context) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.context = Objects.requireNonNull(context, "context");
    }

    @Override
    public void published(WorkOrder order, EventDraft event) {
        queue.add(new Item(order, event));
        if (scheduled.compareAndSet(false, true)) {
            context.runOnContext(v -> drain());
        }
    }

    private void drain() {
        scheduled.set(false);
        Item item;
        while ((item = queue.poll()) != null) {
            delegate.published(item.order(), item.event());
        }
    }
}
