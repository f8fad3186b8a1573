package org.hotline81890.directory.match;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The trained combiner: for each candidate (a service, or NONE) a feature vector from the keyword and semantic
 * evidence, and a softmax over the candidates whose probability ranks the services, decides NONE and says how sure
 * the matcher is. It is trained on Chinese text only: Latin-script text (English, pinyin), which the Chinese
 * sentence model reads poorly, keeps the keyword and pinyin path.
 */
final class Combiner {
    static final List<String> FEATURES = List.of(
            "kw.log", "kw.top", "kw.share",
            "desc", "desc-top", "example", "example-gap", "knn", "category-knn", "example-top", "example-top3",
            "none.bias", "none.example", "none.example-gap", "none.knn", "none.cues", "none.keyword-rule",
            "none.keyword-best", "none.latin", "none.short", "none.asks-nothing", "none.thanks",
            "grams", "grams-top", "none.grams");
    static final int NONE = -1;
    private static final int N = 11;
    /** Similarities differ by hundredths between services; scaled so the weights stay of order one. */
    private static final double SIM_SCALE = 10;
    private static final int KW_CANDIDATES = 8;
    private static final int EXAMPLE_CANDIDATES = 8;
    private static final int DESC_CANDIDATES = 4;
    private static final int GRAM_CANDIDATES = 4;
    /** The character model's features (ADR 0055), after the first 22. */
    private static final int G = 22;
    /** A character model's log-likelihood gap, cut at this many nats and scaled to order one. */
    private static final double GAP_CUT = 10;
    private static final double GAP_SCALE = 5;

    private final double[] weights;

    Combiner(double[] weights) {
        if (weights.length != FEATURES.size()) {
            throw new IllegalArgumentException("expected " + FEATURES.size() + " weights");
        }
        this.weights = weights.clone();
    }

    /** A candidate (service index, or {@link #NONE}) and its probability. */
    record Ranked(int candidate, double probability) {
    }

    List<Ranked> rank(Evidence ev) {
        List<Integer> candidates = candidates(ev);
        double[][] f = new double[candidates.size()][];
        for (int i = 0; i < f.length; i++) {
            f[i] = features(ev, candidates.get(i));
        }
        double[] p = Softmax.probabilities(weights, f);
        List<Ranked> out = new ArrayList<>(p.length);
        for (int i = 0; i < p.length; i++) {
            out.add(new Ranked(candidates.get(i), p[i]));
        }
        out.sort((a, b) -> Double.compare(b.probability(), a.probability()));
        return out;
    }

    /**
     * NONE, then the best few services by keywords, by examples, by description, by the examples' vote and by the
     * examples' characters.
     */
    static List<Integer> candidates(Evidence ev) {
        Set<Integer> out = new LinkedHashSet<>();
        out.add(NONE);
        addTop(out, ev.kw(), KW_CANDIDATES, true);
        addTop(out, ev.exMax(), EXAMPLE_CANDIDATES, false);
        addTop(out, ev.proto(), DESC_CANDIDATES, false);
        addTop(out, ev.knn(), EXAMPLE_CANDIDATES, true);
        addTop(out, gramScores(ev), GRAM_CANDIDATES, false);
        return List.copyOf(out);
    }

    private static void addTop(Set<Integer> out, float[] values, int n, boolean positiveOnly) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Float.compare(values[b], values[a]));
        for (int i = 0; i < n && i < order.length; i++) {
            if (!positiveOnly || values[order[i]] > 0) {
                out.add(order[i]);
            }
        }
    }

    static double[] features(Evidence ev, int c) {
        double[] f = new double[FEATURES.size()];
        if (c == NONE) {
            float bestService = ev.bestServiceExMax();
            f[N] = 1;
            f[N + 1] = SIM_SCALE * ev.noneExMax();
            f[N + 2] = SIM_SCALE * (ev.noneExMax() - bestService);
            f[N + 3] = ev.noneKnn();
            f[N + 4] = Math.log1p(ev.keywords().noneCues());
            f[N + 5] = ev.keywords().none() ? 1 : 0;
            f[N + 6] = Math.log1p(ev.keywords().best());
            f[N + 7] = ev.latin() ? 1 : 0;
            f[N + 8] = ev.length() <= 4 ? 1 : 0;
            f[N + 9] = NeedCues.asksNothing(ev.text()) ? 1 : 0;
            f[N + 10] = NeedCues.thanksOrPraise(ev.text()) ? 1 : 0;
            f[G + 2] = gap(ev.grams().services()[ev.proto().length]);
            return f;
        }
        float kwBest = max(ev.kw());
        int o = 0;
        f[o] = Math.log1p(ev.kw()[c]);
        f[o + 1] = kwBest > 0 && ev.kw()[c] == kwBest ? 1 : 0;
        f[o + 2] = kwBest > 0 ? ev.kw()[c] / kwBest : 0;
        float exBest = Math.max(max(ev.exMax()), ev.noneExMax());
        f[o + 3] = SIM_SCALE * ev.proto()[c];
        f[o + 4] = ev.proto()[c] == max(ev.proto()) ? 1 : 0;
        f[o + 5] = SIM_SCALE * ev.exMax()[c];
        f[o + 6] = SIM_SCALE * (ev.exMax()[c] - exBest);
        f[o + 7] = ev.knn()[c];
        f[o + 8] = ev.categoryKnn()[c];
        f[o + 9] = ev.exMax()[c] == exBest ? 1 : 0;
        f[o + 10] = SIM_SCALE * ev.exTop3()[c];
        f[G] = gap(ev.grams().services()[c]);
        f[G + 1] = ev.grams().services()[c] == 0 ? 1 : 0;
        return f;
    }

    private static double gap(double nats) {
        return Math.max(-GAP_CUT, nats) / GAP_SCALE;
    }

    /** The services' character-model gaps (NONE, the last class, left out) as candidates' scores. */
    private static float[] gramScores(Evidence ev) {
        float[] out = new float[ev.proto().length];
        for (int s = 0; s < out.length; s++) {
            out[s] = (float) ev.grams().services()[s];
        }
        return out;
    }

    private static float max(float[] values) {
        float m = 0;
        for (float v : values) {
            m = Math.max(m, v);
        }
        return m;
    }

    double[] weights() {
        return weights.clone();
    }
}
