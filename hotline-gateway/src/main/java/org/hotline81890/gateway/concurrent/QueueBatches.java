package org.hotline81890.gateway.concurrent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The batch a group-commit writer takes from its queue: it waits up to {@code firstWait} for one item, takes what is
 * queued behind it, and, for up to {@code linger} after the first, what arrives meanwhile; never more than
 * {@code max}. Shared by the SMS journal's appender (no linger: an ack must not wait for company) and the order
 * store's group commit (a short linger makes bigger batches under a flood).
 */
public final class QueueBatches {

    private QueueBatches() {
    }

    /** The next batch, empty when nothing came within {@code firstWait}. */
    public static <T> List<T> next(BlockingQueue<T> queue, int max, Duration firstWait, Duration linger)
            throws InterruptedException {
        List<T> batch = new ArrayList<>();
        T first = queue.poll(firstWait.toNanos(), TimeUnit.NANOSECONDS);
        if (first == null) {
            return batch;
        }
        batch.add(first);
        queue.drainTo(batch, max - 1);
        long deadline = System.nanoTime() + linger.toNanos();
        while (batch.size() < max) {
            long left = deadline - System.nanoTime();
            T more = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
            if (more == null) {
                break;
            }
            batch.add(more);
            queue.drainTo(batch, max - batch.size());
        }
        return batch;
    }

    /** After the writers were told to stop: waits up to 5 s for each, then gives what is queued to {@code left}. */
    public static <T> void drainAfter(List<Thread> writers, BlockingQueue<T> queue, Consumer<T> left) {
        for (Thread t : writers) {
            try {
                t.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        T item;
        while ((item = queue.poll()) != null) {
            left.accept(item);
        }
    }
}
