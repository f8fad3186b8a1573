package org.hotline81890.gateway.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

/**
 * What every {@link CallRecords} must do; run on the in-memory fake and on MariaDB. Each test reads KPIs over a
 * window of its own (a random hour years ahead), so tests sharing one database do not see each other's calls.
 */
public interface CallRecordsContract {
    CallRecords records();

    Duration WITHIN_15_S = Duration.ofSeconds(15);

    private static Instant hour() {
        int hours = ThreadLocalRandom.current().nextInt(80_000);
        return Instant.parse("2031-01-01T00:00:00Z").plus(Duration.ofHours(hours));
    }

    private static String uid() {
        return "1733367600." + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    default void anAnsweredCallCountsItsWaitAndTalk() {
        Instant t = hour();
        String call = uid();
        records().joined(call, "13912345678", "hotline", t);
        records().agentCalled(call, t.plusSeconds(2));
        records().answered(call, "PJSIP/8001", 12, t.plusSeconds(12));
        records().completed(call, 90, t.plusSeconds(102));
        records().hungUp(call, t.plusSeconds(103));

        CallRecords.CallKpis k = records().kpis(t, t.plus(Duration.ofHours(1)), WITHIN_15_S);
        assertThat(k.offered()).isEqualTo(1);
        assertThat(k.answered()).isEqualTo(1);
        assertThat(k.answeredInTime()).isEqualTo(1);
        assertThat(k.abandoned()).isZero();
        assertThat(k.averageWaitSeconds()).isEqualTo(12.0);
        CallRecords.CallTimes times = records().times(t, t.plus(Duration.ofHours(1)));
        assertThat(times.averageSpeedOfAnswer()).isEqualTo(12.0);
        assertThat(times.averageTalk()).isEqualTo(90.0);
    }

    /** Events written as one unit (the recorder's burst, ADR 0052) count as the same events one by one. */
    @Test
    default void eventsWrittenTogetherCountAsEachOnItsOwn() {
        Instant t = hour();
        String answered = uid();
        String abandoned = uid();
        records().together(() -> {
            records().joined(answered, "13912345678", "hotline", t);
            records().joined(abandoned, "13912345679", "hotline", t.plusSeconds(1));
            records().answered(answered, "PJSIP/8001", 5, t.plusSeconds(5));
            records().completed(answered, 60, t.plusSeconds(65));
            records().hungUp(answered, t.plusSeconds(66));
            records().hungUp(abandoned, t.plusSeconds(30));
        });

        CallRecords.CallKpis k = records().kpis(t, t.plus(Duration.ofHours(1)), WITHIN_15_S);
        assertThat(k.offered()).isEqualTo(2);
        assertThat(k.answered()).isEqualTo(1);
        assertThat(k.answeredInTime()).isEqualTo(1);
        assertThat(k.abandoned()).isEqualTo(1);
        assertThat(records().times(t, t.plus(Duration.ofHours(1))).averageTalk()).isEqualTo(60.0);
    }

    @Test
    default void aCallAnsweredAfterTheLimitIsAnsweredButNotInTime() {
        Instant t = hour();
        String call = uid();
        records().joined(call, "13912345678", "hotline", t);
        records().answered(call, "PJSIP/8001", 40, t.plusSeconds(40));

        CallRecords.CallKpis k = records().kpis(t, t.plus(Duration.ofHours(1)), WITHIN_15_S);
        assertThat(k.answered()).isEqualTo(1);
        assertThat(k.answeredInTime()).isZero();
    }

    @Test
    default void aWaitingCallThatHangsUpIsAbandonedWithItsWait() {
        Instant t = hour();
        String call = uid();
        records().joined(call, "13912345678", "hotline", t);
        records().hungUp(call, t.plusSeconds(30));

        CallRecords.CallKpis k = records().kpis(t, t.plus(Duration.ofHours(1)), WITHIN_15_S);
        assertThat(k.offered()).isEqualTo(1);
        assertThat(k.answered()).isZero();
        assertThat(k.abandoned()).isEqualTo(1);
        assertThat(k.averageWaitSeconds()).isEqualTo(30.0);
        assertThat(records().times(t, t.plus(Duration.ofHours(1))))
                .as("only answered calls have a speed of answer")
                .isEqualTo(new CallRecords.CallTimes(0, 0));
    }

    @Test
    default void anAbandonedCallStaysAbandonedWhateverComesAfter() {
        Instant t = hour();
        String call = uid();
        records().joined(call, "13912345678", "hotline", t);
        records().abandoned(call, 20, t.plusSeconds(20));
        records().answered(call, "PJSIP/8001", 25, t.plusSeconds(25));
        records().hungUp(call, t.plusSeconds(26));

        CallRecords.CallKpis k = records().kpis(t, t.plus(Duration.ofHours(1)), WITHIN_15_S);
        assertThat(k.abandoned()).isEqualTo(1);
        assertThat(k.answered()).isZero();
        assertThat(k.averageWaitSeconds()).isEqualTo(20.0);
    }

    @Test
    default void anAnsweredCallThatHangsUpStaysAnswered() {
        Instant t = hour();
        String call = uid();
        records().joined(call, "13912345678", "hotline", t);
        records().answered(call, "PJSIP/8001", 5, t.plusSeconds(5));
        records().hungUp(call, t.plusSeconds(60));

        CallRecords.CallKpis k = records().kpis(t, t.plus(Duration.ofHours(1)), WITHIN_15_S);
        assertThat(k.answered()).isEqualTo(1);
        assertThat(k.abandoned()).isZero();
        assertThat(k.averageWaitSeconds()).isEqualTo(5.0);
    }

    @Test
    default void anAnswerWithoutTheAgentsNameStillCounts() {
        Instant t = hour();
        String call = uid();
        records().joined(call, "13912345678", "hotline", t);
        records().answered(call, null, 8, t.plusSeconds(8));

        assertThat(records().kpis(t, t.plus(Duration.ofHours(1)), WITHIN_15_S).answeredInTime()).isEqualTo(1);
    }

    @Test
    default void eventsOfACallNeverSeenJoiningAreIgnored() {
        Instant t = hour();
        String call = uid();
        records().agentCalled(call, t);
        records().answered(call, "PJSIP/8001", 3, t);
        records().completed(call, 10, t.plusSeconds(10));
        records().abandoned(call, 3, t);
        records().hungUp(call, t.plusSeconds(11));

        assertThat(records().kpis(t.minusSeconds(60), t.plus(Duration.ofHours(1)), WITHIN_15_S).offered()).isZero();
    }

    @Test
    default void joiningTwiceKeepsTheFirstJoin() {
        Instant t = hour();
        String call = uid();
        records().joined(call, "13912345678", "hotline", t);
        records().joined(call, "13912345678", "hotline", t.plus(Duration.ofHours(2)));

        assertThat(records().kpis(t, t.plus(Duration.ofHours(1)), WITHIN_15_S).offered()).isEqualTo(1);
        assertThat(records().kpis(t.plus(Duration.ofHours(1)), t.plus(Duration.ofHours(3)), WITHIN_15_S).offered())
                .isZero();
    }

    @Test
    default void theWindowIncludesItsStartAndExcludesItsEnd() {
        Instant t = hour();
        String first = uid();
        String next = uid();
        records().joined(first, "13912345678", "hotline", t);
        records().joined(next, "13912345679", "hotline", t.plus(Duration.ofHours(1)));

        assertThat(records().kpis(t, t.plus(Duration.ofHours(1)), WITHIN_15_S).offered()).isEqualTo(1);
        assertThat(records().kpis(t, t.plus(Duration.ofHours(1)).plusMillis(1), WITHIN_15_S).offered()).isEqualTo(2);
    }
}
