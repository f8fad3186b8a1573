package org.hotline81890.gateway.storage.mysql;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

import org.hotline81890.gateway.concurrent.QueueBatches;
import org.hotline81890.gateway.diagnostics.StageTimes;
import org.hotline81890.gateway.storage.mysql.MySqlWorkOrderStore.PendingCreate;
import org.hotline81890.gateway.workorder.EventDraft;
import org.hotline81890.gateway.workorder.NewWorkOrder;
import org.hotline81890.gateway.workorder.OutboxMessage;
import org.hotline81890.gateway.workorder.StorageUnavailableException;
import org.hotline81890.gateway.workorder.TicketNumber;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderEvent;
import org.hotline81890.gateway.workorder.WorkOrderId;
import org.hotline81890.gateway.workorder.WorkOrderState;
import org.hotline81890.gateway.workorder.WorkOrderStore;

/**
 * Group commit for SMS intake: a {@link WorkOrderStore} whose {@link #create} waits for a shared transaction.
 * Callers (one virtual thread per deliver_sm) queue their order; committer threads take what is queued (waiting up
 * to {@code maxWait} for more, at most {@code maxBatch}) and store it in one transaction with {@code batchCreate}.
 * Each caller returns only after that commit, so "commit before acknowledging" holds message by message.
 * <p>A caller waits at most {@code commitTimeout}: one watchdog thread fails the jobs still queued or in a batch
 * after it (no timer per caller in the virtual-thread scheduler).
 * <p>{@link #findByIdempotencyKey} answers "not known" without a query: {@link
 * org.hotline81890.gateway.workorder.Intake} asks before creating, and the batch itself returns the order already
 * stored under a key ({@code fresh == false}), which Intake reports as Duplicate. Everything else is delegated.
 */
public final class GroupCommitWorkOrderStore implements WorkOrderStore, AutoCloseable {
    private static final Duration FIRST_WAIT = Duration.ofMillis(100);
    /** Stores a batch in one transaction, results in batch order (e.g. MySqlWorkOrderStore::createAll). */
    @FunctionalInterface
    public interface BatchCreate {
        List<Created> createAll(List<PendingCreate> batch);
    }

    /** One queued order; the times are for {@link StageTimes} only. */
    private record Job(PendingCreate pending, CompletableFuture<Created> done, long queuedAt, long[] completedAt) {
        Job(PendingCreate pending) {
            this(pending, new CompletableFuture<>(), System.nanoTime(), new long[1]);
        }
    }

    private final WorkOrderStore delegate;
    private final BatchCreate batchCreate;
    private final Duration maxWait;
    private final int maxBatch;
    private final Duration commitTimeout;
    private final LinkedBlockingQueue<Job> queue = new LinkedBlockingQueue<>();
    /** The batch each committer is storing (null when none), for the watchdog. */
    private final AtomicReferenceArray<List<Job>> inFlight;
    private final List<Thread> committers = new ArrayList<>();
    private final Thread watchdog;
    private volatile boolean running = true;

    /**
     * {@code commitTimeout} bounds each caller's wait for its batch: past it the caller gets
     * {@link StorageUnavailableException} (the SMSC is told to retry) even if the batch commits later, which the
     * retry then finds by its key.
     */
    public GroupCommitWorkOrderStore(WorkOrderStore delegate, BatchCreate batchCreate, Duration maxWait, int maxBatch,
                            int committerThreads, Duration commitTimeout) {
        this.delegate = delegate;
        this.batchCreate = batchCreate;
        this.maxWait = maxWait;
        this.maxBatch = maxBatch;
        this.commitTimeout = commitTimeout;
        this.inFlight = new AtomicReferenceArray<>(committerThreads);
        for (int i = 0; i < committerThreads; i++) {
            int slot = i;
            // Platform threads: a committer is on every message's path and must not queue for a carrier behind
            // hundreds of handler virtual threads.
            committers.add(Thread.ofPlatform().daemon().name("sms-group-commit-" + i).start(() -> commitLoop(slot)));
        }
        watchdog = Thread.ofPlatform().daemon().name("sms-group-commit-watchdog").start(this::watch);
    }

