package org.hotline81890.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.hotline81890.gateway.sms.AcceptedPart;
import org.hotline81890.gateway.sms.DeliveryReceipt;
import org.hotline81890.gateway.sms.SubmissionLog;
import org.junit.jupiter.api.Test;

class GroupedSubmissionsTest {

    /** Stores parts in memory; each write waits on a gate first, like a round trip, and can be made to fail. */
    private static final class SlowLog implements SubmissionLog {
        final Map<Long, Map<Integer, String>> rows = new ConcurrentHashMap<>();
        final AtomicInteger writes = new AtomicInteger();
        final CountDownLatch firstWriteGate = new CountDownLatch(1);
        volatile boolean failing;

        @Override
        public Map<Integer, String> accepted(long outboxId) {
            return new TreeMap<>(rows.getOrDefault(outboxId, Map.of()));
        }

        @Override
        public void recordAccepted(long outboxId, int partNo, int parts, String messageId, String destination) {
            recordAllAccepted(List.of(new AcceptedPart(outboxId, partNo, parts, messageId, destination)));
        }

        @Override
        public void recordAllAccepted(List<AcceptedPart> parts) {
            if (writes.incrementAndGet() == 1) {
                await(firstWriteGate);
            }
            if (failing) {
                throw new IllegalStateException("storage down");
            }
            parts.forEach(p -> rows.computeIfAbsent(p.outboxId(), k -> new ConcurrentHashMap<>())
                    .put(p.partNo(), p.messageId()));
        }

        @Override
        public int applyReceipt(DeliveryReceipt receipt) {
            return 0;
        }
    }

    @Test
    void everyCallReturnsAfterItsPartIsStoredAndConcurrentCallsShareWrites() throws Exception {
        SlowLog target = new SlowLog();
        GroupedSubmissions log = new GroupedSubmissions(target);
        int n = 200;
        AtomicInteger started = new AtomicInteger();
        List<Future<?>> calls = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                long row = i;
                calls.add(pool.submit(() -> {
                    started.incrementAndGet();
                    log.recordAccepted(row, 1, 1, "m" + row, "8613800000000");
                    // returned: the part must be stored already
                    assertThat(target.accepted(row)).containsEntry(1, "m" + row);
                }));
            }
            // the first write is held until every caller has started (and queued behind it)
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while ((started.get() < n || target.writes.get() == 0) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            target.firstWriteGate.countDown();
            for (Future<?> f : calls) {
                f.get(10, TimeUnit.SECONDS);
            }
        }
        for (long i = 0; i < n; i++) {
            assertThat(target.accepted(i)).containsExactly(Map.entry(1, "m" + i));
        }
        assertThat(target.writes.get()).isLessThan(n / 2);
    }

    @Test
    void aFailedWriteIsReportedToItsCallers() {
        SlowLog target = new SlowLog();
        target.firstWriteGate.countDown();
        target.failing = true;
        GroupedSubmissions log = new GroupedSubmissions(target);
        assertThatThrownBy(() -> log.recordAccepted(5, 1, 1, "m5", "8613800000000"))
                .hasRootCauseMessage("storage down");
        target.failing = false;
        log.recordAccepted(5, 1, 1, "m5", "8613800000000");
        assertThat(log.accepted(5)).containsExactly(Map.entry(1, "m5"));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
