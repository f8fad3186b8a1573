package org.hotline81890.gateway.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.hotline81890.gateway.supervision.KpiCharts.ProviderFigures;
import org.junit.jupiter.api.Test;

class ProviderRankingTest {
    /** offers, due, accepted, on time, completed, satisfied, unsatisfied, overdue, notices. */
    private static ProviderFigures figures(String id, long due, long accepted, long onTime, long completed,
                                           long satisfied, long unsatisfied, long overdue, long notices) {
        return new ProviderFigures(id, id, "PARTNER_COMPANY", due, due, accepted, onTime, completed, Optional.empty(),
                Optional.empty(), satisfied, unsatisfied, overdue, notices);
    }

    @Test
    void theScoreIsTheWeightedMeanOfTheRatesItHasLessTwoPointsPerSupervision() {
        // on time 9/10, accepted 8/10, satisfied 4/5, reopened 1/8: .9*.35 + .8*.25 + .8*.25 + .875*.15 = .84625
        ProviderRanking.Row r = ProviderRanking.row(figures("P-1", 10, 8, 9, 8, 4, 1, 1, 1));
        assertThat(r.score()).contains(80.6);
        assertThat(r.watch()).containsExactly("重办多", "有督办");
        // Only a survey answer: the satisfaction is all there is to score.
        assertThat(ProviderRanking.row(figures("P-2", 0, 0, 0, 0, 3, 1, 0, 0)).score()).contains(75.0);
        assertThat(ProviderRanking.row(figures("P-3", 0, 0, 0, 0, 0, 0, 0, 2)).score()).isEmpty();
    }

    @Test
    void rankOneIsTheBestAndProvidersWithoutAScoreComeLastUnranked() {
        List<ProviderRanking.Row> rows = ProviderRanking.rank(List.of(figures("P-low", 10, 5, 5, 5, 1, 1, 0, 0),
                figures("P-none", 0, 0, 0, 0, 0, 0, 0, 1), figures("P-high", 10, 10, 10, 10, 5, 0, 0, 0)));
        assertThat(rows).extracting(r -> r.figures().provider() + "#" + r.rank().map(String::valueOf).orElse("-"))
                .containsExactly("P-high#1", "P-low#2", "P-none#-");
        assertThat(rows.get(1).watch()).containsExactly("按时响应率低", "接单率低", "满意率低", "重办多");
    }
}
