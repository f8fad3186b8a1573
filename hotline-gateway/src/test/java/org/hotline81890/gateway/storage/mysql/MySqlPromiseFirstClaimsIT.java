package org.hotline81890.gateway.storage.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.hotline81890.gateway.dispatch.FirstOfferOrder;
import org.hotline81890.gateway.testing.ManualClock;
import org.hotline81890.gateway.testing.TestDatabase;
import org.hotline81890.gateway.workorder.Dispatch;
import org.hotline81890.gateway.workorder.Outbox;
import org.hotline81890.gateway.workorder.OutboxContract;
import org.hotline81890.gateway.workorder.OutboxEntry;
import org.hotline81890.gateway.workorder.OutboxMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The first-offer order (ADR 0041) on real MariaDB: dispatch rows of orders still inside their 5-minute promise are
 * claimed before those of orders past it, the late ones keep their share and every slot left, the other kinds keep
 * their first-come places, and the whole outbox contract still holds. The rows' times come from an injected clock.
 */
class MySqlPromiseFirstClaimsIT implements OutboxContract {
    private static final Duration PROMISE = Duration.ofMinutes(5);
    private static final Instant T0 = ENQUEUED_AT.plus(Duration.ofDays(1));
    private static TestDatabase db;
    private static ManualClock clock;
    private static MySqlOutbox plain;
    private static Outbox outbox;

