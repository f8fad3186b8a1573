package org.hotline81890.gateway.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.hotline81890.gateway.workorder.Outbox.OutboxStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Outbox} must do; run on the in-memory fake and on MariaDB. The outbox under test stamps new rows
 * with {@link #ENQUEUED_AT}. Each test first marks done whatever earlier tests left due, so the shared MariaDB schema
 * of one test class gives every test an outbox with nothing to claim.
 */
public interface OutboxContract {
    Instant ENQUEUED_AT = Instant.parse("2026-12-05T01:00:00.000Z");
    Instant AFTER_EVERY_LEASE = Instant.parse("2201-01-01T00:00:00Z");
    Duration LEASE = Duration.ofSeconds(30);

    /** An outbox whose clock stands at {@link #ENQUEUED_AT}. */
    Outbox outbox();

    @BeforeEach
    default void finishWhatEarlierTestsLeft() {
        List<OutboxEntry> left;
        while (!(left = outbox().claimDue(AFTER_EVERY_LEASE, 1000, LEASE)).isEmpty()) {
            outbox().markAllDone(left.stream().map(OutboxEntry::id).toList(), AFTER_EVERY_LEASE);
        }
    }

    private static OutboxMessage message(String kind) {
        String key = "contract:" + UUID.randomUUID();
        return new OutboxMessage(kind, "8613800001111", "{\"text\":\"您的工单 " + key + "\"}", key);
    }

    private static String uniqueKind() {
        return "k" + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36);
    }

    private static List<Long> ids(List<OutboxEntry> entries) {
        return entries.stream().map(OutboxEntry::id).toList();
    }

    private long idOf(OutboxMessage m) {
        return outbox().status(m.dedupeKey()).orElseThrow().id();
    }

    @Test
    default void anEnqueuedRowShouldBeDueAtOnceWithItsMessageAndOrder() {
        OutboxMessage m = message(OutboxMessage.SMS);
        WorkOrderId order = new WorkOrderId(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2));

        outbox().enqueue(Optional.of(order), List.of(m));

        assertThat(outbox().status(m.dedupeKey())).hasValueSatisfying(s -> {
            assertThat(s.state()).isEqualTo("PENDING");
            assertThat(s.attempts()).isZero();
        });
        assertThat(outbox().nextDue()).contains(ENQUEUED_AT);
        assertThat(outbox().claimDue(ENQUEUED_AT.minusMillis(1), 10, LEASE)).isEmpty();
        List<OutboxEntry> claimed = outbox().claimDue(ENQUEUED_AT, 10, LEASE);
        assertThat(claimed).singleElement().satisfies(e -> {
            assertThat(e.message()).isEqualTo(m);
            assertThat(e.workOrderId()).contains(order);
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(e.createdAt()).isEqualTo(ENQUEUED_AT);
        });
    }

    @Test
    default void aDedupeKeyWrittenTwiceShouldKeepTheFirstRow() {
        OutboxMessage first = message(OutboxMessage.SMS);
        OutboxMessage again = new OutboxMessage(OutboxMessage.SMS, "8613900002222", "{}", first.dedupeKey());

        outbox().enqueue(Optional.empty(), List.of(first));
        outbox().enqueue(Optional.empty(), List.of(again));

        assertThat(outbox().claimDue(ENQUEUED_AT, 10, LEASE)).singleElement()
                .satisfies(e -> assertThat(e.message()).isEqualTo(first));
    }

    @Test
    default void aClaimedRowShouldBeLeasedAndClaimedAgainWhenTheLeaseRunsOut() {
        OutboxMessage m = message(OutboxMessage.WEBHOOK);
        outbox().enqueue(Optional.empty(), List.of(m));
        Instant claimedAt = ENQUEUED_AT.plusSeconds(1);
        assertThat(outbox().claimDue(claimedAt, 10, LEASE)).hasSize(1);

        assertThat(outbox().claimDue(claimedAt.plus(LEASE).minusMillis(1), 10, LEASE)).isEmpty();
        assertThat(outbox().nextDue()).contains(claimedAt.plus(LEASE));
        // A relay that crashed mid-delivery loses the row to the next one, and the attempt is counted.
        assertThat(outbox().claimDue(claimedAt.plus(LEASE), 10, LEASE)).singleElement()
                .satisfies(e -> assertThat(e.attempts()).isEqualTo(2));
    }

    @Test
    default void aRoundShouldMarkItsDoneRowsAndClaimOnlyRowsDueByItsCutoffLeasedFromNow() {
        OutboxMessage first = message(OutboxMessage.SMS);
        OutboxMessage second = message(OutboxMessage.SMS);
        outbox().enqueue(Optional.empty(), List.of(first, second));
        Instant later = ENQUEUED_AT.plusSeconds(5);

        // A relay yielding to the acks for 10 s: rows due for 5 s are not taken yet.
        assertThat(outbox().settleAndClaim(List.of(), later, later.minusSeconds(10), 10, LEASE, Set.of())).isEmpty();
        List<OutboxEntry> claimed = outbox().settleAndClaim(List.of(), later, later.minusSeconds(5), 10, LEASE,
                Set.of());
        assertThat(ids(claimed)).containsExactlyInAnyOrder(idOf(first), idOf(second));
        // leased from now, not from the cutoff
        assertThat(outbox().claimDue(later.plus(LEASE).minusMillis(1), 10, LEASE)).isEmpty();

        // the next round marks the first done and claims what is due: the second (its lease ran out), not the first
        Instant afterLease = later.plus(LEASE);
        List<OutboxEntry> next = outbox().settleAndClaim(List.of(idOf(first)), afterLease, afterLease, 10, LEASE,
                Set.of());
        assertThat(ids(next)).containsExactly(idOf(second));
        assertThat(outbox().status(first.dedupeKey()).orElseThrow().state()).isEqualTo("DONE");
        assertThat(outbox().status(second.dedupeKey()).orElseThrow().state()).isEqualTo("PENDING");
    }

    /** The relay's lane for rows that go first (ADR 0050): by key, only what the ordinary claim would take. */
    @Test
    default void aClaimByKeysShouldTakeOnlyTheNamedDueRowsNobodyHoldsLeasedAsAnyClaim() {
        OutboxMessage named = message(OutboxMessage.SMS);
        OutboxMessage other = message(OutboxMessage.SMS);
        OutboxMessage held = message(OutboxMessage.SMS);
        OutboxMessage done = message(OutboxMessage.SMS);
        outbox().enqueue(Optional.empty(), List.of(held, done));
        List<OutboxEntry> before = outbox().claimDue(ENQUEUED_AT, 10, LEASE);
        assertThat(before).hasSize(2);
        outbox().markDone(idOf(done), ENQUEUED_AT);
        outbox().enqueue(Optional.empty(), List.of(named, other));
        Instant now = ENQUEUED_AT.plusSeconds(1);

        List<OutboxEntry> claimed = outbox().claimKeys(List.of(named.dedupeKey(), held.dedupeKey(),
                done.dedupeKey(), "contract:never-written"), now, LEASE);

        assertThat(claimed).singleElement().satisfies(e -> {
            assertThat(e.message()).isEqualTo(named);
            assertThat(e.attempts()).isEqualTo(1);
        });
        assertThat(outbox().claimKeys(List.of(named.dedupeKey()), now, LEASE)).as("leased").isEmpty();
        assertThat(ids(outbox().claimDue(now, 10, LEASE))).containsExactly(idOf(other));
        assertThat(ids(outbox().claimDue(now.plus(LEASE), 10, LEASE))).contains(idOf(named));
    }

    @Test
    default void aDoneRowShouldNeverBeClaimedAgain() {
        OutboxMessage a = message(OutboxMessage.SMS);
        OutboxMessage b = message(OutboxMessage.SMS);
        OutboxMessage c = message(OutboxMessage.SMS);
        outbox().enqueue(Optional.empty(), List.of(a, b, c));
        List<OutboxEntry> claimed = outbox().claimDue(ENQUEUED_AT, 10, LEASE);
        assertThat(claimed).hasSize(3);

        outbox().markDone(idOf(a), ENQUEUED_AT.plusSeconds(1));
        outbox().markAllDone(List.of(idOf(b), idOf(c)), ENQUEUED_AT.plusSeconds(1));

        assertThat(outbox().claimDue(AFTER_EVERY_LEASE, 10, LEASE)).isEmpty();
        assertThat(outbox().nextDue()).isEmpty();
        assertThat(outbox().status(b.dedupeKey())).hasValueSatisfying(s -> assertThat(s.state()).isEqualTo("DONE"));
    }

    @Test
    default void aRowToRetryShouldWaitForItsNextAttemptAndKeepTheError() {
        OutboxMessage m = message(OutboxMessage.WEBHOOK);
        outbox().enqueue(Optional.empty(), List.of(m));
        outbox().claimDue(ENQUEUED_AT, 10, LEASE);
        Instant next = ENQUEUED_AT.plusSeconds(5);

        outbox().retryLater(idOf(m), next, "HTTP 503 from the partner");

        assertThat(outbox().nextDue()).contains(next);
        assertThat(outbox().claimDue(next.minusMillis(1), 10, LEASE)).isEmpty();
        assertThat(outbox().status(m.dedupeKey())).contains(
                new OutboxStatus(idOf(m), "PENDING", 1, Optional.of("HTTP 503 from the partner")));
        assertThat(outbox().claimDue(next, 10, LEASE)).singleElement()
                .satisfies(e -> assertThat(e.attempts()).isEqualTo(2));
    }

    /** The relay's round writes its deliveries' retries at once (ADR 0052): each row its own time and error. */
    @Test
    default void retryAllLaterShouldGiveEachRowItsOwnNextAttemptAndError() {
        OutboxMessage a = message(OutboxMessage.WEBHOOK);
        OutboxMessage b = message(OutboxMessage.WEBHOOK);
        outbox().enqueue(Optional.empty(), List.of(a, b));
        outbox().claimDue(ENQUEUED_AT, 10, LEASE);

        outbox().retryAllLater(List.of(new Outbox.Retry(idOf(a), ENQUEUED_AT.plusSeconds(5), "HTTP 503"),
                new Outbox.Retry(idOf(b), ENQUEUED_AT.plusSeconds(9), "timed out")));

        assertThat(outbox().status(a.dedupeKey())).contains(
                new OutboxStatus(idOf(a), "PENDING", 1, Optional.of("HTTP 503")));
        assertThat(outbox().status(b.dedupeKey())).contains(
                new OutboxStatus(idOf(b), "PENDING", 1, Optional.of("timed out")));
        assertThat(ids(outbox().claimDue(ENQUEUED_AT.plusSeconds(5), 10, LEASE))).containsExactly(idOf(a));
        assertThat(ids(outbox().claimDue(ENQUEUED_AT.plusSeconds(9), 10, LEASE))).containsExactly(idOf(b));
    }

    @Test
    default void aFailedRowShouldBeKeptForAPersonAndNeverClaimed() {
        OutboxMessage m = message(OutboxMessage.SMS);
        outbox().enqueue(Optional.empty(), List.of(m));
        outbox().claimDue(ENQUEUED_AT, 10, LEASE);

        outbox().markFailed(idOf(m), ENQUEUED_AT.plusSeconds(1), "ESME_RINVDSTADR");

        assertThat(outbox().claimDue(AFTER_EVERY_LEASE, 10, LEASE)).isEmpty();
        assertThat(outbox().status(m.dedupeKey())).contains(
                new OutboxStatus(idOf(m), "FAILED", 1, Optional.of("ESME_RINVDSTADR")));
    }

    @Test
    default void aParkedRowShouldWaitForItsKindToBeUnparkedWithoutLosingAnAttempt() {
        String kind = uniqueKind();
        String otherKind = uniqueKind();
        OutboxMessage m = message(kind);
        OutboxMessage other = message(otherKind);
        outbox().enqueue(Optional.empty(), List.of(m, other));
        outbox().claimDue(ENQUEUED_AT, 10, LEASE);

        outbox().park(idOf(m), "SMS is disabled on this node");
        outbox().park(idOf(other), "SMS is disabled on this node");

        assertThat(outbox().claimDue(AFTER_EVERY_LEASE, 10, LEASE)).isEmpty();
        assertThat(outbox().parked()).containsEntry(kind, 1).containsEntry(otherKind, 1);
        assertThat(outbox().status(m.dedupeKey())).hasValueSatisfying(s -> {
            assertThat(s.state()).isEqualTo("PARKED");
            assertThat(s.attempts()).isZero();
        });

        Instant enabledAt = ENQUEUED_AT.plusSeconds(3600);
        assertThat(outbox().unpark(Set.of(), enabledAt)).isZero();
        assertThat(outbox().unpark(Set.of(kind), enabledAt)).isEqualTo(1);

        assertThat(outbox().parked()).doesNotContainKey(kind).containsEntry(otherKind, 1);
        assertThat(outbox().claimDue(enabledAt.minusMillis(1), 10, LEASE)).isEmpty();
        assertThat(outbox().claimDue(enabledAt, 10, LEASE)).singleElement().satisfies(e -> {
            assertThat(e.message()).isEqualTo(m);
            assertThat(e.attempts()).isEqualTo(1);
        });
    }

    @Test
    default void claimDueShouldGiveTheEarliestFirstAndRespectTheLimit() {
        OutboxMessage first = message(OutboxMessage.SMS);
        OutboxMessage second = message(OutboxMessage.SMS);
        OutboxMessage third = message(OutboxMessage.SMS);
        OutboxMessage retried = message(OutboxMessage.SMS);
        outbox().enqueue(Optional.empty(), List.of(retried));
        outbox().claimDue(ENQUEUED_AT, 10, LEASE);
        outbox().retryLater(idOf(retried), ENQUEUED_AT.plusSeconds(10), "busy");
        outbox().enqueue(Optional.empty(), List.of(first, second, third));

        assertThat(ids(outbox().claimDue(ENQUEUED_AT.plusSeconds(10), 2, LEASE)))
                .containsExactly(idOf(first), idOf(second));
        assertThat(ids(outbox().claimDue(ENQUEUED_AT.plusSeconds(10), 2, LEASE)))
                .containsExactly(idOf(third), idOf(retried));
    }

    @Test
    default void aClaimPassingOverBusyKindsShouldLeaveTheirRowsDueForLater() {
        String busy = uniqueKind();
        String other = uniqueKind();
        OutboxMessage throttled = message(busy);
        OutboxMessage dispatch = message(other);
        outbox().enqueue(Optional.empty(), List.of(throttled, dispatch));

        assertThat(ids(outbox().claimDue(ENQUEUED_AT, 10, LEASE, Set.of(busy, "kind-with-no-rows"))))
                .containsExactly(idOf(dispatch));
        assertThat(ids(outbox().claimDue(ENQUEUED_AT, 10, LEASE, Set.of()))).containsExactly(idOf(throttled));
        assertThat(outbox().status(throttled.dedupeKey()).orElseThrow().attempts()).as("passed over, not tried")
                .isEqualTo(1);
    }

    @Test
    default void aKeyNeverWrittenShouldHaveNoStatus() {
        assertThat(outbox().status("contract:" + UUID.randomUUID())).isEmpty();
    }
}
