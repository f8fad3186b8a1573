package org.hotline81890.gateway.supervision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.hotline81890.gateway.supervision.KpiCharts.ProviderFigures;

/**
 * The providers' ranking on the supervisor's charts, a named policy (ADR 0025, ADR 0034): the rates from the
 * database's counts, a score of 0..100 and whether a supervisor should look at the provider (需关注) and why.
 * <p>
 * Score: the weighted mean of the rates the provider has figures for — on-time response 35 %, acceptance 25 %,
 * satisfaction 25 %, not reopened 15 % — each taken at the lower bound of its 95 % Wilson interval, less 2 points for
 * each 督办单 and each overdue job. The lower bound is what the provider's record shows at least, with 95 %
 * confidence: 2 of 2 satisfied is at least 34 %, 95 of 100 at least 89 %, so one or two lucky answers cannot rank a
 * provider above one with a long good record. A provider with no offer due and no survey answer in the range has no
 * score and no rank. A rate from fewer than {@link #MIN_SAMPLE} cases is shown with 样本不足.
 */
public final class ProviderRanking {
    /** Below this share a provider is flagged: on-time response, acceptance, satisfaction. */
    public static final double WATCH_BELOW = 0.8;
    /** Above this share of its completed jobs reopened a provider is flagged. */
    public static final double WATCH_REOPEN_ABOVE = 0.1;
    /** Below this many cases (offers due, survey answers, completed jobs) a rate is shown with 样本不足. */
    public static final long MIN_SAMPLE = 10;
    /** The flag of a provider whose score rests on few cases: its rank says little yet. */
    public static final String THIN = "样本不足";
    /** The normal quantile of the Wilson interval: 95 % two-sided. */
    private static final double Z = 1.96;

    private ProviderRanking() {
    }

    /** One provider's row: its figures, rates (empty without a denominator), score, rank (1 = best) and flags. */
    public record Row(ProviderFigures figures, Optional<Double> acceptance, Optional<Double> onTime,
                      Optional<Double> satisfaction, Optional<Double> reopenRate, Optional<Double> score,
                      Optional<Integer> rank, List<String> watch) {
        public long supervision() {
            return figures.notices() + figures.overdue();
        }
    }

    /** Rows ranked best first; providers without a score last, by id. */
    public static List<Row> rank(List<ProviderFigures> figures) {
        List<Row> scored = new ArrayList<>(figures.stream().map(ProviderRanking::row).toList());
        scored.sort(Comparator.comparing((Row r) -> -r.score().orElse(-1.0))
                .thenComparing(r -> -r.figures().offers()).thenComparing(r -> r.figures().provider()));
        List<Row> out = new ArrayList<>();
        int rank = 0;
        for (Row r : scored) {
            out.add(r.score().isEmpty() ? r : new Row(r.figures(), r.acceptance(), r.onTime(), r.satisfaction(),
                    r.reopenRate(), r.score(), Optional.of(++rank), r.watch()));
        }
        return out;
    }

    static Row row(ProviderFigures f) {
        Optional<Double> acceptance = share(f.accepted(), f.due());
        Optional<Double> onTime = share(f.answeredOnTime(), f.due());
        Optional<Double> satisfaction = share(f.satisfied(), f.satisfied() + f.unsatisfied());
        Optional<Double> reopen = share(f.unsatisfied(), f.completed()).map(v -> Math.min(1.0, v));
        double weight = 0;
        double sum = 0;
        long kept = Math.max(0, f.completed() - f.unsatisfied());
        double[][] parts = {{lowerBound(f.answeredOnTime(), f.due()), 0.35}, {lowerBound(f.accepted(), f.due()), 0.25},
            {lowerBound(f.satisfied(), f.satisfied() + f.unsatisfied()), 0.25},
            {lowerBound(kept, f.completed()), 0.15}};
        for (double[] p : parts) {
            if (p[0] >= 0) {
                sum += p[0] * p[1];
                weight += p[1];
            }
        }
        Optional<Double> score = weight == 0 ? Optional.empty()
                : Optional.of(Math.max(0, Math.round(1000 * sum / weight) / 10.0 - 2.0 * (f.notices() + f.overdue())));
        List<String> watch = new ArrayList<>();
        onTime.filter(v -> v < WATCH_BELOW).ifPresent(v -> watch.add("按时响应率低"));
        acceptance.filter(v -> v < WATCH_BELOW).ifPresent(v -> watch.add("接单率低"));
        satisfaction.filter(v -> v < WATCH_BELOW).ifPresent(v -> watch.add("满意率低"));
        reopen.filter(v -> v > WATCH_REOPEN_ABOVE).ifPresent(v -> watch.add("重办多"));
        if (f.notices() + f.overdue() > 0) {
            watch.add("有督办");
        }
        if (score.isPresent() && thin(f)) {
            watch.add(THIN);
        }
        return new Row(f, acceptance, onTime, satisfaction, reopen, score, Optional.empty(), List.copyOf(watch));
    }

    /** One of the rates in the score rests on fewer than {@link #MIN_SAMPLE} cases. */
    static boolean thin(ProviderFigures f) {
        return List.of(f.due(), f.satisfied() + f.unsatisfied(), f.completed()).stream()
                .anyMatch(n -> n > 0 && n < MIN_SAMPLE);
    }

    /**
     * The lower bound of the 95 % Wilson score interval of {@code part / whole}; -1 without a case (no figure). For
     * n cases and share p: (p + z²/2n − z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n).
     */
    static double lowerBound(long part, long whole) {
        if (whole <= 0) {
            return -1;
        }
        double n = whole;
        double p = Math.min(1.0, (double) part / whole);
        double z2 = Z * Z;
        double centre = p + z2 / (2 * n);
        double spread = Z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return Math.max(0, (centre - spread) / (1 + z2 / n));
    }

    private static Optional<Double> share(long part, long whole) {
        return whole == 0 ? Optional.empty() : Optional.of((double) part / whole);
    }
}
