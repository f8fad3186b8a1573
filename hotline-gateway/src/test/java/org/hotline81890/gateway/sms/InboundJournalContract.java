package org.hotline81890.gateway.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.hotline81890.gateway.testing.ManualClock;
import org.hotline81890.gateway.workorder.PendingTexts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link InboundJournal} must do (issue 18): append, claim oldest first under a lease, done, lag. */
public interface InboundJournalContract {
    Duration LEASE = Duration.ofSeconds(30);

    InboundJournal journal();

    /** The clock the journal reads (claims and leases). */
    ManualClock clock();

    @BeforeEach
    default void startEmpty() {
        clock().advance(Duration.ofDays(1));
        List<JournaledSms> left;
        while (!(left = claimReady(1000, LEASE)).isEmpty()) {
            journal().done(left.stream().map(JournaledSms::id).toList());
        }
    }

    /** What the stage claims: rows the ticket pass has looked at (ADR 0047). */
    private List<JournaledSms> claimReady(int limit, Duration lease) {
        journal().ticketed(journal().fresh(1000).stream().map(JournaledSms::id).toList());
        return journal().claim(limit, lease);
    }

    @Test
    default void aNewRowIsClaimedOnlyOnceTheTicketPassLookedAtItAndCountsAsLagBefore() {
        Instant now = clock().instant();
        journal().append(List.of(text("older", now.minusMillis(2)), text("newer", now.minusMillis(1))));
        assertThat(journal().claim(10, LEASE)).as("not looked at yet").isEmpty();
        assertThat(journal().lag().pending()).isEqualTo(2);
        List<JournaledSms> fresh = journal().fresh(1);
        assertThat(fresh).extracting(JournaledSms::text).containsExactly("older");
        assertThat(journal().fresh(10)).as("not a lease").extracting(JournaledSms::text).containsExactly("older",
                "newer");
        journal().ticketed(fresh.stream().map(JournaledSms::id).toList());
        assertThat(journal().fresh(10)).extracting(JournaledSms::text).containsExactly("newer");
        assertThat(journal().claim(10, LEASE)).extracting(JournaledSms::text).containsExactly("older");
        assertThat(journal().lag().pending()).isEqualTo(2);
    }

    private JournaledSms text(String body, Instant at) {
        return new JournaledSms(0, "smsc:" + UUID.randomUUID(), "8613900000001", "81890", body,
                at.truncatedTo(ChronoUnit.MILLIS), 1, 1);
    }

    @Test
    default void appendedTextsAreClaimedOldestFirstAsSentAndNotTwiceWhileLeased() {
        Instant now = clock().instant();
        String awkward = "引号' \"双引号\" 反斜杠\\ NUL\0 SUB\u001a 4-byte 🙏 end";
        List<JournaledSms> sent = List.of(text("first " + awkward, now.minusMillis(3)),
                text("second", now.minusMillis(2)), text("third", now.minusMillis(1)));
        journal().append(sent);

        List<JournaledSms> claimed = claimReady(2, LEASE);
        assertThat(claimed).extracting(JournaledSms::text).containsExactly("first " + awkward, "second");
        JournaledSms first = claimed.get(0);
        assertThat(first.id()).isPositive();
        assertThat(first).usingRecursiveComparison().ignoringFields("id").isEqualTo(sent.get(0));
        assertThat(claimReady(10, LEASE)).extracting(JournaledSms::text).containsExactly("third");
        assertThat(claimReady(10, LEASE)).as("all leased").isEmpty();
    }

    @Test
    default void aClaimWhoseStageDiedComesBackAfterTheLeaseAndADoneRowNever() {
        journal().append(List.of(text("claimed by a stage that was killed", clock().instant())));
        List<JournaledSms> claimed = claimReady(10, LEASE);
        assertThat(claimed).hasSize(1);

        clock().advance(LEASE.minusSeconds(1));
        assertThat(claimReady(10, LEASE)).isEmpty();
        clock().advance(Duration.ofSeconds(2));
        List<JournaledSms> again = claimReady(10, LEASE);
        assertThat(again).extracting(JournaledSms::id).containsExactly(claimed.get(0).id());

        journal().done(List.of(again.get(0).id()));
        clock().advance(LEASE.multipliedBy(3));
        assertThat(claimReady(10, LEASE)).isEmpty();
    }

    @Test
    default void aRowToRetryComesBackAfterTheDelayNotTheLease() {
        journal().append(List.of(text("storage was down for its intake", clock().instant())));
        long id = claimReady(10, LEASE).get(0).id();
        journal().retryLater(List.of(id), Duration.ofSeconds(1));
        assertThat(claimReady(10, LEASE)).isEmpty();
        clock().advance(Duration.ofMillis(1500));
        assertThat(claimReady(10, LEASE)).extracting(JournaledSms::id).containsExactly(id);
    }

    @Test
    default void aRedeliveryIsARowOfItsOwn() {
        JournaledSms once = text("the SMSC lost our resp and sent it again", clock().instant());
        journal().append(List.of(once));
        journal().append(List.of(once));
        assertThat(claimReady(10, LEASE)).extracting(JournaledSms::key).containsExactly(once.key(), once.key());
    }

    @Test
    default void lagCountsWhatIsNotDoneAndDatesTheOldest() {
        assertThat(journal().lag().pending()).isZero();
        assertThat(journal().lag().oldest()).isEmpty();
        Instant oldest = clock().instant().minusSeconds(5).truncatedTo(ChronoUnit.MILLIS);
        journal().append(List.of(text("old", oldest), text("new", clock().instant())));
        assertThat(journal().lag().pending()).isEqualTo(2);
        assertThat(journal().lag().oldest()).contains(oldest);
        assertThat(journal().lag().age(clock().instant())).isGreaterThanOrEqualTo(Duration.ofSeconds(5));

        List<JournaledSms> claimed = claimReady(10, LEASE);
        assertThat(journal().lag().pending()).as("claimed is not done").isEqualTo(2);
        journal().done(claimed.stream().map(JournaledSms::id).toList());
        assertThat(journal().lag().pending()).isZero();
    }

    /** The survey wait's question (ADR 0036): a text from that number, arrived by then, not processed yet. */
    @Test
    default void aTextIsPendingForItsSenderFromItsArrivalUntilItIsDone() {
        PendingTexts pending = (PendingTexts) journal();
        Instant arrived = clock().instant().minusSeconds(5).truncatedTo(ChronoUnit.MILLIS);
        journal().append(List.of(text("2", arrived)));
        assertThat(pending.anyFrom("8613900000001", arrived)).isTrue();
        assertThat(pending.anyFrom("8613900000001", arrived.minusMillis(1))).as("arrived after that").isFalse();
        assertThat(pending.anyFrom("8613900000002", clock().instant())).as("another number").isFalse();

        List<JournaledSms> claimed = claimReady(10, LEASE);
        assertThat(pending.anyFrom("8613900000001", clock().instant())).as("claimed is not done").isTrue();
        journal().done(claimed.stream().map(JournaledSms::id).toList());
        assertThat(pending.anyFrom("8613900000001", clock().instant())).isFalse();
    }
}
