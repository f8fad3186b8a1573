package org.hotline81890.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.hotline81890.gateway.config.HotlineConfig;
import org.hotline81890.gateway.testing.Eventually;
import org.hotline81890.gateway.testing.ManualClock;
import org.hotline81890.gateway.workorder.InMemoryOutbox;
import org.hotline81890.gateway.workorder.OutboxEntry;
import org.hotline81890.gateway.workorder.OutboxMessage;
import org.junit.jupiter.api.Test;

/**
 * Acks first for the outbox (issue 18, ADR 0042): while the SMS journal's appends are busy the relay takes only rows
 * due for the max lag, and a delivered row is marked done with the next round's claim, not in a commit of its own.
 */
class OutboxRelayYieldTest {
    private static final HotlineConfig.OutboxRelay CFG = new HotlineConfig.OutboxRelay(Duration.ofMillis(20), 10,
            Duration.ofSeconds(30), 5, Duration.ofMillis(50), Duration.ofMillis(200));
    private static final Instant T0 = Instant.parse("2026-12-05T21:00:00Z");
    private static final Duration MAX_LAG = Duration.ofSeconds(10);

    private final ManualClock clock = new ManualClock(T0);
    private final AtomicInteger ownMarks = new AtomicInteger();
    private final InMemoryOutbox outbox = new InMemoryOutbox(clock);
    private final Set<String> delivered = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean acksBusy = new AtomicBoolean(true);

    /** A row due since before the max lag ("old") and one due now ("new"), both replies. */
    private void enqueueOldAndNew() {
        clock.set(T0.minus(MAX_LAG).minusSeconds(1));
        outbox.enqueue(Optional.empty(), List.of(sms("old")));
        clock.set(T0);
        outbox.enqueue(Optional.empty(), List.of(sms("new")));
    }

    private static OutboxMessage sms(String key) {
        return new OutboxMessage(OutboxMessage.SMS, "8613800001111", "【81890】您的诉求已受理", key);
    }

    private OutboxRelay relay() {
        return new OutboxRelay(new MarkCountingOutbox(outbox, ownMarks), Map.of(OutboxMessage.SMS, e -> {
            delivered.add(e.message().dedupeKey());
            return new DeliveryOutcome.Confirmed("sent");
        }), CFG, clock).yieldTo(acksBusy::get, MAX_LAG);
    }

    private boolean done(String key) {
        return outbox.status(key).map(s -> s.state().equals("DONE")).orElse(false);
    }

    @Test
    void whileAcksAreBusyOnlyRowsDueForTheMaxLagGoAndTheRestGoOnceTheyHaveWaitedIt() {
        enqueueOldAndNew();
        try (OutboxRelay relay = relay().start()) {
            // "old" marked done: a round after its delivery ran, and its claim passed over "new"
            Eventually.waitFor("the overdue row delivered and marked done", Duration.ofSeconds(10),
                    () -> done("old"));
            assertThat(delivered).containsExactly("old");

            clock.advance(MAX_LAG.plusMillis(1));
            Eventually.waitFor("the new row, due for the max lag", Duration.ofSeconds(10), () -> done("new"));
            assertThat(acksBusy.get()).isTrue();
        }
    }

    @Test
    void aRowHeldBackForTheAcksGoesAsSoonAsTheyAreQuiet() {
        enqueueOldAndNew();
        try (OutboxRelay relay = relay().start()) {
            Eventually.waitFor("the overdue row delivered and marked done", Duration.ofSeconds(10),
                    () -> done("old"));
            assertThat(delivered).doesNotContain("new");

            acksBusy.set(false);
            Eventually.waitFor("the new row once the acks are quiet", Duration.ofSeconds(10), () -> done("new"));
        }
    }

    @Test
    void withoutYieldingEveryDueRowGoesAndItsDoneMarkRidesWithTheNextClaim() {
        enqueueOldAndNew();
        try (OutboxRelay relay = new OutboxRelay(new MarkCountingOutbox(outbox, ownMarks), Map.of(OutboxMessage.SMS,
                e -> new DeliveryOutcome.Confirmed("sent")), CFG, clock).start()) {
            Eventually.waitFor("both rows done", Duration.ofSeconds(10), () -> done("old") && done("new"));
            assertThat(ownMarks.get()).as("done marks written in a transaction of their own").isZero();
        }
    }

