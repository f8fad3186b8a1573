package org.hotline81890.partners.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hotline81890.partners.Rating;
import org.hotline81890.partners.kpi.SurveyAnswer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BayesianRatingTest {
    private static final BayesianRating WEIGHT_5 = new BayesianRating(5);

    @ParameterizedTest(name = "prior {0}, answers {1} -> {2}")
    @CsvSource({
        "3.0, '', 3.0",
        "3.0, UNSATISFIED, 2.67",
        "3.0, SATISFIED, 3.33",
        "3.0, BASICALLY_SATISFIED, 3.17",
        "4.0, UNSATISFIED UNSATISFIED, 3.14",
        "3.0, NO_REPLY NO_REPLY, 3.0",
        "4.5, SATISFIED SATISFIED SATISFIED SATISFIED SATISFIED, 4.75",
    })
    void theRatingShouldBeTheWeightedAverageOfThePriorAndTheScores(double prior, String answers, double expected) {
        SurveyTally tally = SurveyTally.NONE;
        for (String a : answers.isBlank() ? new String[0] : answers.split(" ")) {
            tally = tally.plus(SurveyAnswer.valueOf(a));
        }
        assertThat(WEIGHT_5.apply(new Rating(prior), tally).stars()).isEqualTo(expected);
    }

    @Test
    void manyAnswersShouldOutweighThePrior() {
        SurveyTally complaints = new SurveyTally(95, 95);
        assertThat(WEIGHT_5.apply(new Rating(5.0), complaints).stars()).isEqualTo(1.2);
        assertThat(new BayesianRating(0).apply(new Rating(5.0), complaints).stars()).isEqualTo(1.0);
        assertThat(new BayesianRating(0).apply(new Rating(5.0), SurveyTally.NONE).stars()).isEqualTo(5.0);
    }

    @Test
    void aComplaintShouldLowerAndASatisfiedAnswerRaiseTheRating() {
        Rating prior = new Rating(3.8);
        assertThat(WEIGHT_5.apply(prior, SurveyTally.NONE.plus(SurveyAnswer.UNSATISFIED)).stars()).isLessThan(3.8);
        assertThat(WEIGHT_5.apply(prior, SurveyTally.NONE.plus(SurveyAnswer.SATISFIED)).stars()).isGreaterThan(3.8);
    }

    @Test
    void anImpossibleTallyOrWeightShouldBeRefused() {
        assertThatThrownBy(() -> new SurveyTally(1, 6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SurveyTally(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BayesianRating(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
