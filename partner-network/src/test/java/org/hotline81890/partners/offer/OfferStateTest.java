package org.hotline81890.partners.offer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.store.OfferStoreContract;

class OfferStateTest {
    private static final Instant T0 = Instant.parse("2026-03-03T02:00:00Z");

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of(OfferState.OFFERED, EnumSet.of(OfferState.ACCEPTED, OfferState.DECLINED,
                        OfferState.EXPIRED, OfferState.CANCELLED)),
                Arguments.of(OfferState.ACCEPTED, EnumSet.of(OfferState.STARTED, OfferState.CANCELLED)),
                Arguments.of(OfferState.STARTED, EnumSet.of(OfferState.COMPLETED, OfferState.CANCELLED)),
                Arguments.of(OfferState.DECLINED, EnumSet.noneOf(OfferState.class)),
                Arguments.of(OfferState.EXPIRED, EnumSet.noneOf(OfferState.class)),
                Arguments.of(OfferState.CANCELLED, EnumSet.noneOf(OfferState.class)),
                Arguments.of(OfferState.COMPLETED, EnumSet.noneOf(OfferState.class)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("table")
    void everyPairShouldBeAllowedExactlyWhenTheTableSaysSo(OfferState from, Set<OfferState> allowed) {
        for (OfferState to : OfferState.values()) {
            assertThat(from.canMoveTo(to)).as(from + " -> " + to).isEqualTo(allowed.contains(to));
            if (!allowed.contains(to)) {
                assertThatThrownBy(() -> from.checkMoveTo(to)).isInstanceOf(IllegalOfferTransitionException.class)
                        .hasMessage("offer cannot go from " + from + " to " + to);
            }
        }
        assertThat(from.isFinal()).isEqualTo(allowed.isEmpty());
    }

    @Test
    void happyPathShouldRecordEachInstantAndBumpTheVersion() {
        Offer offered = OfferStoreContract.offer("o1", "W1", "P-1", T0);
        Offer done = offered.accept(T0.plusSeconds(30)).start(T0.plusSeconds(600)).complete(T0.plusSeconds(3600), "ok");
        assertThat(done.state()).isEqualTo(OfferState.COMPLETED);
        assertThat(done.answeredAt()).contains(T0.plusSeconds(30));
        assertThat(done.acceptedAt()).contains(T0.plusSeconds(30));
        assertThat(done.startedAt()).contains(T0.plusSeconds(600));
        assertThat(done.finishedAt()).contains(T0.plusSeconds(3600));
        assertThat(done.note()).contains("ok");
        assertThat(done.version()).isEqualTo(3);
    }

    @Test
    void illegalTransitionsOnTheOfferShouldThrow() {
        Offer offered = OfferStoreContract.offer("o1", "W1", "P-1", T0);
        Offer declined = offered.decline(T0.plusSeconds(5), "busy");
        assertThatThrownBy(() -> offered.start(T0)).isInstanceOf(IllegalOfferTransitionException.class);
        assertThatThrownBy(() -> offered.complete(T0, "x")).isInstanceOf(IllegalOfferTransitionException.class);
        assertThatThrownBy(() -> declined.accept(T0)).isInstanceOf(IllegalOfferTransitionException.class);
        assertThatThrownBy(() -> offered.accept(T0).accept(T0)).isInstanceOf(IllegalOfferTransitionException.class);
        assertThat(declined.acceptedAt()).isEmpty();
    }

    @Test
    void cancellingAfterAcceptanceShouldKeepTheAcceptanceOnRecord() {
        Offer cancelled = OfferStoreContract.offer("o1", "W1", "P-1", T0).accept(T0.plusSeconds(10))
                .cancel(T0.plusSeconds(20), "resident cancelled");
        assertThat(cancelled.acceptedAt()).contains(T0.plusSeconds(10));
        assertThat(cancelled.finishedAt()).contains(T0.plusSeconds(20));
    }

    @Test
    void acceptDeadlineShouldPassAtAcceptBy() {
        Offer offer = Offer.assignment(new OfferId("o"), OfferStoreContract.job("W"), ProviderId.of("P-1"), T0,
                T0.plusSeconds(300));
        assertThat(offer.acceptDeadlinePassed(T0.plusSeconds(299))).isFalse();
        assertThat(offer.acceptDeadlinePassed(T0.plusSeconds(300))).isTrue();
        assertThat(offer.accept(T0).acceptDeadlinePassed(T0.plusSeconds(900))).isFalse();
    }
}
