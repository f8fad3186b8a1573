package org.hotline81890.gateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.hotline81890.gateway.workorder.WorkOrderId;
import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.kpi.SurveyAnswer;
import org.hotline81890.partners.offer.OfferId;
import org.hotline81890.partners.rating.SurveyTally;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ProviderRatings} must do; run on the in-memory fake and on MariaDB. Each test rates providers of
 * its own, so tests sharing one database do not see each other's answers.
 */
public interface ProviderRatingsContract {
    Instant T0 = Instant.parse("2026-12-05T02:00:00Z");

    ProviderRatings ratings();

    private static ProviderId provider() {
        return ProviderId.of("P-R" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT));
    }

    private static WorkOrderId order() {
        return new WorkOrderId(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2));
    }

    private static OfferId offer() {
        return new OfferId("of-" + UUID.randomUUID());
    }

    @Test
    default void answersAreTalliedPerProviderWithTheirScores() {
        ProviderId p = provider();
        ProviderId q = provider();
        assertThat(ratings().record(order(), 5, p, offer(), SurveyAnswer.SATISFIED, T0)).isTrue();
        assertThat(ratings().record(order(), 5, p, offer(), SurveyAnswer.UNSATISFIED, T0)).isTrue();
        assertThat(ratings().record(order(), 5, q, offer(), SurveyAnswer.BASICALLY_SATISFIED, T0)).isTrue();

        assertThat(ratings().tallies().get(p)).isEqualTo(new SurveyTally(2,
                SurveyTally.score(SurveyAnswer.SATISFIED) + SurveyTally.score(SurveyAnswer.UNSATISFIED)));
        assertThat(ratings().tallies().get(q)).isEqualTo(new SurveyTally(1,
                SurveyTally.score(SurveyAnswer.BASICALLY_SATISFIED)));
    }

    @Test
    default void theSameAnswerScoredTwiceCountsOnce() {
        ProviderId p = provider();
        WorkOrderId w = order();
        OfferId o = offer();
        assertThat(ratings().record(w, 7, p, o, SurveyAnswer.SATISFIED, T0)).isTrue();
        assertThat(ratings().record(w, 7, p, o, SurveyAnswer.SATISFIED, T0.plusSeconds(5))).isFalse();

        assertThat(ratings().tallies().get(p)).isEqualTo(new SurveyTally(1, 5));
    }

    @Test
    default void aLaterAnswerOnTheSameOrderIsANewAnswer() {
        ProviderId p = provider();
        WorkOrderId w = order();
        ratings().record(w, 7, p, offer(), SurveyAnswer.UNSATISFIED, T0);
        assertThat(ratings().record(w, 11, p, offer(), SurveyAnswer.SATISFIED, T0.plusSeconds(3600))).isTrue();

        assertThat(ratings().tallies().get(p).answers()).isEqualTo(2);
    }

    @Test
    default void noReplyIsNotScoredAndAProviderWithoutAnswersIsAbsent() {
        ProviderId p = provider();
        assertThat(ratings().record(order(), 3, p, offer(), SurveyAnswer.NO_REPLY, T0)).isFalse();

        assertThat(ratings().tallies()).doesNotContainKey(p);
    }
}
