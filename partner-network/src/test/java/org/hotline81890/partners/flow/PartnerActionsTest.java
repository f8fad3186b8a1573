package org.hotline81890.partners.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.ProviderKind;
import org.hotline81890.partners.TestProviders;
import org.hotline81890.partners.offer.Offer;
import org.hotline81890.partners.offer.OfferId;
import org.hotline81890.partners.offer.OfferState;

class PartnerActionsTest {
    private static final ProviderId A = ProviderId.of("P-A");

    /** Brings a fresh offer to P-A into a state, then an action is tried on it. */
    enum Setup {
        OFFERED, ACCEPTED, STARTED, COMPLETED, DECLINED, EXPIRED, CANCELLED, OFFERED_PAST_DEADLINE
    }

    enum Action {
        ACCEPT, DECLINE, START, COMPLETE
    }

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of(Setup.OFFERED, Action.ACCEPT, ActionResult.Applied.class, OfferState.ACCEPTED),
                Arguments.of(Setup.OFFERED, Action.DECLINE, ActionResult.Applied.class, OfferState.DECLINED),
                Arguments.of(Setup.OFFERED, Action.START, ActionResult.IllegalState.class, OfferState.OFFERED),
                Arguments.of(Setup.OFFERED, Action.COMPLETE, ActionResult.IllegalState.class, OfferState.OFFERED),
                Arguments.of(Setup.OFFERED_PAST_DEADLINE, Action.ACCEPT, ActionResult.OfferExpired.class,
                        OfferState.OFFERED),
                Arguments.of(Setup.OFFERED_PAST_DEADLINE, Action.DECLINE, ActionResult.OfferExpired.class,
                        OfferState.OFFERED),
                Arguments.of(Setup.ACCEPTED, Action.ACCEPT, ActionResult.Repeated.class, OfferState.ACCEPTED),
                Arguments.of(Setup.ACCEPTED, Action.DECLINE, ActionResult.AlreadyAccepted.class, OfferState.ACCEPTED),
                Arguments.of(Setup.ACCEPTED, Action.START, ActionResult.Applied.class, OfferState.STARTED),
                Arguments.of(Setup.ACCEPTED, Action.COMPLETE, ActionResult.Applied.class, OfferState.COMPLETED),
                Arguments.of(Setup.STARTED, Action.START, ActionResult.Repeated.class, OfferState.STARTED),
                Arguments.of(Setup.STARTED, Action.COMPLETE, ActionResult.Applied.class, OfferState.COMPLETED),
                Arguments.of(Setup.COMPLETED, Action.COMPLETE, ActionResult.Repeated.class, OfferState.COMPLETED),
                Arguments.of(Setup.COMPLETED, Action.DECLINE, ActionResult.AlreadyAccepted.class, OfferState.COMPLETED),
                Arguments.of(Setup.DECLINED, Action.DECLINE, ActionResult.Repeated.class, OfferState.DECLINED),
                Arguments.of(Setup.DECLINED, Action.ACCEPT, ActionResult.IllegalState.class, OfferState.DECLINED),
                Arguments.of(Setup.EXPIRED, Action.ACCEPT, ActionResult.OfferExpired.class, OfferState.EXPIRED),
                Arguments.of(Setup.EXPIRED, Action.START, ActionResult.OfferExpired.class, OfferState.EXPIRED),
                Arguments.of(Setup.CANCELLED, Action.ACCEPT, ActionResult.OfferCancelled.class, OfferState.CANCELLED),
                Arguments.of(Setup.CANCELLED, Action.COMPLETE, ActionResult.OfferCancelled.class,
                        OfferState.CANCELLED));
    }

    @ParameterizedTest(name = "{1} on {0} -> {2}")
    @MethodSource("table")
    void actionShouldGiveThePreciseResultAndLeaveTheRightState(Setup setup, Action action,
            Class<? extends ActionResult> expected, OfferState stateAfter) {
        FlowFixture f = fixture();
        OfferId id = prepare(f, setup);

        ActionResult result = run(f, action, A, id);

        assertThat(result).isInstanceOf(expected);
        assertThat(f.offers.find(id).orElseThrow().state()).isEqualTo(stateAfter);
        if (result instanceof ActionResult.Rejection rejection) {
            assertThat(rejection.message()).isNotBlank();
        }
    }

    @Test
    void anotherProviderShouldBeToldItIsNotTheirOfferWhateverTheState() {
        FlowFixture f = fixture();
        OfferId id = prepare(f, Setup.OFFERED);
        for (Action action : Action.values()) {
            assertThat(run(f, action, ProviderId.of("P-B"), id)).isInstanceOf(ActionResult.NotYourOffer.class);
        }
        assertThat(f.actions.accept(A, new OfferId("missing"))).isInstanceOf(ActionResult.OfferNotFound.class);
        assertThat(f.offers.find(id).orElseThrow().version()).isZero();
    }

    @Test
    void offerExpiredMessageShouldNameTheDeadline() {
        FlowFixture f = fixture();
        OfferId id = prepare(f, Setup.OFFERED_PAST_DEADLINE);
        Offer offer = f.offers.find(id).orElseThrow();
        assertThat(((ActionResult.Rejection) f.actions.accept(A, id)).message())
                .isEqualTo("offer expired at " + offer.acceptBy());
    }

    @Test
    void departmentShouldAskForOneExtensionBeforeTheDeadlineWithinTheLimitAndGetItWhenApproved() {
        FlowFixture f = new FlowFixture(List.of(
                TestProviders.provider("DEP-WATER").kind(ProviderKind.DEPARTMENT).services("UT-01").build()));
        ProviderId water = ProviderId.of("DEP-WATER");
        Offer transfer = DispatcherTest.offered(f.dispatcher.dispatch(FlowFixture.job("W1", "UT-01")));
        f.actions.accept(water, transfer.id());

        assertThat(f.actions.requestExtension(water, transfer.id(), Duration.ofDays(6), "parts"))
                .isInstanceOf(ActionResult.ExtensionRefused.class);
        assertThat(f.actions.requestExtension(water, transfer.id(), Duration.ofDays(1), " "))
                .isInstanceOf(ActionResult.ExtensionRefused.class);
        long before = f.offers.find(transfer.id()).orElseThrow().version();
        assertThat(f.actions.requestExtension(water, transfer.id(), Duration.ofDays(1), "waiting for parts"))
                .as("a request within the terms waits for a supervisor")
                .isInstanceOf(ActionResult.ExtensionRequested.class);
        assertThat(f.offers.find(transfer.id()).orElseThrow().version()).as("nothing changed yet").isEqualTo(before);
        ActionResult granted = f.actions.grantExtension(transfer.id(), Duration.ofDays(1));
        assertThat(granted).isInstanceOfSatisfying(ActionResult.Applied.class, applied -> assertThat(
                applied.offer().handleBy()).contains(transfer.handleBy().orElseThrow().plus(Duration.ofDays(1))));
        assertThat(f.actions.requestExtension(water, transfer.id(), Duration.ofDays(1), "again"))
                .isInstanceOfSatisfying(ActionResult.ExtensionRefused.class,
                        r -> assertThat(r.message()).isEqualTo("extension refused: already extended 1 time(s)"));
        assertThat(f.actions.grantExtension(transfer.id(), Duration.ofDays(1)))
                .as("approving twice does not extend twice").isInstanceOf(ActionResult.ExtensionRefused.class);

        f.clock.advance(Duration.ofDays(2).plusHours(1));
        assertThat(f.dispatcher.onHandlingDeadline(transfer.id())).isInstanceOf(DeadlineResult.Missed.class);
        assertThat(f.actions.requestExtension(water, transfer.id(), Duration.ofDays(1), "late"))
                .isInstanceOf(ActionResult.ExtensionRefused.class);
    }

    @Test
    void anExtensionApprovedAfterTheDeadlinePassedShouldBeRefused() {
        FlowFixture f = new FlowFixture(List.of(
                TestProviders.provider("DEP-WATER").kind(ProviderKind.DEPARTMENT).services("UT-01").build()));
        ProviderId water = ProviderId.of("DEP-WATER");
        Offer transfer = DispatcherTest.offered(f.dispatcher.dispatch(FlowFixture.job("W1", "UT-01")));
        f.actions.accept(water, transfer.id());
        assertThat(f.actions.requestExtension(water, transfer.id(), Duration.ofDays(1), "parts"))
                .isInstanceOf(ActionResult.ExtensionRequested.class);
        f.clock.advance(Duration.ofDays(3));
        assertThat(f.actions.grantExtension(transfer.id(), Duration.ofDays(1)))
                .isInstanceOf(ActionResult.ExtensionRefused.class);
        assertThat(f.offers.find(transfer.id()).orElseThrow().extensions()).isZero();
    }

    @Test
    void assignmentsShouldNotBeExtendable() {
        FlowFixture f = fixture();
        OfferId id = prepare(f, Setup.ACCEPTED);
        assertThat(f.actions.requestExtension(A, id, Duration.ofHours(1), "x"))
                .isInstanceOf(ActionResult.ExtensionRefused.class);
    }

    private static FlowFixture fixture() {
        return new FlowFixture(List.of(TestProviders.provider("P-A").rating(4.5).build(),
                TestProviders.provider("P-B").build()));
    }

    private static OfferId prepare(FlowFixture f, Setup setup) {
        OfferId id = DispatcherTest.offered(f.dispatcher.dispatch(FlowFixture.job("W1", "HK-01"))).id();
        assertThat(f.offers.find(id).orElseThrow().provider()).isEqualTo(A);
        Function<Offer, Offer> step = switch (setup) {
            case OFFERED, OFFERED_PAST_DEADLINE -> o -> o;
            case ACCEPTED -> o -> o.accept(f.clock.instant());
            case STARTED -> o -> o.accept(f.clock.instant()).start(f.clock.instant());
            case COMPLETED -> o -> o.accept(f.clock.instant()).start(f.clock.instant())
                    .complete(f.clock.instant(), "ok");
            case DECLINED -> o -> o.decline(f.clock.instant(), "busy");
            case EXPIRED -> o -> o.expire(f.clock.instant());
            case CANCELLED -> o -> o.cancel(f.clock.instant(), "resident cancelled");
        };
        Offer offer = f.offers.find(id).orElseThrow();
        Offer prepared = step.apply(offer);
        if (prepared != offer) {
            f.offers.save(prepared.version() == offer.version() + 1 ? prepared : chain(f, offer, prepared));
        }
        if (setup == Setup.OFFERED_PAST_DEADLINE) {
            f.clock.advance(Duration.ofMinutes(5));
        }
        return id;
    }

    /** The store takes one version at a time; write the final state with the version it expects next. */
    private static Offer chain(FlowFixture f, Offer stored, Offer target) {
        return new Offer(target.id(), target.job(), target.provider(), target.kind(), target.state(),
                target.offeredAt(), target.acceptBy(), target.handleBy(), target.answeredAt(), target.startedAt(),
                target.finishedAt(),
                target.note(), target.extensions(), target.overdue(), stored.version() + 1);
    }

    private static ActionResult run(FlowFixture f, Action action, ProviderId caller, OfferId id) {
        return switch (action) {
            case ACCEPT -> f.actions.accept(caller, id);
            case DECLINE -> f.actions.decline(caller, id, "busy");
            case START -> f.actions.start(caller, id);
            case COMPLETE -> f.actions.complete(caller, id, "fixed the tap");
        };
    }
}
