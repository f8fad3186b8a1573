package org.hotline81890.gateway.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.hotline81890.gateway.sms.DeliveryReceipt.Status;
import org.junit.jupiter.api.Test;

/** What every {@link SubmissionLog} must do ("nothing twice" after a crash); run in memory and on MariaDB. */
public interface SubmissionLogContract {
    SubmissionLog submissions();

    private static long outboxRow() {
        return ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
    }

    private static String messageId() {
        return UUID.randomUUID().toString();
    }

    private static DeliveryReceipt receipt(String messageId, Status status) {
        return new DeliveryReceipt(messageId, status, Optional.of("000"), Optional.empty(), Optional.empty(),
                "95081890", "8613800001111");
    }

    @Test
    default void aRowWithNothingAcceptedShouldHaveNoParts() {
        assertThat(submissions().accepted(outboxRow())).isEmpty();
    }

    @Test
    default void acceptedPartsShouldBeKeptWithTheirMessageIdsByPartNumber() {
        long row = outboxRow();
        String second = messageId();
        String first = messageId();
        submissions().recordAccepted(row, 2, 3, second, "8613800001111");
        submissions().recordAccepted(row, 1, 3, first, "8613800001111");

        assertThat(submissions().accepted(row)).containsExactly(Map.entry(1, first), Map.entry(2, second));
        assertThat(submissions().accepted(outboxRow())).isEmpty();
    }

    @Test
    default void aPartRecordedAgainShouldKeepItsFirstMessageId() {
        long row = outboxRow();
        String first = messageId();
        submissions().recordAccepted(row, 1, 1, first, "8613800001111");

        submissions().recordAccepted(row, 1, 1, messageId(), "8613800001111");
        submissions().recordAllAccepted(List.of(new AcceptedPart(row, 1, 1, messageId(), "8613800001111")));

        assertThat(submissions().accepted(row)).containsExactly(Map.entry(1, first));
    }

    @Test
    default void partsOfManyRowsShouldBeRecordedInOneGo() {
        long a = outboxRow();
        long b = outboxRow();
        String a1 = messageId();
        String a2 = messageId();
        String b1 = messageId();

        submissions().recordAllAccepted(List.of(new AcceptedPart(a, 1, 2, a1, "8613800001111"),
                new AcceptedPart(b, 1, 1, b1, "8613900002222"), new AcceptedPart(a, 2, 2, a2, "8613800001111")));
        submissions().recordAllAccepted(List.of());

        assertThat(submissions().accepted(a)).containsExactly(Map.entry(1, a1), Map.entry(2, a2));
        assertThat(submissions().accepted(b)).containsExactly(Map.entry(1, b1));
    }

    @Test
    default void aFinalReceiptShouldChangeItsPartOnceAndAnInterimOneNothing() {
        long row = outboxRow();
        String id = messageId();
        submissions().recordAccepted(row, 1, 1, id, "8613800001111");

        assertThat(submissions().applyReceipt(receipt(id, Status.ENROUTE))).isZero();
        assertThat(submissions().applyReceipt(receipt(id, Status.DELIVERED))).isEqualTo(1);
        assertThat(submissions().applyReceipt(receipt(id, Status.DELIVERED))).isZero();
        assertThat(submissions().applyReceipt(receipt(id, Status.UNDELIVERABLE))).isZero();
        assertThat(submissions().accepted(row)).containsExactly(Map.entry(1, id));
    }

    @Test
    default void aReceiptForAMessageNeverSubmittedShouldChangeNothing() {
        assertThat(submissions().applyReceipt(receipt(messageId(), Status.DELIVERED))).isZero();
    }
}
