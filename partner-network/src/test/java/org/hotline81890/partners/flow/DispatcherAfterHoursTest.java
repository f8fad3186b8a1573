package org.hotline81890.partners.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.hotline81890.partners.TestProviders;
import org.hotline81890.partners.dispatch.AfterHours;
import org.hotline81890.partners.dispatch.AfterHoursRule;
import org.hotline81890.partners.offer.DispatchJob;
import org.hotline81890.partners.offer.WorkOrderRef;

/** The dispatcher with the night and weekend policy: waits for an opening, offers then; 24h providers at once. */
class DispatcherAfterHoursTest {
    private static final AfterHours POLICY = new AfterHours(AfterHoursRule.ESCALATE, AfterHoursRule.NEXT_WORKING_DAY,
            AfterHoursRule.HOLD, Map.of(), Duration.ofDays(4), Set.<LocalDate>of());

    @Test
    void aJobArrivingAtNightShouldBeHeldUntilTheOpeningAndOfferedThen() {
        FlowFixture f = new FlowFixture(List.of(TestProviders.provider("P-DAY").hours("MON-FRI 08:00-18:00")
                .build()), POLICY);
        f.clock.advance(Duration.ofHours(13)); // Tuesday 23:00 in Shanghai
        DispatchJob job = FlowFixture.job("W1", "HK-01");

        DispatchResult night = f.dispatcher.dispatch(job);

        Instant wednesday8 = Instant.parse("2026-03-04T00:00:00Z");
        assertThat(night).isInstanceOfSatisfying(DispatchResult.Held.class, held -> {
            assertThat(held.hold().offerAt()).isEqualTo(wednesday8);
            assertThat(held.reasons()).contains("1 closed at Tue 23:00");
        });
        assertThat(f.offers.forWorkOrder(job.workOrder())).as("no offer made at night").isEmpty();

        f.clock.advance(Duration.ofHours(9));
        assertThat(f.dispatcher.dispatch(job)).isInstanceOfSatisfying(DispatchResult.Offered.class,
                o -> assertThat(o.offer().offeredAt()).isEqualTo(wednesday8));
    }

    @Test
    void anOnCallProviderOpenRoundTheClockShouldGetTheJobAtOnce() {
        FlowFixture f = new FlowFixture(List.of(TestProviders.provider("P-DAY").hours("MON-FRI 08:00-18:00").build(),
                TestProviders.provider("P-ONCALL").hours("24h").rating(3.0).build()), POLICY);
        f.clock.advance(Duration.ofHours(13));

        assertThat(f.dispatcher.dispatch(FlowFixture.job("W2", "HK-01"))).isInstanceOfSatisfying(
                DispatchResult.Offered.class, o -> assertThat(o.offer().provider().value()).isEqualTo("P-ONCALL"));
    }

    @Test
    void aSupervisorSendingItBackToDispatchIsNotHeld() {
        FlowFixture f = new FlowFixture(List.of(TestProviders.provider("P-DAY").hours("MON-FRI 08:00-18:00")
                .build()), POLICY);
        f.clock.advance(Duration.ofHours(13));

        assertThat(f.dispatcher.dispatchExcluding(FlowFixture.job("W3", "HK-01"), Set.of()))
                .isInstanceOf(DispatchResult.Escalate.class);
    }

    @Test
    void aNightsJobsShouldBeSpreadOverTheOpeningsWithRoomOldestFirstLeavingRoomForNewOnes() {
        FlowFixture f = new FlowFixture(List.of(
                TestProviders.provider("P-EARLY").hours("MON-SUN 07:00-22:00").capacity(5).build(),
                TestProviders.provider("P-LATE").hours("MON-SUN 09:00-17:00").capacity(10).build()), POLICY);
        f.clock.advance(Duration.ofHours(13)); // Tuesday 23:00 in Shanghai
        Instant seven = Instant.parse("2026-03-03T23:00:00Z");
        Instant nine = Instant.parse("2026-03-04T01:00:00Z");

        List<Instant> openings = new java.util.ArrayList<>();
        for (int n = 1; n <= 12; n++) {
            DispatchResult r = f.dispatcher.dispatch(FlowFixture.job("W" + n, "HK-01"));
            assertThat(r).as("job %d", n).isInstanceOf(DispatchResult.Held.class);
            openings.add(((DispatchResult.Held) r).hold().offerAt());
            f.clock.advance(Duration.ofMinutes(1));
        }

        assertThat(openings).as("80 percent of P-EARLY's 5 at 07:00, the rest at 09:00, oldest first")
                .containsExactly(seven, seven, seven, seven, nine, nine, nine, nine, nine, nine, nine, nine);
        f.clock.set(seven);
        for (int n = 1; n <= 4; n++) {
            f.dispatcher.releaseHold(new WorkOrderRef("W" + n));
            assertThat(f.dispatcher.dispatch(FlowFixture.job("W" + n, "HK-01"))).as("job %d at its opening", n)
                    .isInstanceOf(DispatchResult.Offered.class);
        }
        f.clock.advance(Duration.ofMinutes(1));
        assertThat(f.dispatcher.dispatch(FlowFixture.job("W-NEW", "HK-01"))).as("a new request after the opening")
                .isInstanceOfSatisfying(DispatchResult.Offered.class,
                        o -> assertThat(o.offer().provider().value()).isEqualTo("P-EARLY"));
        f.clock.set(nine);
        for (int n = 5; n <= 12; n++) {
            f.dispatcher.releaseHold(new WorkOrderRef("W" + n));
            assertThat(f.dispatcher.dispatch(FlowFixture.job("W" + n, "HK-01"))).as("job %d at its opening", n)
                    .isInstanceOf(DispatchResult.Offered.class);
        }
    }
}
