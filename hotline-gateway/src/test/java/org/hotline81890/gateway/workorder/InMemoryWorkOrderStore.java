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

/**
 * The in-memory fake of {@link WorkOrderStore} and {@link Outbox}, for domain tests. One lock, like one database: a
 * change's outbox rows are written to the {@link InMemoryOutbox} while the change holds it.
 */
public final class InMemoryWorkOrderStore implements WorkOrderStore, Outbox {
    private final Map<Long, WorkOrder> orders = new LinkedHashMap<>();
    private final Map<Long, List<WorkOrderEvent>> events = new HashMap<>();
    private final Map<String, Long> byKey = new HashMap<>();
    private final Clock clock;
    private final InMemoryOutbox outbox;
    private final Random random = new Random(42);
    private long nextId = 1;
    private long nextEvent = 1;
    private java.util.function.Predicate<Change> crashBefore = c -> false;

    public InMemoryWorkOrderStore(Clock clock) {
        this.clock = clock;
        this.outbox = new InMemoryOutbox(clock);
    }

    /**
     * The next update whose change matches {@code when} dies before it commits, as a process killed between two
     * transactions of one use case: nothing of it is stored, and the caller gets an exception.
     */
    public synchronized void crashBefore(java.util.function.Predicate<Change> when) {
        crashBefore = when;
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
        WorkOrder w = new WorkOrder(id, o.ticket().orElseGet(() -> TicketNumber.random(random)), o.idempotencyKey(),
                o.channel(),
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
        outbox.enqueue(Optional.of(id), rows);
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
        outbox.enqueue(Optional.of(id), decided.get().outbox());
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

    // The Outbox side: the rows the changes above wrote, in the fake that OutboxContract holds to the MariaDB one.

    @Override
    public void enqueue(Optional<WorkOrderId> workOrderId, List<OutboxMessage> messages) {
        outbox.enqueue(workOrderId, messages);
    }

    @Override
    public List<OutboxEntry> claimDue(Instant now, int limit, Duration lease, Set<String> skipKinds) {
        return outbox.claimDue(now, limit, lease, skipKinds);
    }

    @Override
    public void markDone(long id, Instant at) {
        outbox.markDone(id, at);
    }

    @Override
    public void retryLater(long id, Instant nextAttemptAt, String error) {
        outbox.retryLater(id, nextAttemptAt, error);
    }

    @Override
    public void markFailed(long id, Instant at, String error) {
        outbox.markFailed(id, at, error);
    }

    @Override
    public void park(long id, String why) {
        outbox.park(id, why);
    }

    @Override
    public int unpark(Set<String> kinds, Instant now) {
        return outbox.unpark(kinds, now);
    }

    @Override
    public Map<String, Integer> parked() {
        return outbox.parked();
    }

    @Override
    public Optional<Instant> nextDue() {
        return outbox.nextDue();
    }

    @Override
    public Optional<OutboxStatus> status(String dedupeKey) {
        return outbox.status(dedupeKey);
    }
}