    /**
     * The deliveries' retries are written by the relay's round, together (ADR 0052): at the peak each was a
     * transaction of its own on the delivering thread, waiting for a pooled connection.
     */
    @Test
    void retriesShouldBeWrittenTogetherByTheRoundAndNotEachOnItsOwn() {
        MarkCountingOutbox counting = new MarkCountingOutbox(outbox, ownMarks);
        outbox.enqueue(Optional.empty(), List.of(sms("r1"), sms("r2"), sms("r3")));
        try (OutboxRelay relay = new OutboxRelay(counting, Map.of(OutboxMessage.SMS,
                e -> new DeliveryOutcome.Retry("SMSC busy")), CFG, clock).start()) {
            Eventually.waitFor("all three given back for a retry", Duration.ofSeconds(10),
                    () -> List.of("r1", "r2", "r3").stream().allMatch(k -> outbox.status(k)
                            .flatMap(org.hotline81890.gateway.workorder.Outbox.OutboxStatus::lastError)
                            .filter("SMSC busy"::equals).isPresent()));
        }
        assertThat(counting.ownRetries.get()).as("retries written in a transaction of their own").isZero();
        assertThat(counting.retryWrites.get()).isBetween(1, 3);
    }

    /** The in-memory outbox, counting done marks written outside a round's claim, and the retries' writes. */
    private static final class MarkCountingOutbox implements org.hotline81890.gateway.workorder.Outbox {
        private final InMemoryOutbox rows;
        private final AtomicInteger ownMarks;
        final AtomicInteger ownRetries = new AtomicInteger();
        final AtomicInteger retryWrites = new AtomicInteger();

        MarkCountingOutbox(InMemoryOutbox rows, AtomicInteger ownMarks) {
            this.rows = rows;
            this.ownMarks = ownMarks;
        }

        @Override
        public List<OutboxEntry> settleAndClaim(List<Long> done, Instant now, Instant dueBy, int limit,
                                                Duration lease, Set<String> skipKinds) {
            synchronized (rows) {
                done.forEach(id -> rows.markDone(id, now));
                Instant by = dueBy.isAfter(now) ? now : dueBy;
                return rows.claimDue(by, limit, lease.plus(Duration.between(by, now)), skipKinds);
            }
        }

        @Override
        public void enqueue(Optional<org.hotline81890.gateway.workorder.WorkOrderId> workOrderId,
                            List<OutboxMessage> messages) {
            rows.enqueue(workOrderId, messages);
        }

        @Override
        public List<OutboxEntry> claimDue(Instant now, int limit, Duration lease, Set<String> skipKinds) {
            return rows.claimDue(now, limit, lease, skipKinds);
        }

        @Override
        public void markDone(long id, Instant at) {
            ownMarks.incrementAndGet();
            rows.markDone(id, at);
        }

        @Override
        public void markAllDone(List<Long> ids, Instant at) {
            ownMarks.incrementAndGet();
            rows.markAllDone(ids, at);
        }

        @Override
        public void retryLater(long id, Instant nextAttemptAt, String error) {
            ownRetries.incrementAndGet();
            rows.retryLater(id, nextAttemptAt, error);
        }

        @Override
        public void retryAllLater(List<Retry> retries) {
            retryWrites.incrementAndGet();
            retries.forEach(r -> rows.retryLater(r.id(), r.nextAttemptAt(), r.error()));
        }

        @Override
        public void markFailed(long id, Instant at, String error) {
            rows.markFailed(id, at, error);
        }

        @Override
        public void park(long id, String why) {
            rows.park(id, why);
        }

        @Override
        public int unpark(Set<String> kinds, Instant now) {
            return rows.unpark(kinds, now);
        }

        @Override
        public Map<String, Integer> parked() {
            return rows.parked();
        }

        @Override
        public Optional<Instant> nextDue() {
            return rows.nextDue();
        }

        @Override
        public Optional<OutboxStatus> status(String dedupeKey) {
            return rows.status(dedupeKey);
        }
    }
}
