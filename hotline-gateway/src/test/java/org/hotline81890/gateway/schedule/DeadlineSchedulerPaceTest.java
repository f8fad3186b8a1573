package org.hotline81890.gateway.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hotline81890.gateway.workorder.DeadlineStore;
import org.junit.jupiter.api.Test;

/**
 * Found by the demo at --speed 60x: the scheduler slept the span to the next deadline as measured on the clock
 * (simulated minutes) in real time, capped only by the poll interval, so every deadline fired up to
 * poll-interval x speed late (5 s x 60 = 5 simulated minutes: an offer's whole answer window).
 */
class DeadlineSchedulerPaceTest {
    private static final Duration POLL = Duration.ofSeconds(5);

    @Test
    void roundShouldWaitTheRealTimeOfTheSpanToTheNextDeadlineOnAScaledClock() {
        ScaledClock clock = new ScaledClock(Instant.parse("2026-12-05T00:00:00Z"), 60);
        DeadlineScheduler scheduler = new DeadlineScheduler(nextDueIn(clock, Duration.ofSeconds(60)), Map.of(), POLL,
                Duration.ofSeconds(60), clock);

        Duration wait = scheduler.round();

        assertThat(wait).isLessThanOrEqualTo(Duration.ofSeconds(1)).isGreaterThan(Duration.ofMillis(900));
    }

    @Test
    void roundShouldWaitTheSpanItselfOnTheSystemClock() {
        java.time.Clock clock = java.time.Clock.systemUTC();
        DeadlineScheduler scheduler = new DeadlineScheduler(nextDueIn(clock, Duration.ofSeconds(3)), Map.of(), POLL,
                Duration.ofSeconds(60), clock);

        assertThat(scheduler.round()).isGreaterThan(Duration.ofMillis(2900)).isLessThanOrEqualTo(POLL);
    }

    @Test
    void aScaledClockShouldRunFasterAndKeepItsTimeWhenTheSpeedChanges() throws InterruptedException {
        Instant origin = Instant.parse("2026-12-05T00:00:00Z");
        ScaledClock clock = new ScaledClock(origin, 600);
        Thread.sleep(100);
        Instant first = clock.instant();
        clock.setSpeed(1);
        Instant second = clock.instant();

        assertThat(Duration.between(origin, first)).isGreaterThanOrEqualTo(Duration.ofSeconds(60));
        assertThat(second).isAfterOrEqualTo(first).isBefore(first.plusSeconds(1));
        assertThat(clock.real(Duration.ofMinutes(1))).isEqualTo(Duration.ofMinutes(1));
    }

    private static DeadlineStore nextDueIn(java.time.Clock clock, Duration in) {
        Instant due = clock.instant().plus(in);
        return new DeadlineStore() {
            @Override
            public long arm(String subjectType, long subjectId, String kind, Instant dueAt) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void cancel(String subjectType, long subjectId, String kind) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<DueDeadline> claimDue(Instant now, int limit, Duration lease) {
                return List.of();
            }

            @Override
            public void markFired(long id, Instant at) {
            }

            @Override
            public Optional<Instant> nextDue() {
                return Optional.of(due);
            }
        };
    }
}
