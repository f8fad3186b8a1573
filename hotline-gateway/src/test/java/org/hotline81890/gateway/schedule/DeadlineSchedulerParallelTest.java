package org.hotline81890.gateway.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.hotline81890.gateway.testing.Eventually;
import org.hotline81890.gateway.workorder.DeadlineStore;
import org.junit.jupiter.api.Test;

/**
 * Found by the simulated day (20,000 at 60x): the scheduler fired one deadline at a time, so when thousands fell due
 * together (held orders at 08:00, offers' answer windows at the peak) it fell up to 10.8 simulated hours behind, each
 * handler waiting on the database in turn. Due deadlines now fire in parallel with a bound, one subject's in order.
 * The clock is fixed (injected): nothing here depends on the hour or on how fast the machine is.
 */
class DeadlineSchedulerParallelTest {
    private static final Instant NOW = Instant.parse("2026-12-05T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void dueDeadlinesOfDifferentSubjectsShouldFireAtTheSameTime() throws InterruptedException {
        MemoryDeadlines store = new MemoryDeadlines();
        for (long order = 1; order <= 4; order++) {
            store.arm("hold", order, "OFFER_AT", NOW.minusSeconds(1));
        }
        CountDownLatch allFiring = new CountDownLatch(4);
        Map<String, DeadlineHandler> handlers = Map.of("hold", d -> {
            allFiring.countDown();
            await(allFiring); // each handler waits on the others, as handlers wait on the database
        });
        try (DeadlineScheduler scheduler = new DeadlineScheduler(store, handlers, Duration.ofMillis(50),
                Duration.ofMinutes(1), CLOCK, 4).start()) {
            assertThat(allFiring.await(WAIT.toSeconds(), TimeUnit.SECONDS))
                    .as("four due deadlines firing at once (one at a time, the first waits for ever)").isTrue();
            Eventually.waitFor("all four marked fired", WAIT, () -> store.fired().size() == 4);
        }
    }

    @Test
    void noMoreThanTheBoundShouldFireAtOnce() {
        MemoryDeadlines store = new MemoryDeadlines();
        for (long order = 1; order <= 40; order++) {
            store.arm("offer", order, "ACCEPT_BY", NOW.minusSeconds(1));
        }
        AtomicInteger firing = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Map<String, DeadlineHandler> handlers = Map.of("offer", d -> {
            most.accumulateAndGet(firing.incrementAndGet(), Math::max);
            sleepABit();
            firing.decrementAndGet();
        });
        try (DeadlineScheduler scheduler = new DeadlineScheduler(store, handlers, Duration.ofMillis(50),
                Duration.ofMinutes(1), CLOCK, 3).start()) {
            Eventually.waitFor("all 40 fired", WAIT, () -> store.fired().size() == 40);
        }
        assertThat(most.get()).isBetween(1, 3);
    }

