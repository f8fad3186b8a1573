package org.hotline81890.gateway.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hotline81890.gateway.sms.AcceptedPart;
import org.hotline81890.gateway.sms.DeliveryReceipt;
import org.hotline81890.gateway.sms.SubmissionLog;

/**
 * A {@link SubmissionLog} that writes the accepted parts of concurrent deliveries together: the caller that finds
 * no write in progress writes every part queued so far in one statement ({@link SubmissionLog#recordAllAccepted});
 * the others wait for the write that carries their part. Each call still returns only after its part is stored (or
 * throws if that write failed), so the send-once guarantee is the same as one INSERT per part; under load it is one
 * round trip for many replies instead of one each. A lone call writes at once (no timer).
 */
public final class GroupedSubmissions implements SubmissionLog {
    private static final int MAX_GROUP = 500;
    private static final long POLL_MICROS = 2_000;

    private record Pending(AcceptedPart part, CompletableFuture<Void> stored) {
    }

    private final SubmissionLog target;
    private final ConcurrentLinkedQueue<Pending> queued = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writing = new AtomicBoolean();

    public GroupedSubmissions(SubmissionLog target) {
        this.target = Objects.requireNonNull(target, "target");
    }

    @Override
    public Map<Integer, String> accepted(long outboxId) {
        return target.accepted(outboxId);
    }

    @Override
    public void recordAccepted(long outboxId, int partNo, int parts, String messageId, String destination) {
        Pending mine = new Pending(new AcceptedPart(outboxId, partNo, parts, messageId, destination),
                new CompletableFuture<>());
        queued.add(mine);
        while (!mine.stored().isDone()) {
            if (writing.compareAndSet(false, true)) {
                try {
                    writeQueued();
                } finally {
                    writing.set(false);
                }
            } else {
                awaitBriefly(mine.stored());
            }
        }
        mine.stored().join();
    }

    @Override
    public void recordAllAccepted(List<AcceptedPart> parts) {
        target.recordAllAccepted(parts);
    }

    @Override
    public int applyReceipt(DeliveryReceipt receipt) {
        return target.applyReceipt(receipt);
    }

    private void writeQueued() {
        List<Pending> group = new ArrayList<>();
        for (Pending p = queued.poll(); p != null; p = queued.poll()) {
            group.add(p);
            if (group.size() == MAX_GROUP) {
                write(group);
                group = new ArrayList<>();
            }
        }
        write(group);
    }

    private void write(List<Pending> group) {
        if (group.isEmpty()) {
            return;
        }
        try {
            target.recordAllAccepted(group.stream().map(Pending::part).toList());
            group.forEach(p -> p.stored().complete(null));
        } catch (RuntimeException e) {
            group.forEach(p -> p.stored().completeExceptionally(e));
        }
    }

    /** Waits for the write in progress; a bounded wait, so a part queued just after a writer's last poll is not
     * left behind: its caller wakes and writes it. */
    private static void awaitBriefly(CompletableFuture<Void> stored) {
        try {
            stored.get(POLL_MICROS, TimeUnit.MICROSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // loop: either written meanwhile (join reports a failure) or still queued
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while recording an accepted SMS part", e);
        }
    }
}
