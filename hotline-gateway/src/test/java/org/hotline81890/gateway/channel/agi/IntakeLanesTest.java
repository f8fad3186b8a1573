package org.hotline81890.gateway.channel.agi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.hotline81890.gateway.workorder.StorageUnavailableException;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class IntakeLanesTest {

    @Test
    void runsOnPlatformThreadsAtMostLanesAtOnceWithTheCallersMdc() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        try (IntakeLanes lanes = new IntakeLanes(3, Duration.ofSeconds(30))) {
            for (int i = 0; i < 10; i++) {
                MDC.put("callId", "call-" + i);
                results.add(lanes.submit(() -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    release.await(10, TimeUnit.SECONDS);
                    running.decrementAndGet();
                    return (Thread.currentThread().isVirtual() ? "virtual " : "platform ") + MDC.get("callId");
                }));
            }
            MDC.remove("callId");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (most.get() < 3 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            release.countDown();
            for (int i = 0; i < 10; i++) {
                assertThat(results.get(i).get(10, TimeUnit.SECONDS)).isEqualTo("platform call-" + i);
            }
        }
        assertThat(most.get()).isEqualTo(3);
    }

    @Test
    void aTaskThatQueuedLongerThanTheLaneWaitFailsAsStorageUnavailable() throws Exception {
        Duration wait = Duration.ofMillis(250);
        try (IntakeLanes lanes = new IntakeLanes(1, wait)) {
            // The lane's thread exists before the blocker is queued, so that only the late task waits.
            assertThat(lanes.submit(() -> true).get(10, TimeUnit.SECONDS)).isTrue();
            CountDownLatch lateQueued = new CountDownLatch(1);
            Future<Boolean> blocker = lanes.submit(() -> {
                lateQueued.await(10, TimeUnit.SECONDS);
                long from = System.nanoTime();
                while (System.nanoTime() - from < 2 * wait.toNanos()) {
                    Thread.onSpinWait();
                }
                return true;
            });
            Future<Boolean> late = lanes.submit(() -> true);
            lateQueued.countDown();
            assertThat(blocker.get(10, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> late.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(StorageUnavailableException.class).hasMessageContaining("lane");
            assertThat(lanes.submit(() -> true).get(10, TimeUnit.SECONDS)).isTrue();
        }
    }
}
