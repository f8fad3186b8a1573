package org.hotline81890.gateway.storage.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.gateway.workorder.Deadlines;
import org.hotline81890.gateway.workorder.InMemoryWorkOrderStore;
import org.hotline81890.gateway.workorder.NewWorkOrder;
import org.hotline81890.gateway.workorder.Priority;
import org.hotline81890.gateway.workorder.RequestType;
import org.hotline81890.gateway.workorder.StorageUnavailableException;
import org.hotline81890.gateway.workorder.WorkOrderState;
import org.hotline81890.gateway.workorder.WorkOrderStore;
import org.junit.jupiter.api.Test;

class GroupCommitWorkOrderStoreTest {
    private final InMemoryWorkOrderStore store = new InMemoryWorkOrderStore(Clock.systemUTC());
    private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();

    private static NewWorkOrder order(String key) {
        return new NewWorkOrder(key, Channel.SMS, "8613800001111", RequestType.HELP, "t", java.util.Optional.empty(),
                org.hotline81890.gateway.workorder.Area.UNKNOWN, Priority.NORMAL, Deadlines.NONE,
                WorkOrderState.RECEIVED);
    }

    @Test
    void concurrentCreatesShareBatchesAndEachGetsItsOwnResult() throws Exception {
        try (GroupCommitWorkOrderStore group = new GroupCommitWorkOrderStore(store, batch -> {
            batchSizes.add(batch.size());
            return batch.stream().map(p -> store.create(p.order(), p.events(), p.effects())).toList();
        }, Duration.ofMillis(20), 500, 1, Duration.ofSeconds(30));
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<WorkOrderStore.Created>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String key = "k" + (i % 100);
                results.add(pool.submit(() -> group.create(order(key), List.of(), w -> List.of())));
            }
            long fresh = 0;
            for (Future<WorkOrderStore.Created> f : results) {
                fresh += f.get().fresh() ? 1 : 0;
            }
            assertThat(fresh).isEqualTo(100);
            assertThat(batchSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(200);
            assertThat(batchSizes.size()).isLessThan(200);
            assertThat(group.findByIdempotencyKey("k1")).isEmpty();
        }
    }

    /** Stores each batch in {@code store}, but only once {@code release} is counted down (a slow database). */
    private GroupCommitWorkOrderStore.BatchCreate storesOnceReleased(CountDownLatch release) {
        return batch -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return batch.stream().map(p -> store.create(p.order(), p.events(), p.effects())).toList();
        };
    }

    @Test
    void aCallerWhoseBatchOutlastsTheCommitTimeoutIsToldStorageIsUnavailable() {
        CountDownLatch release = new CountDownLatch(1);
        try (GroupCommitWorkOrderStore group = new GroupCommitWorkOrderStore(store, storesOnceReleased(release),
                Duration.ZERO, 10, 1,
                Duration.ofMillis(200))) {
            assertThatThrownBy(() -> group.create(order("slow"), List.of(), w -> List.of()))
                    .isInstanceOf(StorageUnavailableException.class).hasMessageContaining("PT0.2S");
            release.countDown();
        }
        assertThat(store.findByIdempotencyKey("slow")).as("the batch still commits; a retry finds it").isPresent();
    }

    @Test
    void aCallerStillQueuedBehindASlowBatchAfterTheCommitTimeoutIsToldStorageIsUnavailable() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (GroupCommitWorkOrderStore group = new GroupCommitWorkOrderStore(store, storesOnceReleased(release),
                Duration.ZERO, 1, 1,
                Duration.ofMillis(200))) {
            AtomicReference<Throwable> firstFailure = new AtomicReference<>();
            Thread first = Thread.ofVirtual().start(() -> {
                try {
                    group.create(order("first"), List.of(), w -> List.of());
                } catch (RuntimeException e) {
                    firstFailure.set(e);
                }
            });
            Thread.sleep(50);
            long start = System.nanoTime();
            assertThatThrownBy(() -> group.create(order("queued"), List.of(), w -> List.of()))
                    .isInstanceOf(StorageUnavailableException.class).hasMessageContaining("PT0.2S");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            release.countDown();
            first.join();
            assertThat(firstFailure.get()).as("in its batch past the timeout too")
                    .isInstanceOf(StorageUnavailableException.class);
        }
        assertThat(store.findByIdempotencyKey("queued")).as("failed while queued: never stored").isEmpty();
    }

    @Test
    void aFailedBatchFailsEveryCallerWithTheSameException() {
        try (GroupCommitWorkOrderStore group = new GroupCommitWorkOrderStore(store, batch -> {
            throw new StorageUnavailableException("down", null);
        }, Duration.ZERO, 10, 1, Duration.ofSeconds(30))) {
            assertThatThrownBy(() -> group.create(order("x"), List.of(), w -> List.of()))
                    .isInstanceOf(StorageUnavailableException.class);
        }
    }
}
