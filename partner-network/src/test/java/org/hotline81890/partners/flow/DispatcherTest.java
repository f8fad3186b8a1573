package org.hotline81890.partners.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.ProviderKind;
import org.hotline81890.partners.TestProviders;
import org.hotline81890.partners.offer.DispatchJob;
import org.hotline81890.partners.offer.Offer;
import org.hotline81890.partners.offer.OfferKind;
import org.hotline81890.partners.offer.OfferState;

class DispatcherTest {
    private final FlowFixture f = new FlowFixture(List.of(
            TestProviders.provider("P-A").services("HK-01", "HK-03").rating(5.0).build(),
            TestProviders.provider("P-B").services("HK-01", "HK-03").rating(4.0).build(),
            TestProviders.provider("DEP-WATER").kind(ProviderKind.DEPARTMENT).services("UT-01").build()));
    private final ProviderId a = ProviderId.of("P-A");
    private final ProviderId b = ProviderId.of("P-B");

    @Test
    void declineThenTimeoutShouldWalkTheRankingAndThenEscalate() {
        DispatchJob job = FlowFixture.job("W1", "HK-01");
        Offer first = offered(f.dispatcher.dispatch(job));
        assertThat(first.provider()).isEqualTo(a);
        assertThat(first.acceptBy()).isEqualTo(f.clock.instant().plus(Duration.ofMinutes(5)));
        assertThat(f.dispatcher.dispatch(job)).isInstanceOf(DispatchResult.StillOpen.class);

        f.actions.decline(a, first.id(), "no staff today");
        Offer second = offered(f.dispatcher.next(job));
        assertThat(second.provider()).isEqualTo(b);

        f.clock.advance(Duration.ofMinutes(4));
        assertThat(f.dispatcher.onAcceptDeadline(second.id())).isInstanceOf(DispatchResult.Unchanged.class);
        f.clock.advance(Duration.ofMinutes(1));
        DispatchResult last = f.dispatcher.onAcceptDeadline(second.id());

        assertThat(f.offers.find(second.id()).orElseThrow().state()).isEqualTo(OfferState.EXPIRED);
        assertThat(last).isInstanceOfSatisfying(DispatchResult.Escalate.class, escalate -> {
            assertThat(escalate.workOrder()).isEqualTo(job.workOrder());
            assertThat(escalate.reasons()).contains(
                    "2 already offered this work order (declined, timed out or cancelled)");
        });
    }

    @Test
    void aSupervisorShouldAssignToTheChosenProviderOnlyWhenNoOfferIsOpen() {
        DispatchJob job = FlowFixture.job("W1", "HK-01");
        Offer first = offered(f.dispatcher.dispatch(job));
        assertThat(first.provider()).isEqualTo(a);
        assertThat(f.dispatcher.assign(job, f.provider(b), "督办")).isInstanceOf(DispatchResult.StillOpen.class);
        f.actions.decline(a, first.id(), "busy");
        Offer chosen = offered(f.dispatcher.assign(job, f.provider(a), "督办: 班长改派"));
        assertThat(chosen.provider()).as("the supervisor may choose even one that declined").isEqualTo(a);
        assertThat(chosen.acceptBy()).isEqualTo(f.clock.instant().plus(Duration.ofMinutes(5)));
    }

    @Test
    void dispatchExcludingShouldSkipTheProvidersTheSupervisorNamed() {
        DispatchJob job = FlowFixture.job("W1", "HK-01");
        assertThat(offered(f.dispatcher.dispatchExcluding(job, java.util.Set.of(a))).provider()).isEqualTo(b);
        DispatchJob other = FlowFixture.job("W2", "HK-01");
        assertThat(f.dispatcher.dispatchExcluding(other, java.util.Set.of(a, b)))
                .isInstanceOf(DispatchResult.Escalate.class);
    }

    @Test
    void perServiceAcceptTimeoutShouldApply() {
        Offer offer = offered(f.dispatcher.dispatch(FlowFixture.job("W1", "HK-03")));
        assertThat(offer.acceptBy()).isEqualTo(f.clock.instant().plus(Duration.ofMinutes(30)));
    }