    @Override
    public Created create(NewWorkOrder order, List<EventDraft> events,
                          Function<WorkOrder, List<OutboxMessage>> effects) {
        if (!running) {
            throw new IllegalStateException("group commit closed");
        }
        Job job = new Job(new PendingCreate(order, events, effects));
        queue.add(job);
        try {
            Created created = job.done().get();
            StageTimes.since(StageTimes.Stage.WAKEUP, job.completedAt()[0]);
            return created;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageUnavailableException("interrupted while waiting for the group commit", e);
        }
    }

    /** Fails every job queued or in a batch for longer than the commit timeout (a later commit cannot undo that). */
    private void watch() {
        long timeout = commitTimeout.toNanos();
        long every = Math.clamp(commitTimeout.toMillis() / 10, 1, 100);
        while (running) {
            try {
                Thread.sleep(every);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (Job j : queue) {
                if (now - j.queuedAt() > timeout && queue.remove(j)) {
                    late(j);
                }
            }
            for (int i = 0; i < inFlight.length(); i++) {
                List<Job> batch = inFlight.get(i);
                if (batch != null) {
                    batch.stream().filter(j -> now - j.queuedAt() > timeout).forEach(this::late);
                }
            }
        }
    }

    private void late(Job j) {
        j.done().completeExceptionally(new StorageUnavailableException("group commit not done within "
                + commitTimeout, null));
    }

    private void commitLoop(int slot) {
        while (running) {
            List<Job> batch = nextBatch();
            if (batch.isEmpty()) {
                continue;
            }
            List<PendingCreate> pending = batch.stream().map(Job::pending).toList();
            long taken = System.nanoTime();
            batch.forEach(j -> StageTimes.since(StageTimes.Stage.QUEUED, j.queuedAt()));
            StageTimes.record(StageTimes.Stage.BATCH_SIZE, batch.size());
            inFlight.set(slot, batch);
            try {
                List<Created> results = createWithOneRetry(pending);
                StageTimes.since(StageTimes.Stage.COMMIT, taken);
                long now = System.nanoTime();
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).completedAt()[0] = now;
                    batch.get(i).done().complete(results.get(i));
                }
            } catch (RuntimeException e) {
                batch.forEach(j -> j.done().completeExceptionally(e));
            } finally {
                inFlight.set(slot, null);
            }
        }
    }

    /**
     * A pooled connection the database dropped (restart, network) fails once and is evicted; one immediate retry on
     * a fresh connection saves the whole batch a round of SMSC redeliveries. Safe: a batch that did commit is found
     * by its keys the second time (fresh == false).
     */
    private List<Created> createWithOneRetry(List<PendingCreate> pending) {
        try {
            return batchCreate.createAll(pending);
        } catch (StorageUnavailableException e) {
            return batchCreate.createAll(pending);
        }
    }

    private List<Job> nextBatch() {
        try {
            return QueueBatches.next(queue, maxBatch, FIRST_WAIT, maxWait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
            return List.of();
        }
    }

    @Override
    public WorkOrder update(WorkOrderId id, Function<WorkOrder, Optional<Change>> change) {
        return delegate.update(id, change);
    }

    @Override
    public Optional<WorkOrder> find(WorkOrderId id) {
        return delegate.find(id);
    }

    @Override
    public Optional<WorkOrder> findByTicket(TicketNumber ticket) {
        return delegate.findByTicket(ticket);
    }

    @Override
    public Optional<WorkOrder> findByIdempotencyKey(String key) {
        return Optional.empty();
    }

    @Override
    public Optional<WorkOrder> findByIdempotencyKeyPrefix(String prefix) {
        return delegate.findByIdempotencyKeyPrefix(prefix);
    }

    @Override
    public List<WorkOrderEvent> history(WorkOrderId id) {
        return delegate.history(id);
    }

    @Override
    public List<WorkOrder> listByState(WorkOrderState state, int limit) {
        return delegate.listByState(state, limit);
    }

    @Override
    public List<WorkOrder> listByCaller(String callerNumber, int limit) {
        return delegate.listByCaller(callerNumber, limit);
    }

    @Override
    public void close() {
        running = false;
        watchdog.interrupt();
        QueueBatches.drainAfter(committers, queue,
                left -> left.done().completeExceptionally(new IllegalStateException("group commit closed")));
    }
}
