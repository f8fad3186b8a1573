package org.hotline81890.gateway.workorder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/** The in-memory fake of {@link WorkOrderStore} and {@link Outbox}, for domain tests. One lock, like one database. */
public final class InMemoryWorkOrderStore implements WorkOrderStore, Outbox {
    private final Map<Long, WorkOrder> orders = new LinkedHashMap<>();
    private final Map<Long, List<WorkOrderEvent>> events = new HashMap<>();
    private final Map<String, Long> byKey = new HashMap<>();
    private final Map<Long, Row> outbox = new LinkedHashMap<>();
    private final Clock clock;
    private final Random random = new Random(42);
    private long nextId = 1;
    private long nextEvent = 1;
    private long nextRow = 1;
    private java.util.function.Predicate<Change> crashBefore = c -> false;

    public InMemoryWorkOrderStore(Clock clock) {
        this.clock = clock;
    }

    /**
     * The next update whose change matches {@code when} dies before it commits, as a process killed between two
     * transactions of one use case: nothing of it is stored, and the caller gets an exception.
     */
    public synchronized void crashBefore(java.util.function.Predicate<Change> when) {
        crashBefore = when;
    }

    private static final class Row {
        final long id;
        final OutboxMessage message;
        final Optional<WorkOrderId> workOrder;
        final Instant createdAt;
        String state = "PENDING";
        int attempts;
        Instant nextAttempt;
        Instant claimedUntil;
        String lastError;

        Row(long id, OutboxMessage message, Optional<WorkOrderId> workOrder, Instant now) {
            this.id = id;
            this.message = message;
            this.workOrder = workOrder;
            this.createdAt = now;
            this.nextAttempt = now;
        }
    }

    @Override
    public synchronized Created create(NewWorkOrder o, List<EventDraft> drafts,
                                       Function<WorkOrder, List<OutboxMessage>> effects) {
        Long known = byKey.get(o.idempotencyKey());
        if (known != null) {
            return new Created(orders.get(known), false);
        }
        Instant now = clock.instant();
        WorkOrderId id = new WorkOrderId(nextId++);
        WorkOrder w = new WorkOrder(id, TicketNumber.random(random), o.idempotencyKey(), o.channel(),
                o.callerNumber(), o.requestType(), o.text(), o.serviceCode(), o.area(), o.priority(), o.deadlines(),
                o.state(), o.receivedAt().orElse(now), now, 0);
        List<OutboxMessage> rows = effects.apply(w);
        orders.put(id.value(), w);
        byKey.put(o.idempotencyKey(), id.value());
        List<WorkOrderEvent> history = new ArrayList<>();
        WorkOrderState from = null;
        for (EventDraft d : drafts) {
            history.add(event(id, now, Optional.ofNullable(from), d));
            from = d.to();
        }
        events.put(id.value(), history);
        insert(Optional.of(id), rows, now);
        return new Created(w, true);
    }

    private WorkOrderEvent event(WorkOrderId id, Instant at, Optional<WorkOrderState> from, EventDraft d) {
        return new WorkOrderEvent(nextEvent++, id, at, d.actor(), d.channel(), from, d.to(), d.details());
    }

    @Override
    public synchronized WorkOrder update(WorkOrderId id, Function<WorkOrder, Optional<Change>> change) {
        WorkOrder current = find(id).orElseThrow(() -> new NoSuchElementException("no work order " + id));
        Optional<Change> decided = change.apply(current);
        if (decided.isEmpty()) {
            return current;
        }
        if (crashBefore.test(decided.get())) {
            crashBefore = c -> false;
            throw new IllegalStateException("killed before this commit (test)");
        }
        Instant now = clock.instant();
        WorkOrder n = decided.get().next();
        WorkOrder stored = new WorkOrder(id, current.ticket(), current.idempotencyKey(), current.channel(),
                current.callerNumber(), n.requestType(), n.text(), n.serviceCode(), n.area(), n.priority(),
                n.deadlines(), n.state(), current.createdAt(), now, current.version() + 1);
        orders.put(id.value(), stored);
        events.get(id.value()).add(event(id, now, Optional.of(current.state()), decided.get().event()));
        insert(Optional.of(id), decided.get().outbox(), now);
        return stored;
    }

    @Override
    public synchronized Optional<WorkOrder> find(WorkOrderId id) {
        return Optional.ofNullable(orders.get(id.value()));
    }

    @Override
    public synchronized Optional<WorkOrder> findByTicket(TicketNumber ticket) {
        return orders.values().stream().filter(w -> w.ticket().equals(ticket)).findFirst();
    }

    @Override
    public synchronized Optional<WorkOrder> findByIdempotencyKey(String key) {
        return Optional.ofNullable(byKey.get(key)).map(orders::get);
    }

