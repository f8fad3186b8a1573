package org.hotline81890.gateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderId;
import org.hotline81890.gateway.workorder.WorkOrderStore;
import org.hotline81890.gateway.workorder.WorkOrderStoreContract;
import org.junit.jupiter.api.Test;

/** What every {@link OfferLocks} must do; run on the in-memory fake and on MariaDB. */
public interface OfferLocksContract {
    OfferLocks locks();

    /** Where the work orders the locks guard are stored. */
    WorkOrderStore store();

    private WorkOrder aWorkOrder() {
        return store().create(WorkOrderStoreContract.order("sms:" + UUID.randomUUID(), "13800001111"),
                WorkOrderStoreContract.received(), w -> List.of()).workOrder();
    }

    @Test
    default void theWorkSeesTheWorkOrderAsStoredOrNothingWhenThereIsNone() {
        WorkOrder w = aWorkOrder();

        Optional<WorkOrder> seen = locks().withWorkOrder(w.id(), held -> held);
        Optional<WorkOrder> none = locks().withWorkOrder(new WorkOrderId(Long.MAX_VALUE - 7), held -> held);
        assertThat(seen).contains(w);
        assertThat(none).isEmpty();
        assertThat(locks().withLock(Long.toString(w.id().value()), () -> "decided")).isEqualTo("decided");
    }

    @Test
    default void twoDecisionsAboutOneWorkOrderNeverOverlap() throws Exception {
        WorkOrder w = aWorkOrder();
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                runs.add(pool.submit(() -> locks().withWorkOrder(w.id(), held -> {
                    most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    try {
                        Thread.sleep(15);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    inside.decrementAndGet();
                    return held;
                })));
            }
            for (Future<?> f : runs) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(most.get()).as("decisions inside the lock at once").isEqualTo(1);
    }

    @Test
    default void aLockTakenInsideOneTransactionOrAgainInsideItselfDoesNotWaitForItself() {
        WorkOrder w = aWorkOrder();

        Optional<WorkOrder> inner = locks().inOneTransaction(() -> locks().withWorkOrder(w.id(),
                outer -> locks().withWorkOrder(w.id(), again -> again)));
        assertThat(inner).contains(w);
    }

    @Test
    default void aDecisionThatFailsReleasesTheLock() {
        WorkOrder w = aWorkOrder();

        assertThatThrownBy(() -> locks().withWorkOrder(w.id(), held -> {
            throw new IllegalStateException("the decision failed");
        })).satisfies(e -> assertThat(Stream.iterate(e, Objects::nonNull, Throwable::getCause)
                .map(Throwable::getMessage)).contains("the decision failed"));
        Optional<WorkOrder> after = locks().withWorkOrder(w.id(), held -> held);
        assertThat(after).contains(w);
    }
}