    @BeforeAll
    static void open() {
        db = TestDatabase.create();
        clock = new ManualClock(ENQUEUED_AT);
        plain = new MySqlOutbox(db.database().transactions(), clock);
        outbox = ordered(FirstOfferOrder.Mode.PROMISE, 10);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @AfterEach
    void clockBackForTheContract() {
        clock.set(ENQUEUED_AT);
    }

    @Override
    public Outbox outbox() {
        return outbox;
    }

    private static Outbox ordered(FirstOfferOrder.Mode mode, int lateShare) {
        return new MySqlPromiseFirstClaims(plain, db.database().transactions(),
                new FirstOfferOrder(mode, PROMISE, lateShare));
    }

    private static OutboxMessage enqueueAt(Instant at, String kind) {
        clock.set(at);
        String key = "first-offer:" + UUID.randomUUID();
        OutboxMessage m = new OutboxMessage(kind, "partner-network", key, key);
        plain.enqueue(Optional.empty(), List.of(m));
        return m;
    }

    private static List<String> keys(List<OutboxEntry> entries) {
        return entries.stream().map(e -> e.message().dedupeKey()).toList();
    }

    private static List<String> keys(OutboxMessage... messages) {
        return java.util.Arrays.stream(messages).map(OutboxMessage::dedupeKey).toList();
    }

    @Test
    void ordersInsideTheirPromiseShouldBeClaimedBeforeLateOnesWhichKeepTheirShareAndAreNotStarved() {
        OutboxMessage late1 = enqueueAt(T0, Dispatch.KIND);
        OutboxMessage late2 = enqueueAt(T0.plusMillis(1), Dispatch.KIND);
        OutboxMessage late3 = enqueueAt(T0.plusMillis(2), Dispatch.KIND);
        OutboxMessage late4 = enqueueAt(T0.plusMillis(3), Dispatch.KIND);
        OutboxMessage sms = enqueueAt(T0.plusSeconds(1), OutboxMessage.SMS);
        OutboxMessage fresh1 = enqueueAt(T0.plusSeconds(480), Dispatch.KIND);
        OutboxMessage fresh2 = enqueueAt(T0.plusSeconds(481), Dispatch.KIND);
        OutboxMessage fresh3 = enqueueAt(T0.plusSeconds(482), Dispatch.KIND);
        Instant now = T0.plusSeconds(600);
        Outbox promise = ordered(FirstOfferOrder.Mode.PROMISE, 25);

        // First come would take late1-4 and the SMS: 4 dispatch slots, 3 of them (75 %) for the orders in promise.
        List<OutboxEntry> first = promise.claimDue(now, 5, LEASE);

        assertThat(keys(first)).containsExactlyElementsOf(keys(fresh1, fresh2, fresh3, late1, sms));
        // The late ones get every slot the others leave: nothing in promise is waiting any more.
        assertThat(keys(promise.claimDue(now, 5, LEASE))).containsExactlyElementsOf(keys(late2, late3, late4));
    }

    @Test
    void theFifoOrderShouldClaimAsTheOutboxAlwaysDid() {
        OutboxMessage late1 = enqueueAt(T0, Dispatch.KIND);
        OutboxMessage late2 = enqueueAt(T0.plusMillis(1), Dispatch.KIND);
        OutboxMessage sms = enqueueAt(T0.plusSeconds(1), OutboxMessage.SMS);
        OutboxMessage fresh1 = enqueueAt(T0.plusSeconds(480), Dispatch.KIND);
        Instant now = T0.plusSeconds(600);

        assertThat(keys(ordered(FirstOfferOrder.Mode.FIFO, 10).claimDue(now, 3, LEASE)))
                .containsExactlyElementsOf(keys(late1, late2, sms));
        assertThat(keys(ordered(FirstOfferOrder.Mode.FIFO, 10).claimDue(now, 3, LEASE)))
                .containsExactlyElementsOf(keys(fresh1));
    }

    @Test
    void aLateRowWhoseLeaseRanOutShouldNotPassForOneInsideItsPromise() {
        OutboxMessage late = enqueueAt(T0, Dispatch.KIND);
        OutboxMessage fresh1 = enqueueAt(T0.plusSeconds(480), Dispatch.KIND);
        // Claimed at T0+7m (a relay that died with it): due again when its lease runs out, at T0+7m30s.
        assertThat(keys(plain.claimDue(T0.plusSeconds(420), 1, LEASE))).containsExactlyElementsOf(keys(late));
        OutboxMessage fresh2 = enqueueAt(T0.plusSeconds(585), Dispatch.KIND);
        Instant now = T0.plusSeconds(600);

        // First come would take fresh1 (due 8m) and late (due again at 7m30s): both slots for orders in promise.
        assertThat(keys(ordered(FirstOfferOrder.Mode.PROMISE, 1).claimDue(now, 2, LEASE)))
                .containsExactlyElementsOf(keys(fresh1, fresh2));
    }

    @Test
    void busyDispatchShouldLeaveTheClaimToTheOtherKinds() {
        OutboxMessage fresh = enqueueAt(T0.plusSeconds(480), Dispatch.KIND);
        OutboxMessage sms = enqueueAt(T0.plusSeconds(490), OutboxMessage.SMS);
        Instant now = T0.plusSeconds(600);

        assertThat(keys(outbox.claimDue(now, 5, LEASE, java.util.Set.of(Dispatch.KIND))))
                .containsExactlyElementsOf(keys(sms));
        assertThat(keys(outbox.claimDue(now, 5, LEASE))).containsExactlyElementsOf(keys(fresh));
    }

    /**
     * The relay's round (ADR 0042) through the first-offer order: the last batch's done marks and the next claim,
     * in that order and in one commit; only rows due by the round's cutoff, the orders in their promise first.
     */
    @Test
    void aRelayRoundShouldSettleAndClaimInTheFirstOfferOrderInOneCommit() {
        settleEverything();
        OutboxMessage late1 = enqueueAt(T0, Dispatch.KIND);
        OutboxMessage late2 = enqueueAt(T0.plusMillis(1), Dispatch.KIND);
        OutboxMessage fresh1 = enqueueAt(T0.plusSeconds(480), Dispatch.KIND);
        OutboxMessage tooNew = enqueueAt(T0.plusSeconds(595), Dispatch.KIND);
        Instant now = T0.plusSeconds(600);
        List<Long> delivered = plain.claimDue(T0.plusSeconds(1), 1, LEASE).stream().map(OutboxEntry::id).toList();
        AtomicInteger commits = new AtomicInteger();
        AtomicInteger statements = new AtomicInteger();
        Outbox counted = new MySqlPromiseFirstClaims(plain,
                new Transactions(new CountingDataSource(db.url(), commits, statements)),
                new FirstOfferOrder(FirstOfferOrder.Mode.PROMISE, PROMISE, 50));

        List<OutboxEntry> round = counted.settleAndClaim(delivered, now, now.minusSeconds(10), 2, LEASE, Set.of());

        assertThat(keys(round)).containsExactlyElementsOf(keys(fresh1, late2));
        assertThat(commits.get()).as("commits").isEqualTo(1);
        assertThat(plain.status(late1.dedupeKey()).orElseThrow().state()).isEqualTo("DONE");
        List<OutboxEntry> last = counted.settleAndClaim(List.of(), now, now, 2, LEASE, Set.of());
        assertThat(keys(last)).containsExactlyElementsOf(keys(tooNew));
        settleEverything();
    }

    /** Marks every row the other tests left pending done, leased or not: this test counts the rows it claims. */
    private static void settleEverything() {
        plain.markAllDone(plain.claimDue(AFTER_EVERY_LEASE, 10_000, LEASE).stream().map(OutboxEntry::id).toList(),
                AFTER_EVERY_LEASE);
    }
}
