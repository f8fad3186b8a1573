package org.hotline81890.partners.offer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.store.OfferStoreContract;

class ReminderScheduleTest {
    private static final Instant T0 = Instant.parse("2026-03-03T02:00:00Z");
    private static final ReminderSchedule HALF = new ReminderSchedule(50);
    private final Offer offer = Offer.assignment(new OfferId("o-1"), OfferStoreContract.job("7"), ProviderId.of("P-1"),
            T0, T0.plus(Duration.ofMinutes(5)));
    private final Offer transfer = Offer.transfer(new OfferId("o-2"), OfferStoreContract.job("8"),
            ProviderId.of("D-1"), T0, T0.plus(Duration.ofHours(2)), T0.plus(Duration.ofHours(24)));

    @Test
    void anOfferShouldBeRemindedAtThePercentageOfItsAnswerWindow() {
        assertThat(HALF.acceptReminderAt(offer)).contains(T0.plus(Duration.ofSeconds(150)));
        assertThat(new ReminderSchedule(80).acceptReminderAt(offer)).contains(T0.plus(Duration.ofMinutes(4)));
        assertThat(ReminderSchedule.OFF.acceptReminderAt(offer)).isEmpty();
    }

    @Test
    void anAcceptReminderShouldBeDueOnlyWhileTheOfferIsOpenAndAfterItsTime() {
        assertThat(HALF.acceptReminderDue(offer, T0.plusSeconds(149))).isEmpty();
        assertThat(HALF.acceptReminderDue(offer, T0.plusSeconds(150))).contains(1);
        assertThat(HALF.acceptReminderDue(offer, T0.plusSeconds(300))).as("too late: expiry instead").isEmpty();
        assertThat(HALF.acceptReminderDue(offer.accept(T0.plusSeconds(10)), T0.plusSeconds(200))).isEmpty();
        assertThat(HALF.acceptReminderDue(offer.cancel(T0.plusSeconds(10), "x"), T0.plusSeconds(200))).isEmpty();
    }

    @Test
    void aTransferShouldBeRemindedOfItsHandlingDeadlineAndAgainAfterAnExtension() {
        Offer accepted = transfer.accept(T0.plusSeconds(60));
        assertThat(HALF.handlingReminderAt(accepted)).contains(T0.plus(Duration.ofHours(12)));
        assertThat(HALF.handlingReminderAt(offer)).as("an assignment has no handling deadline").isEmpty();
        assertThat(HALF.handlingReminderDue(transfer, T0.plus(Duration.ofHours(13)))).as("not signed").isEmpty();
        assertThat(HALF.handlingReminderDue(accepted, T0.plus(Duration.ofHours(11)))).isEmpty();
        assertThat(HALF.handlingReminderDue(accepted, T0.plus(Duration.ofHours(12)))).contains(1);
        assertThat(HALF.handlingReminderDue(accepted, T0.plus(Duration.ofHours(24)))).isEmpty();

        Offer extended = accepted.extendHandlingTo(T0.plus(Duration.ofHours(48)));
        assertThat(HALF.handlingReminderAt(extended)).contains(T0.plus(Duration.ofHours(24)));
        assertThat(HALF.handlingReminderDue(extended, T0.plus(Duration.ofHours(13))))
                .as("the first deadline's reminder, after the extension moved it").isEmpty();
        assertThat(HALF.handlingReminderDue(extended, T0.plus(Duration.ofHours(30)))).contains(2);
        assertThat(HALF.handlingReminderDue(extended.markOverdue(), T0.plus(Duration.ofHours(30)))).isEmpty();
        assertThat(HALF.handlingReminderDue(extended.start(T0.plusSeconds(99))
                .complete(T0.plusSeconds(100), "ok"), T0.plus(Duration.ofHours(30)))).isEqualTo(Optional.empty());
    }

    @Test
    void aPercentageOutsideZeroTo99ShouldBeRefused() {
        assertThatThrownBy(() -> new ReminderSchedule(100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReminderSchedule(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