    @Override
    public synchronized Optional<WorkOrder> findByIdempotencyKeyPrefix(String prefix) {
        return byKey.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).findFirst()
                .map(e -> orders.get(e.getValue()));
    }

    @Override
    public synchronized List<WorkOrderEvent> history(WorkOrderId id) {
        return List.copyOf(events.getOrDefault(id.value(), List.of()));
    }

    @Override
    public synchronized List<WorkOrder> listByState(WorkOrderState state, int limit) {
        return newestFirst(orders.values().stream().filter(w -> w.state() == state).toList(), limit);
    }

    @Override
    public synchronized List<WorkOrder> listByCaller(String callerNumber, int limit) {
        return newestFirst(orders.values().stream().filter(w -> w.callerNumber().equals(callerNumber)).toList(),
                limit);
    }

    private static List<WorkOrder> newestFirst(List<WorkOrder> list, int limit) {
        return list.stream().sorted(Comparator.comparing(WorkOrder::createdAt)
                .thenComparing(w -> w.id().value()).reversed()).limit(limit).toList();
    }

    private void insert(Optional<WorkOrderId> wo, List<OutboxMessage> messages, Instant now) {
        for (OutboxMessage m : messages) {
            boolean seen = outbox.values().stream().anyMatch(r -> r.message.dedupeKey().equals(m.dedupeKey()));
            if (!seen) {
                long id = nextRow++;
                outbox.put(id, new Row(id, m, wo, now));
            }
        }
    }

    @Override
    public synchronized void enqueue(Optional<WorkOrderId> workOrderId, List<OutboxMessage> messages) {
        insert(workOrderId, messages, clock.instant());
    }

    @Override
    public synchronized List<OutboxEntry> claimDue(Instant now, int limit, Duration lease,
                                                   Set<String> skipKinds) {
        List<OutboxEntry> out = new ArrayList<>();
        for (Row r : outbox.values()) {
            if (out.size() == limit) {
                break;
            }
            boolean free = r.claimedUntil == null || r.claimedUntil.isBefore(now);
            if (r.state.equals("PENDING") && !r.nextAttempt.isAfter(now) && free
                    && !skipKinds.contains(r.message.kind())) {
                r.claimedUntil = now.plus(lease);
                r.attempts++;
                out.add(new OutboxEntry(r.id, r.message, r.workOrder, r.attempts, r.createdAt));
            }
        }
        return out;
    }

    @Override
    public synchronized void markDone(long id, Instant at) {
        Row r = outbox.get(id);
        r.state = "DONE";
        r.claimedUntil = null;
    }

    @Override
    public synchronized void retryLater(long id, Instant nextAttemptAt, String error) {
        Row r = outbox.get(id);
        r.nextAttempt = nextAttemptAt;
        r.claimedUntil = null;
        r.lastError = error;
    }

    @Override
    public synchronized void markFailed(long id, Instant at, String error) {
        Row r = outbox.get(id);
        r.state = "FAILED";
        r.claimedUntil = null;
        r.lastError = error;
    }

    @Override
    public synchronized void park(long id, String why) {
        Row r = outbox.get(id);
        r.state = "PARKED";
        r.claimedUntil = null;
        r.attempts = Math.max(0, r.attempts - 1);
        r.lastError = why;
    }

    @Override
    public synchronized int unpark(java.util.Set<String> kinds, Instant now) {
        int n = 0;
        for (Row r : outbox.values()) {
            if (r.state.equals("PARKED") && kinds.contains(r.message.kind())) {
                r.state = "PENDING";
                r.nextAttempt = now;
                n++;
            }
        }
        return n;
    }

    @Override
    public synchronized Map<String, Integer> parked() {
        Map<String, Integer> out = new java.util.TreeMap<>();
        outbox.values().stream().filter(r -> r.state.equals("PARKED")).forEach(r -> out.merge(r.message.kind(), 1,
                Integer::sum));
        return out;
    }

    @Override
    public synchronized Optional<Instant> nextDue() {
        return outbox.values().stream().filter(r -> r.state.equals("PENDING"))
                .map(r -> r.claimedUntil != null && r.claimedUntil.isAfter(r.nextAttempt) ? r.claimedUntil
                        : r.nextAttempt)
                .min(Comparator.naturalOrder());
    }

    @Override
    public synchronized Optional<OutboxStatus> status(String dedupeKey) {
        return outbox.values().stream().filter(r -> r.message.dedupeKey().equals(dedupeKey)).findFirst()
                .map(r -> new OutboxStatus(r.id, r.state, r.attempts, Optional.ofNullable(r.lastError)));
    }
}
