package org.hotline81890.partners.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.offer.WorkOrderRef;

/**
 * What every {@link HeldJobs} must do (ADR 0028); implement with a fresh, empty store per test. Run on the in-memory
 * fake ({@code InMemoryHeldJobsTest}) and on MariaDB ({@code MySqlHeldJobsIT}), so the domain's tests and the
 * hotline count held jobs alike.
 */
public interface HeldJobsContract {
    Instant SEVEN = Instant.parse("2026-12-05T23:00:00Z");
    Instant EIGHT = SEVEN.plusSeconds(3600);
    ProviderId FIRM = ProviderId.of("P-1");
    ProviderId OTHER = ProviderId.of("P-2");

    HeldJobs held();

    @Test
    default void offeredByShouldCountEachProvidersHoldsAtOrBeforeTheInstant() {
        held().hold(new WorkOrderRef("1"), FIRM, SEVEN);
        held().hold(new WorkOrderRef("2"), FIRM, SEVEN);
        held().hold(new WorkOrderRef("3"), FIRM, EIGHT);
        held().hold(new WorkOrderRef("4"), OTHER, EIGHT);

        assertThat(held().offeredBy(SEVEN.minusMillis(1))).isEmpty();
        assertThat(held().offeredBy(SEVEN)).isEqualTo(Map.of(FIRM, 2));
        assertThat(held().offeredBy(EIGHT)).isEqualTo(Map.of(FIRM, 3, OTHER, 1));
    }

    @Test
    default void aSecondHoldOfTheSameOrderShouldReplaceTheFirst() {
        held().hold(new WorkOrderRef("1"), FIRM, SEVEN);
        held().hold(new WorkOrderRef("1"), OTHER, EIGHT);

        assertThat(held().offeredBy(SEVEN)).isEmpty();
        assertThat(held().offeredBy(EIGHT)).isEqualTo(Map.of(OTHER, 1));
    }

    @Test
    default void aReleasedHoldShouldNoLongerCountAndReleasingTwiceShouldChangeNothing() {
        held().hold(new WorkOrderRef("1"), FIRM, SEVEN);
        held().hold(new WorkOrderRef("2"), FIRM, SEVEN);

        held().release(new WorkOrderRef("1"));
        held().release(new WorkOrderRef("1"));
        held().release(new WorkOrderRef("never-held"));

        assertThat(held().offeredBy(EIGHT)).isEqualTo(Map.of(FIRM, 1));
    }

    @Test
    default void exclusivelyShouldReturnTheDecisionsValue() {
        assertThat(held().exclusively(() -> "held")).isEqualTo("held");
    }

    /**
     * Two decisions at once cannot both take the last room: each counts, then holds for SEVEN while there is room
     * (capacity 5) and for EIGHT after; exactly 5 end up at SEVEN however the threads interleave.
     */
    @Test
    default void decisionsRunExclusivelyShouldNeverBothTakeTheLastRoom() throws Exception {
        int orders = 12;
        int capacity = 5;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Instant>> decisions = new ArrayList<>();
            for (int i = 0; i < orders; i++) {
                WorkOrderRef order = new WorkOrderRef(Integer.toString(100 + i));
                decisions.add(pool.submit(() -> {
                    start.await();
                    return held().exclusively(() -> {
                        int taken = held().offeredBy(SEVEN).getOrDefault(FIRM, 0);
                        Thread.yield(); // widen the window between counting and holding
                        Instant at = taken < capacity ? SEVEN : EIGHT;
                        held().hold(order, FIRM, at);
                        return at;
                    });
                }));
            }
            start.countDown();
            long atSeven = 0;
            for (Future<Instant> d : decisions) {
                if (d.get(60, TimeUnit.SECONDS).equals(SEVEN)) {
                    atSeven++;
                }
            }
            assertThat(atSeven).isEqualTo(capacity);
            assertThat(held().offeredBy(SEVEN)).isEqualTo(Map.of(FIRM, capacity));
            assertThat(held().offeredBy(EIGHT)).isEqualTo(Map.of(FIRM, orders));
        } finally {
            pool.shutdownNow();
        }
    }
}
