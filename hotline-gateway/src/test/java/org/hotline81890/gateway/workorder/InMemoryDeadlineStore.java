package org.hotline81890.gateway.workorder;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A {@link DeadlineStore} in memory for tests, held to {@link DeadlineStoreContract} like the MariaDB one. */
public final class InMemoryDeadlineStore implements DeadlineStore {
    private final List<Row> rows = new ArrayList<>();
    private long nextId = 1;

    private static final class Row {
        final DueDeadline deadline;
        boolean pending = true;
        Instant claimedUntil;

        Row(DueDeadline deadline) {
            this.deadline = deadline;
        }

        /** Like the table's due_key: due, and not leased. */
        Instant dueKey() {
            return claimedUntil == null || claimedUntil.isBefore(deadline.dueAt()) ? deadline.dueAt() : claimedUntil;
        }
    }

    @Override
    public synchronized long arm(String subjectType, long subjectId, String kind, Instant dueAt) {
        long id = nextId++;
        rows.add(new Row(new DueDeadline(id, subjectType, subjectId, kind, dueAt)));
        return id;
    }

    @Override
    public synchronized void cancel(String subjectType, long subjectId, String kind) {
        rows.stream().filter(r -> r.pending && r.deadline.subjectType().equals(subjectType)
                        && r.deadline.subjectId() == subjectId && r.deadline.kind().equals(kind))
                .forEach(r -> r.pending = false);
    }

    @Override
    public synchronized List<DueDeadline> claimDue(Instant now, int limit, Duration lease) {
        List<Row> due = rows.stream().filter(r -> r.pending && !r.dueKey().isAfter(now))
                .sorted(Comparator.comparing(Row::dueKey).thenComparing(r -> r.deadline.id())).limit(limit).toList();
        due.forEach(r -> r.claimedUntil = now.plus(lease));
        return due.stream().map(r -> r.deadline).toList();
    }

    @Override
    public synchronized void markFired(long id, Instant at) {
        rows.stream().filter(r -> r.deadline.id() == id).forEach(r -> {
            r.pending = false;
            r.claimedUntil = null;
        });
    }

    @Override
    public synchronized Optional<Instant> nextDue() {
        return rows.stream().filter(r -> r.pending).map(Row::dueKey).min(Comparator.naturalOrder());
    }
}