    @Test
    void reopenedWorkOrderShouldNeverGoBackToTheProviderTheResidentWasUnsatisfiedWith() {
        DispatchJob job = FlowFixture.job("W1", "HK-01");
        Offer first = offered(f.dispatcher.dispatch(job));
        f.actions.accept(a, first.id());
        f.actions.complete(a, first.id(), "done");

        Offer again = offered(f.dispatcher.dispatch(job));

        assertThat(again.provider()).isEqualTo(b);
        f.actions.decline(b, again.id(), "busy");
        assertThat(f.dispatcher.dispatch(job)).as("no one else left: escalate, do not re-offer to A")
                .isInstanceOfSatisfying(DispatchResult.Escalate.class, e -> assertThat(e.reasons()).contains(
                        "1 did the work the resident found unsatisfying (never offered it again)"));
    }

    @Test
    void aDepartmentShouldBeToldToAnswerByTheRespondByPromisedToTheResidentAndHandleByItsCompleteBy() {
        java.time.Instant now = f.clock.instant();
        java.time.Instant respondBy = now.plus(Duration.ofHours(1));
        java.time.Instant completeBy = now.plus(Duration.ofHours(24));
        DispatchJob base = FlowFixture.job("W7", "UT-01");
        DispatchJob job = new DispatchJob(base.workOrder(), base.service(), base.area(), base.requestKind(), false,
                "自来水管爆了", java.util.Optional.of(respondBy), java.util.Optional.of(completeBy));

        Offer transfer = offered(f.dispatcher.dispatch(job));

        assertThat(transfer.acceptBy()).as("was now + 2 h sign timeout").isEqualTo(respondBy);
        assertThat(transfer.handleBy()).contains(completeBy);
    }

    @Test
    void aPartnersAnswerWindowShouldEndByTheRespondByPromise() {
        java.time.Instant respondBy = f.clock.instant().plus(Duration.ofMinutes(3));
        DispatchJob base = FlowFixture.job("W8", "HK-01");
        DispatchJob job = new DispatchJob(base.workOrder(), base.service(), base.area(), base.requestKind(), false,
                "", java.util.Optional.of(respondBy), java.util.Optional.empty());

        assertThat(offered(f.dispatcher.dispatch(job)).acceptBy()).isEqualTo(respondBy);
    }

    @Test
    void aPromiseAlreadyPastShouldFallBackToTheOfferTerms() {
        DispatchJob base = FlowFixture.job("W9", "HK-01");
        DispatchJob job = new DispatchJob(base.workOrder(), base.service(), base.area(), base.requestKind(), false,
                "", java.util.Optional.of(f.clock.instant().minusSeconds(60)), java.util.Optional.empty());

        assertThat(offered(f.dispatcher.dispatch(job)).acceptBy())
                .isEqualTo(f.clock.instant().plus(Duration.ofMinutes(5)));
    }

    @Test
    void departmentShouldGetATransferWithAHandlingDeadlineAndMissingItEscalates() {
        Offer transfer = offered(f.dispatcher.dispatch(FlowFixture.job("W9", "UT-01")));
        assertThat(transfer.kind()).isEqualTo(OfferKind.TRANSFER);
        assertThat(transfer.acceptBy()).isEqualTo(f.clock.instant().plus(Duration.ofHours(2)));
        assertThat(transfer.handleBy()).contains(f.clock.instant().plus(Duration.ofHours(24)));
        ProviderId water = ProviderId.of("DEP-WATER");
        f.actions.accept(water, transfer.id());

        f.clock.advance(Duration.ofHours(23));
        assertThat(f.dispatcher.onHandlingDeadline(transfer.id())).isInstanceOf(DeadlineResult.NotDue.class);
        f.clock.advance(Duration.ofHours(1));
        DeadlineResult missed = f.dispatcher.onHandlingDeadline(transfer.id());

        assertThat(missed).isInstanceOfSatisfying(DeadlineResult.Missed.class,
                m -> assertThat(m.offer().overdue()).isTrue());
        assertThat(f.dispatcher.onHandlingDeadline(transfer.id())).isInstanceOf(DeadlineResult.Settled.class);
    }

    @Test
    void unknownServiceShouldEscalateWithTheReason() {
        DispatchResult result = f.dispatcher.dispatch(FlowFixture.job("W1", "RP-01"));
        assertThat(result).isInstanceOfSatisfying(DispatchResult.Escalate.class,
                e -> assertThat(e.reasons()).containsExactly("no provider offers RP-01"));
    }

    static Offer offered(DispatchResult result) {
        assertThat(result).isInstanceOf(DispatchResult.Offered.class);
        return ((DispatchResult.Offered) result).offer();
    }
}
