package org.hotline81890.gateway.workorder;

import java.util.List;

/**
 * The request to find a provider for a work order is itself an outbox row, written in the same transaction as the
 * change that needs it (matched, reopened): a crash between the change and the dispatch loses nothing, and the
 * partner network picks it up through the relay.
 */
public final class Dispatch {
    public static final String KIND = "dispatch";

    private Dispatch() {
    }

    public static List<OutboxMessage> request(WorkOrder w) {
        return List.of(new OutboxMessage(KIND, "partner-network", Long.toString(w.id().value()),
                "dispatch:" + w.id().value() + ":" + w.version()));
    }
}
