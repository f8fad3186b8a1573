package org.hotline81890.gateway.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.hotline81890.gateway.workorder.DeadlineStore.DueDeadline;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link DeadlineStore} must do; run on the in-memory fake and on MariaDB. Each test starts by firing
 * whatever earlier tests left pending, so the shared MariaDB schema of one test class gives every test an empty store.
 */
public interface DeadlineStoreContract {
    Instant T0 = Instant.parse("2026-12-05T01:00:00.000Z");
    Instant END_OF_TIME = Instant.parse("2200-01-01T00:00:00Z");
    Duration LEASE = Duration.ofSeconds(30);
    /** Later than any lease a test takes, even one claimed at {@link #END_OF_TIME}. */
    Instant AFTER_EVERY_LEASE = END_OF_TIME.plus(Duration.ofDays(1));

    DeadlineStore deadlines();

    @BeforeEach
    default void fireWhatEarlierTestsLeft() {
        List<DueDeadline> left;
        while (!(left = deadlines().claimDue(AFTER_EVERY_LEASE, 1000, LEASE)).isEmpty()) {
            left.forEach(d -> deadlines().markFired(d.id(), AFTER_EVERY_LEASE));
        }
    }

    private static long subject() {
        return ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
    }

    @Test
    default void aDeadlineShouldBeClaimedOnlyOnceItIsDue() {
        long subject = subject();
        long id = deadlines().arm("offer", subject, "OFFER_EXPIRY", T0.plusSeconds(60));

        assertThat(deadlines().nextDue()).contains(T0.plusSeconds(60));
        assertThat(deadlines().claimDue(T0.plusSeconds(59), 10, LEASE)).isEmpty();
        assertThat(deadlines().claimDue(T0.plusSeconds(60), 10, LEASE))
                .containsExactly(new DueDeadline(id, "offer", subject, "OFFER_EXPIRY", T0.plusSeconds(60)));
    }

    @Test
    default void aClaimedDeadlineShouldBeLeasedAndClaimedAgainWhenTheLeaseRunsOut() {
        long id = deadlines().arm("work_order", subject(), "ANSWER", T0);
        Instant claimedAt = T0.plusSeconds(5);
        assertThat(deadlines().claimDue(claimedAt, 10, LEASE)).extracting(DueDeadline::id).containsExactly(id);

        // Another scheduler (or the same one) must not fire it while the first holds the lease...
        assertThat(deadlines().claimDue(claimedAt.plus(LEASE).minusMillis(1), 10, LEASE)).isEmpty();
        assertThat(deadlines().nextDue()).contains(claimedAt.plus(LEASE));
        // ...but a scheduler that crashed before markFired loses the deadline to the next one, never for ever.
        assertThat(deadlines().claimDue(claimedAt.plus(LEASE), 10, LEASE)).extracting(DueDeadline::id)
                .containsExactly(id);
    }

    @Test
    default void aFiredDeadlineShouldNeverBeClaimedAgain() {
        long id = deadlines().arm("work_order", subject(), "COMPLETION", T0);
        deadlines().claimDue(T0, 10, LEASE);

        deadlines().markFired(id, T0.plusSeconds(1));

        assertThat(deadlines().claimDue(END_OF_TIME, 10, LEASE)).isEmpty();
        assertThat(deadlines().nextDue()).isEmpty();
    }

    /** The scheduler's round (ADR 0052): the fired ones marked, then the due ones claimed, none of the marked. */
    @Test
    default void settleAndClaimShouldMarkTheFiredAndClaimOnlyWhatIsStillDue() {
        long subject = subject();
        long fired = deadlines().arm("offer", subject, "K1", T0);
        long next = deadlines().arm("offer", subject, "K2", T0.plusSeconds(1));
        assertThat(deadlines().claimDue(T0, 10, LEASE)).extracting(DueDeadline::id).containsExactly(fired);

        List<DueDeadline> claimed = deadlines().settleAndClaim(List.of(fired), T0.plus(LEASE).plusSeconds(1), 10,
                LEASE);

        assertThat(claimed).extracting(DueDeadline::id).as("the marked one is not claimed again after its lease")
                .containsExactly(next);
        assertThat(deadlines().settleAndClaim(List.of(next), AFTER_EVERY_LEASE, 10, LEASE)).isEmpty();
        assertThat(deadlines().nextDue()).isEmpty();
    }

    @Test
    default void cancelShouldTakeOnlyThatSubjectsPendingDeadlinesOfThatKind() {
        long subject = subject();
        long other = subject();
        deadlines().arm("transfer", subject, "HANDLING", T0);
        deadlines().arm("transfer", subject, "HANDLING", T0.plusSeconds(10));
        long otherKind = deadlines().arm("transfer", subject, "REMINDER", T0.plusSeconds(20));
        long otherSubject = deadlines().arm("transfer", other, "HANDLING", T0.plusSeconds(30));
        long otherType = deadlines().arm("offer", subject, "HANDLING", T0.plusSeconds(40));

        deadlines().cancel("transfer", subject, "HANDLING");

        assertThat(deadlines().nextDue()).contains(T0.plusSeconds(20));
        assertThat(deadlines().claimDue(END_OF_TIME, 10, LEASE)).extracting(DueDeadline::id)
                .containsExactly(otherKind, otherSubject, otherType);
    }

    @Test
    default void cancellingAFiredDeadlineShouldChangeNothing() {
        long subject = subject();
        long id = deadlines().arm("work_order", subject, "SURVEY", T0);
        deadlines().claimDue(T0, 10, LEASE);
        deadlines().markFired(id, T0);

        deadlines().cancel("work_order", subject, "SURVEY");
        long again = deadlines().arm("work_order", subject, "SURVEY", T0.plusSeconds(1));

        assertThat(deadlines().claimDue(END_OF_TIME, 10, LEASE)).extracting(DueDeadline::id).containsExactly(again);
    }

    @Test
    default void claimDueShouldGiveTheEarliestFirstAndRespectTheLimit() {
        long late = deadlines().arm("work_order", subject(), "ANSWER", T0.plusSeconds(3));
        long early = deadlines().arm("work_order", subject(), "ANSWER", T0.plusSeconds(1));
        long sameTimeFirst = deadlines().arm("work_order", subject(), "ANSWER", T0.plusSeconds(2));
        long sameTimeSecond = deadlines().arm("work_order", subject(), "ANSWER", T0.plusSeconds(2));

        assertThat(deadlines().claimDue(T0.plusSeconds(3), 3, LEASE)).extracting(DueDeadline::id)
                .containsExactly(early, sameTimeFirst, sameTimeSecond);
        assertThat(deadlines().claimDue(T0.plusSeconds(3), 3, LEASE)).extracting(DueDeadline::id)
                .containsExactly(late);
    }

    @Test
    default void armShouldGiveEveryDeadlineItsOwnId() {
        long subject = subject();
        long first = deadlines().arm("offer", subject, "OFFER_EXPIRY", T0);
        long second = deadlines().arm("offer", subject, "OFFER_EXPIRY", T0);

        assertThat(second).isNotEqualTo(first);
        assertThat(deadlines().claimDue(T0, 10, LEASE)).hasSize(2);
    }
}