    @Test
    void oneSubjectsDeadlinesShouldFireOneAfterTheOtherInDueOrder() {
        MemoryDeadlines store = new MemoryDeadlines();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(store.arm("offer", 7, "K" + i, NOW.minusSeconds(10 - i)));
        }
        for (long other = 100; other < 110; other++) {
            store.arm("offer", other, "ACCEPT_BY", NOW.minusSeconds(20));
        }
        List<Long> order = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger ofSevenFiring = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        Map<String, DeadlineHandler> handlers = Map.of("offer", d -> {
            if (d.subjectId() == 7) {
                if (ofSevenFiring.incrementAndGet() > 1) {
                    overlaps.incrementAndGet();
                }
                sleepABit();
                order.add(d.id());
                ofSevenFiring.decrementAndGet();
            }
        });
        try (DeadlineScheduler scheduler = new DeadlineScheduler(store, handlers, Duration.ofMillis(50),
                Duration.ofMinutes(1), CLOCK, 8).start()) {
            Eventually.waitFor("all 15 fired", WAIT, () -> store.fired().size() == 15);
        }
        assertThat(overlaps).hasValue(0);
        assertThat(order).containsExactlyElementsOf(ids);
    }

    @Test
    void aDeadlineClaimedAgainWhileItIsStillFiringShouldNotFireTwice() throws InterruptedException {
        MemoryDeadlines store = new MemoryDeadlines();
        store.arm("offer", 1, "ACCEPT_BY", NOW.minusSeconds(1));
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        AtomicInteger fired = new AtomicInteger();
        Map<String, DeadlineHandler> handlers = Map.of("offer", d -> {
            fired.incrementAndGet();
            started.countDown();
            await(release);
        });
        // A lease of zero: every round claims the deadline again while its first firing is still under way.
        DeadlineScheduler scheduler = new DeadlineScheduler(store, handlers, Duration.ofHours(1), Duration.ZERO,
                CLOCK, 4);
        try {
            scheduler.round();
            assertThat(started.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 5; i++) {
                scheduler.round();
            }
            release.countDown();
            // its mark rides with a later round's claim (ADR 0052), which must not claim it a second time either
            Eventually.waitFor("fired", WAIT, () -> {
                scheduler.round();
                return store.fired().size() == 1;
            });
        } finally {
            release.countDown();
            scheduler.close();
        }
        assertThat(fired).hasValue(1);
    }

    /**
     * A firing's mark rides with the next round's claim (ADR 0052): no commit of its own per deadline. Every one of
     * forty fired is marked, all by the rounds' claims.
     */
    @Test
    void firedDeadlinesShouldBeMarkedWithTheNextRoundsClaimAndNotEachOnItsOwn() {
        MemoryDeadlines store = new MemoryDeadlines();
        for (long order = 1; order <= 40; order++) {
            store.arm("offer", order, "ACCEPT_BY", NOW.minusSeconds(1));
        }
        Map<String, DeadlineHandler> handlers = Map.of("offer", d -> sleepABit());
        try (DeadlineScheduler scheduler = new DeadlineScheduler(store, handlers, Duration.ofMillis(50),
                Duration.ofMinutes(1), CLOCK, 8).start()) {
            Eventually.waitFor("all 40 marked fired", WAIT, () -> store.fired().size() == 40);
        }
        assertThat(store.markedAlone.get()).as("marks written on their own").isZero();
        assertThat(store.markedWithClaims.get()).as("rounds that carried marks").isPositive();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepABit() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Deadlines in a list, claimed with a lease on the clock, in due order like the database's claim. */
    private static final class MemoryDeadlines implements DeadlineStore {
        private final class Row {
            final DueDeadline due;
            Instant claimedUntil;
            boolean fired;

            Row(DueDeadline due) {
                this.due = due;
            }
        }

        private final List<Row> rows = new ArrayList<>();

        @Override
        public synchronized long arm(String subjectType, long subjectId, String kind, Instant dueAt) {
            long id = rows.size() + 1L;
            rows.add(new Row(new DueDeadline(id, subjectType, subjectId, kind, dueAt)));
            return id;
        }

        @Override
        public void cancel(String subjectType, long subjectId, String kind) {
            throw new UnsupportedOperationException();
        }

        @Override
        public synchronized List<DueDeadline> claimDue(Instant now, int limit, Duration lease) {
            List<DueDeadline> out = new ArrayList<>();
            rows.stream().filter(r -> !r.fired && !r.due.dueAt().isAfter(now)
                            && (r.claimedUntil == null || !r.claimedUntil.isAfter(now)))
                    .sorted(Comparator.comparing((Row r) -> r.due.dueAt()).thenComparing(r -> r.due.id()))
                    .limit(limit).forEach(r -> {
                        r.claimedUntil = now.plus(lease);
                        out.add(r.due);
                    });
            return out;
        }

        final AtomicInteger markedAlone = new AtomicInteger();
        final AtomicInteger markedWithClaims = new AtomicInteger();

        @Override
        public synchronized void markFired(long id, Instant at) {
            markedAlone.incrementAndGet();
            rows.get((int) id - 1).fired = true;
        }

        @Override
        public synchronized List<DueDeadline> settleAndClaim(List<Long> fired, Instant now, int limit,
                                                             Duration lease) {
            if (!fired.isEmpty()) {
                markedWithClaims.incrementAndGet();
            }
            fired.forEach(id -> rows.get(id.intValue() - 1).fired = true);
            return claimDue(now, limit, lease);
        }

        @Override
        public synchronized Optional<Instant> nextDue() {
            return rows.stream().filter(r -> !r.fired).map(r -> r.claimedUntil != null && r.claimedUntil
                    .isAfter(r.due.dueAt()) ? r.claimedUntil : r.due.dueAt()).min(Comparator.naturalOrder());
        }

        synchronized List<Long> fired() {
            return rows.stream().filter(r -> r.fired).map(r -> r.due.id()).toList();
        }
    }
}
