package org.hotline81890.gateway.workorder;

import java.util.List;
import java.util.Optional;

/**
 * The request to find a provider for a work order is itself an outbox row, written in the same transaction as the
 * change that needs it (matched, reopened): a crash between the change and the dispatch loses nothing, and the
 * partner network picks it up through the relay.
 */
public final class Dispatch {
    public static final String KIND = "dispatch";

    private Dispatch() {
    }

    /** What a dispatch row asks: find a provider for the order, or offer it to the department an agent chose. */
    public record Request(WorkOrderId workOrder, Optional<String> department) {
    }

    /** A transfer (转办): the same dispatch, naming the department the agent chose. */
    public static List<OutboxMessage> transfer(WorkOrder w, String department) {
        if (department.isBlank() || department.contains(" ")) {
            throw new IllegalArgumentException("not a department id: '" + department + "'");
        }
        return List.of(new OutboxMessage(KIND, "partner-network", w.id().value() + " " + department,
                "dispatch:" + w.id().value() + ":" + w.version()));
    }

    /** The request in a row's payload (the order's id, then the chosen department, if any). */
    public static Request parse(String payload) {
        String[] p = payload.strip().split(" ", 2);
        return new Request(new WorkOrderId(Long.parseLong(p[0])),
                p.length == 2 ? Optional.of(p[1].strip()) : Optional.empty());
    }

    public static List<OutboxMessage> request(WorkOrder w) {
        return List.of(new OutboxMessage(KIND, "partner-network", Long.toString(w.id().value()),
                "dispatch:" + w.id().value() + ":" + w.version()));
    }
}
