package org.hotline81890.gateway.sms;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hotline81890.gateway.workorder.DeadlineStore;
import org.hotline81890.gateway.workorder.InMemoryDeadlineStore;
import org.hotline81890.gateway.workorder.InMemoryWorkOrderStore;
import org.hotline81890.gateway.workorder.OutboxMessage;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderEvent;
import org.hotline81890.gateway.workorder.WorkOrderId;
import org.hotline81890.gateway.workorder.WorkOrderState;

/**
 * {@link HeldReplies} over an {@link InMemoryWorkOrderStore}, for unit tests; held to {@link HeldRepliesContract}.
 * Each held text's own deadline goes to {@code deadlines} (an {@link InMemoryDeadlineStore} by default).
 */
public final class InMemoryHeldReplies implements HeldReplies {
    private final InMemoryWorkOrderStore store;
    private final Clock clock;
    private final DeadlineStore deadlines;
    private final Duration decideWithin;
    private final Map<Long, HeldReply> rows = new LinkedHashMap<>();
    private final Map<Long, Instant> overdueAt = new HashMap<>();
    private long next = 1;

    public InMemoryHeldReplies(InMemoryWorkOrderStore store, Clock clock) {
        this(store, clock, new InMemoryDeadlineStore(), Duration.ofHours(24));
    }

    public InMemoryHeldReplies(InMemoryWorkOrderStore store, Clock clock, DeadlineStore deadlines,
                               Duration decideWithin) {
        this.store = store;
        this.clock = clock;
        this.deadlines = deadlines;
        this.decideWithin = decideWithin;
    }

    @Override
    public synchronized List<RecentOrder> recent(String callerNumber, Instant since) {
        return store.listByCaller(callerNumber, Integer.MAX_VALUE).stream()
                .filter(w -> w.state() == WorkOrderState.COMPLETED || w.state() == WorkOrderState.ANSWERED
                        || !w.updatedAt().isBefore(since))
                .limit(20).map(this::recent).toList();
    }

    private RecentOrder recent(WorkOrder w) {
        Optional<Instant> answered = store.history(w.id()).stream().filter(e -> e.to() == WorkOrderState.SURVEYED)
                .map(WorkOrderEvent::at).max(Comparator.naturalOrder());
        return new RecentOrder(w.id(), w.ticket(), w.state(), w.serviceCode(), w.createdAt(), w.updatedAt(), answered);
    }

    @Override
    public synchronized Optional<HeldReply> hold(String idempotencyKey, String callerNumber, String text,
                                                 Instant receivedAt, WorkOrderId answers,
                                                 List<OutboxMessage> acknowledgement) {
        Optional<HeldReply> known = byKey(idempotencyKey);
        if (known.isPresent() || store.findByIdempotencyKey(idempotencyKey).isPresent()) {
            return known;
        }
        WorkOrder order = store.find(answers).orElseThrow();
        HeldReply h = new HeldReply(next++, idempotencyKey, callerNumber, text, answers, order.ticket(),
                receivedAt.isAfter(clock.instant()) ? clock.instant() : receivedAt, HeldReply.State.WAITING,
                Optional.empty(), Optional.empty());
        rows.put(h.id(), h);
        store.enqueue(Optional.of(answers), acknowledgement);
        deadlines.arm(HeldReply.DEADLINE, h.id(), HeldReply.DECIDE_BY, h.receivedAt().plus(decideWithin));
        return Optional.of(h);
    }

    private Optional<HeldReply> byKey(String key) {
        return rows.values().stream().filter(h -> h.idempotencyKey().equals(key)).findFirst();
    }

    @Override
    public synchronized Optional<Instant> waitingSince(WorkOrderId order, Instant by) {
        return rows.values().stream().filter(h -> h.workOrder().equals(order)
                && h.state() == HeldReply.State.WAITING && !h.receivedAt().isAfter(by))
                .map(HeldReply::receivedAt).min(Comparator.naturalOrder());
    }

    @Override
    public synchronized List<HeldReply> waiting(int limit) {
        List<HeldReply> out = new ArrayList<>(rows.values().stream()
                .filter(h -> h.state() == HeldReply.State.WAITING).toList());
        out.sort(Comparator.comparing(HeldReply::receivedAt).thenComparing(HeldReply::id));
        return out.stream().limit(limit).toList();
    }

    @Override
    public synchronized int count() {
        return (int) rows.values().stream().filter(h -> h.state() == HeldReply.State.WAITING).count();
    }

    @Override
    public synchronized Optional<HeldReply> find(long id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public synchronized boolean decide(long id, HeldReply.State decision, String agent, Optional<String> note,
                                       Instant at) {
        HeldReply h = rows.get(id);
        if (h == null || h.state() != HeldReply.State.WAITING) {
            return false;
        }
        rows.put(id, new HeldReply(h.id(), h.idempotencyKey(), h.callerNumber(), h.text(), h.workOrder(),
                h.ticket(), h.receivedAt(), decision, Optional.of(agent), note));
        deadlines.cancel(HeldReply.DEADLINE, id, HeldReply.DECIDE_BY);
        return true;
    }

    @Override
    public synchronized boolean markOverdue(long id, Instant at) {
        HeldReply h = rows.get(id);
        if (h == null || h.state() != HeldReply.State.WAITING || overdueAt.containsKey(id)) {
            return false;
        }
        overdueAt.put(id, at);
        return true;
    }

    @Override
    public synchronized List<Overdue> overdue(int limit) {
        return overdueAt.entrySet().stream().filter(e -> rows.get(e.getKey()).state() == HeldReply.State.WAITING)
                .map(e -> new Overdue(rows.get(e.getKey()), e.getValue()))
                .sorted(Comparator.comparing(Overdue::since).thenComparing(o -> o.reply().id()))
                .limit(limit).toList();
    }
}
