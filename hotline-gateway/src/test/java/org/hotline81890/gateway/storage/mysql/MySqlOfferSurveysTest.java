package org.hotline81890.gateway.storage.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.hotline81890.partners.kpi.SurveyAnswer;
import org.junit.jupiter.api.Test;

class MySqlOfferSurveysTest {
    @Test
    void historyDetailsShouldReadBackAsSurveyAnswers() {
        assertThat(MySqlOfferSurveys.answer("SURVEYED", "survey answer: 满意")).contains(SurveyAnswer.SATISFIED);
        assertThat(MySqlOfferSurveys.answer("SURVEYED", "survey answer: 基本满意"))
                .contains(SurveyAnswer.BASICALLY_SATISFIED);
        assertThat(MySqlOfferSurveys.answer("SURVEYED", "survey answer: 不满意")).contains(SurveyAnswer.UNSATISFIED);
        assertThat(MySqlOfferSurveys.answer("CLOSED", "closed: no reply to the satisfaction survey"))
                .contains(SurveyAnswer.NO_REPLY);
        assertThat(MySqlOfferSurveys.answer("SURVEYED", "something else")).isEqualTo(Optional.empty());
    }
}
