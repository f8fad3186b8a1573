package org.hotline81890.gateway.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;

import org.hotline81890.gateway.supervision.KpiCharts.ProviderFigures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProviderRankingTest {
    /** offers, due, accepted, on time, completed, satisfied, unsatisfied, overdue, notices. */
    private static ProviderFigures figures(String id, long due, long accepted, long onTime, long completed,
                                           long satisfied, long unsatisfied, long overdue, long notices) {
        return new ProviderFigures(id, id, "PARTNER_COMPANY", due, due, accepted, onTime, completed, Optional.empty(),
                Optional.empty(), satisfied, unsatisfied, overdue, notices);
    }

    /** The 95 % Wilson lower bound, against values worked out by hand (and in any statistics table). */
    @ParameterizedTest(name = "{0} of {1}: at least {2}")
    @CsvSource({
        "0, 0, -1", "0, 10, 0", "1, 1, 0.2065", "2, 2, 0.3424", "1, 2, 0.0945", "3, 4, 0.3006", "9, 10, 0.5958",
        "95, 100, 0.8882", "50, 100, 0.4038", "950, 1000, 0.9346"})
    void theLowerBoundOfTheWilsonInterval(long part, long whole, double atLeast) {
        assertThat(ProviderRanking.lowerBound(part, whole)).isCloseTo(atLeast, within(0.0001));
    }

    @Test
    void theScoreIsTheWeightedMeanOfTheLowerBoundsLessTwoPointsPerSupervision() {
        // on time 9/10 (.5958), accepted 8/10 (.4902), satisfied 4/5 (.3755), not reopened 7/8 (.5291):
        // .5958*.35 + .4902*.25 + .3755*.25 + .5291*.15 = .5043 -> 50.4, less 2 x 2 = 46.4
        ProviderRanking.Row r = ProviderRanking.row(figures("P-1", 10, 8, 9, 8, 4, 1, 1, 1));
        assertThat(r.score()).contains(46.4);
        assertThat(r.satisfaction()).contains(0.8);
        assertThat(r.watch()).containsExactly("重办多", "有督办", ProviderRanking.THIN);
        // Only survey answers: the satisfaction's lower bound is all there is to score.
        assertThat(ProviderRanking.row(figures("P-2", 0, 0, 0, 0, 3, 1, 0, 0)).score()).contains(30.1);
        assertThat(ProviderRanking.row(figures("P-3", 0, 0, 0, 0, 0, 0, 0, 2)).score()).isEmpty();
        assertThat(ProviderRanking.row(figures("P-3", 0, 0, 0, 0, 0, 0, 0, 2)).watch()).containsExactly("有督办");
    }

    /**
     * Issue 15: one or two survey answers ranked a provider first on satisfaction (100 % of 1 beat 95 % of 100).
     * Each row: a provider's figures, and where it must rank among the table's providers; 样本不足 below 10 cases.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # provider     | due | acc | on time | done | sat | unsat | rank | thin
            steady-95of100 | 0   | 0   | 0       | 0    | 95  | 5     | 1    | false
            lucky-2of2     | 0   | 0   | 0       | 0    | 2   | 0     | 2    | true
            mixed-6of10    | 0   | 0   | 0       | 0    | 6   | 4     | 3    | false
            lucky-1of1     | 0   | 0   | 0       | 0    | 1   | 0     | 4    | true
            """)
    void fewAnswersCannotOutrankALongGoodRecord(String provider, long due, long accepted, long onTime, long done,
                                                long satisfied, long unsatisfied, int rank, boolean thin) {
        List<ProviderRanking.Row> rows = ProviderRanking.rank(List.of(
                figures("lucky-1of1", 0, 0, 0, 0, 1, 0, 0, 0), figures("mixed-6of10", 0, 0, 0, 0, 6, 4, 0, 0),
                figures("lucky-2of2", 0, 0, 0, 0, 2, 0, 0, 0), figures("steady-95of100", 0, 0, 0, 0, 95, 5, 0, 0)));
        ProviderRanking.Row row = rows.stream().filter(r -> r.figures().provider().equals(provider)).findFirst()
                .orElseThrow();
        assertThat(row.figures()).isEqualTo(figures(provider, due, accepted, onTime, done, satisfied, unsatisfied,
                0, 0));
        assertThat(row.rank()).contains(rank);
        assertThat(row.watch().contains(ProviderRanking.THIN)).isEqualTo(thin);
    }

    @Test
    void aPerfectRecordOfTwoJobsRanksBelowANinetyPercentRecordOfAHundred() {
        List<ProviderRanking.Row> rows = ProviderRanking.rank(List.of(figures("P-two", 2, 2, 2, 2, 2, 0, 0, 0),
                figures("P-hundred", 100, 90, 90, 90, 85, 5, 0, 0)));
        assertThat(rows).extracting(r -> r.figures().provider()).containsExactly("P-hundred", "P-two");
        assertThat(rows.get(1).satisfaction()).contains(1.0);
    }

    @Test
    void rankOneIsTheBestAndProvidersWithoutAScoreComeLastUnranked() {
        List<ProviderRanking.Row> rows = ProviderRanking.rank(List.of(figures("P-low", 10, 5, 5, 5, 1, 1, 0, 0),
                figures("P-none", 0, 0, 0, 0, 0, 0, 0, 1), figures("P-high", 10, 10, 10, 10, 5, 0, 0, 0)));
        assertThat(rows).extracting(r -> r.figures().provider() + "#" + r.rank().map(String::valueOf).orElse("-"))
                .containsExactly("P-high#1", "P-low#2", "P-none#-");
        assertThat(rows.get(1).watch()).containsExactly("按时响应率低", "接单率低", "满意率低", "重办多",
                ProviderRanking.THIN);
    }
}
