package org.hotline81890.gateway.workorder;

/** Driven port: tells the live views about a committed change. Called after commit, never inside a transaction. */
public interface EventPublisher {
    EventPublisher NONE = (order, event) -> { };

    void published(WorkOrder order, EventDraft event);
}
