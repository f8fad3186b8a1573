package org.hotline81890.gateway.supervision;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.hotline81890.gateway.dispatch.ExtensionRequest;
import org.hotline81890.gateway.dispatch.ExtensionRequests;
import org.hotline81890.gateway.sms.HeldReplies;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderEvent;
import org.hotline81890.gateway.workorder.WorkOrderState;
import org.hotline81890.gateway.workorder.WorkOrderStore;

/**
 * The 督办 list: escalated orders (no provider, offers declined or timed out, a deadline or a transfer's deadline
 * missed, unsatisfied twice), the longest-waiting first, each with why and since when; residents' SMS replies held
 * for an agent and not decided by their own deadline (居民回复超时未处理, ADR 0053), whatever their order's state; and
 * the departments' extension requests waiting for a decision.
 */
public final class SupervisionList {
    private final WorkOrderStore store;
    private final ExtensionRequests extensions;
    private final HeldReplies held;

    public SupervisionList(WorkOrderStore store, ExtensionRequests extensions, HeldReplies held) {
        this.store = store;
        this.extensions = extensions;
        this.held = held;
    }

    /** Held SMS replies past their own deadline and still undecided, longest overdue first. */
    public List<HeldReplies.Overdue> overdueReplies(int limit) {
        return held.overdue(limit);
    }

    /** One order on the list. */
    public record Item(WorkOrder order, Instant since, EscalationReason reason, String details) {
    }

    /** Escalated orders, escalated longest ago first (at most {@code limit}). */
    public List<Item> escalated(int limit) {
        return store.listByState(WorkOrderState.ESCALATED, limit).stream()
                .map(this::item).sorted(Comparator.comparing(Item::since)).toList();
    }

    private Item item(WorkOrder w) {
        Optional<WorkOrderEvent> last = store.history(w.id()).stream()
                .filter(e -> e.to() == WorkOrderState.ESCALATED && e.from().orElse(null) != WorkOrderState.ESCALATED)
                .reduce((a, b) -> b);
        String details = last.map(WorkOrderEvent::details).orElse("");
        return new Item(w, last.map(WorkOrderEvent::at).orElse(w.updatedAt()), EscalationReason.of(details), details);
    }

    public List<ExtensionRequest> pendingExtensions(int limit) {
        return extensions.pending(limit);
    }
}
