package org.hotline81890.gateway.workorder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** An {@link Outbox} in memory for tests, held to {@link OutboxContract} like the MariaDB one. */
public final class InMemoryOutbox implements Outbox {
    private final Clock clock;
    private final List<Row> rows = new ArrayList<>();
    private long nextId = 1;

    public InMemoryOutbox(Clock clock) {
        this.clock = clock;
    }

    private static final class Row {
        final long id;
        final OutboxMessage message;
        final Optional<WorkOrderId> workOrder;
        final Instant createdAt;
        String state = "PENDING";
        int attempts;
        Instant nextAttemptAt;
        Instant claimedUntil;
        String lastError;

        Row(long id, OutboxMessage message, Optional<WorkOrderId> workOrder, Instant createdAt) {
            this.id = id;
            this.message = message;
            this.workOrder = workOrder;
            this.createdAt = createdAt;
            this.nextAttemptAt = createdAt;
        }

        /** Like the table's due_key: due, and not leased. */
        Instant dueKey() {
            return claimedUntil == null || claimedUntil.isBefore(nextAttemptAt) ? nextAttemptAt : claimedUntil;
        }
    }

    private Optional<Row> row(long id) {
        return rows.stream().filter(r -> r.id == id).findFirst();
    }

    @Override
    public synchronized void enqueue(Optional<WorkOrderId> workOrderId, List<OutboxMessage> messages) {
        Instant now = clock.instant();
        for (OutboxMessage m : messages) {
            if (rows.stream().noneMatch(r -> r.message.dedupeKey().equals(m.dedupeKey()))) {
                rows.add(new Row(nextId++, m, workOrderId, now));
            }
        }
    }

    @Override
    public synchronized List<OutboxEntry> claimDue(Instant now, int limit, Duration lease,
                                                   Set<String> skipKinds) {
        List<Row> due = rows.stream().filter(r -> r.state.equals("PENDING") && !r.dueKey().isAfter(now)
                && !skipKinds.contains(r.message.kind()))
                .sorted(Comparator.comparing(Row::dueKey).thenComparingLong(r -> r.id)).limit(limit).toList();
        List<OutboxEntry> out = new ArrayList<>();
        for (Row r : due) {
            r.claimedUntil = now.plus(lease);
            r.attempts++;
            out.add(new OutboxEntry(r.id, r.message, r.workOrder, r.attempts, r.createdAt));
        }
        return out;
    }

    @Override
    public synchronized List<OutboxEntry> claimKeys(java.util.Collection<String> dedupeKeys, Instant now,
                                                    Duration lease) {
        List<OutboxEntry> out = new ArrayList<>();
        for (Row r : rows) {
            if (r.state.equals("PENDING") && !r.dueKey().isAfter(now) && dedupeKeys.contains(r.message.dedupeKey())) {
                r.claimedUntil = now.plus(lease);
                r.attempts++;
                out.add(new OutboxEntry(r.id, r.message, r.workOrder, r.attempts, r.createdAt));
            }
        }
        return out;
    }

    @Override
    public synchronized void markDone(long id, Instant at) {
        row(id).ifPresent(r -> {
            r.state = "DONE";
            r.claimedUntil = null;
            r.lastError = null;
        });
    }

    @Override
    public synchronized void retryLater(long id, Instant nextAttemptAt, String error) {
        row(id).ifPresent(r -> {
            r.nextAttemptAt = nextAttemptAt;
            r.claimedUntil = null;
            r.lastError = error;
        });
    }

    @Override
    public synchronized void markFailed(long id, Instant at, String error) {
        row(id).ifPresent(r -> {
            r.state = "FAILED";
            r.claimedUntil = null;
            r.lastError = error;
        });
    }

    @Override
    public synchronized void park(long id, String why) {
        row(id).ifPresent(r -> {
            r.state = "PARKED";
            r.claimedUntil = null;
            r.attempts = Math.max(r.attempts - 1, 0);
            r.lastError = why;
        });
    }

    @Override
    public synchronized int unpark(Set<String> kinds, Instant now) {
        int n = 0;
        for (Row r : rows) {
            if (r.state.equals("PARKED") && kinds.contains(r.message.kind())) {
                r.state = "PENDING";
                r.nextAttemptAt = now;
                n++;
            }
        }
        return n;
    }

    @Override
    public synchronized Map<String, Integer> parked() {
        Map<String, Integer> out = new TreeMap<>();
        rows.stream().filter(r -> r.state.equals("PARKED")).forEach(r -> out.merge(r.message.kind(), 1, Integer::sum));
        return out;
    }

    @Override
    public synchronized Optional<Instant> nextDue() {
        return rows.stream().filter(r -> r.state.equals("PENDING")).map(Row::dueKey).min(Comparator.naturalOrder());
    }

    @Override
    public synchronized Optional<OutboxStatus> status(String dedupeKey) {
        return rows.stream().filter(r -> r.message.dedupeKey().equals(dedupeKey)).findFirst()
                .map(r -> new OutboxStatus(r.id, r.state, r.attempts, Optional.ofNullable(r.lastError)));
    }
}
