package org.hotline81890.directory.match;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hotline81890.directory.Directory;
import org.hotline81890.directory.LabelledExample;
import org.hotline81890.directory.Service;
import org.hotline81890.directory.semantic.ExampleMemory;
import org.hotline81890.directory.semantic.Vectors;

/**
 * Compares a text's sentence vector with each service's description and with every labelled example (the shipped
 * examples and the agents' confirmed corrections) and turns that into per-service {@link Evidence}.
 */
final class SemanticStage {
    /** How many nearest examples vote. */
    static final int K = 10;
    /** Votes fall off with distance from the nearest example: weight exp((sim - best) / TEMPERATURE). */
    static final double TEMPERATURE = 0.05;
    static final double TYPE_TEMPERATURE = 0.15;
    /** Neighbours this close to a training text count as the text itself when the combiner is trained. */
    static final float SAME_TEXT = 0.985f;

    private final Map<String, Integer> index = new HashMap<>();
    private final int[] categoryOf;
    private final int categories;
    private final float[][] protos;
    private final ExampleMemory memory;

    SemanticStage(Directory directory, float[][] protos, ExampleMemory memory) {
        List<Service> services = directory.services();
        Map<String, Integer> cats = new HashMap<>();
        categoryOf = new int[services.size()];
        for (int i = 0; i < services.size(); i++) {
            index.put(services.get(i).code(), i);
            categoryOf[i] = cats.computeIfAbsent(services.get(i).category().code(), c -> cats.size());
        }
        this.categories = cats.size();
        this.protos = protos;
        this.memory = memory;
    }

    /** The share of each request type among a service's examples (all zero when it has none). */
    float[] typeShare(int service) {
        return labels(memory.examples()).shares[service];
    }

    /**
     * Each example's service index (-1 for NONE) and each service's type shares, computed once per set of examples
     * (the memory's list is replaced when a correction is remembered), so that a search does no map look-up and no
     * allocation per example.
     */
    private Labels labels(List<LabelledExample> examples) {
        Labels l = labels;
        if (l != null && l.of == examples) {
            return l;
        }
        int[] index = new int[examples.size()];
        float[][] shares = new float[protos.length][Evidence.TYPES];
        int[] counts = new int[protos.length];
        for (int e = 0; e < index.length; e++) {
            int s = labelIndex(examples.get(e));
            index[e] = s;
            if (s >= 0) {
                shares[s][Evidence.typeIndex(examples.get(e).type())]++;
                counts[s]++;
            }
        }
        for (int s = 0; s < shares.length; s++) {
            for (int t = 0; t < Evidence.TYPES; t++) {
                shares[s][t] /= Math.max(1, counts[s]);
            }
        }
        List<String> texts = examples.stream().map(e -> InputGuard.clean(e.text())).toList();
        int[] byService = new int[index.length];
        int[] byType = new int[index.length];
        for (int e = 0; e < index.length; e++) {
            byService[e] = index[e] < 0 ? protos.length : index[e];
            byType[e] = Evidence.typeIndex(examples.get(e).type());
        }
        l = new Labels(examples, index, shares, CharGrams.of(texts, byService, protos.length + 1),
                CharGrams.of(texts, byType, Evidence.TYPES));
        labels = l;
        return l;
    }

    /**
     * The examples' labels, each service's type mix, and the character models of services and of types built from
     * them (ADR 0055).
     */
    private record Labels(List<LabelledExample> of, int[] index, float[][] shares, CharGrams services,
                          CharGrams types) {
    }

    private volatile Labels labels;

    int serviceIndex(String code) {
        Integer i = index.get(code);
        if (i == null) {
            throw new IllegalArgumentException("unknown service " + code);
        }
        return i;
    }

    /** -1 for NONE. */
    int labelIndex(LabelledExample e) {
        return e.serviceCode().map(this::serviceIndex).orElse(-1);
    }

    Evidence evidence(KeywordEvidence kw, boolean latin, String text, float[] vector, int exclude) {
        int n = protos.length;
        float[] kwScores = new float[n];
        for (Match m : kw.ranked()) {
            kwScores[serviceIndex(m.service().code())] = (float) m.score();
        }
        float[] proto = new float[n];
        for (int s = 0; s < n; s++) {
            proto[s] = Vectors.dot(vector, protos[s]);
        }
        ExampleMemory.Similarities sims = memory.similarities(vector);
        float[] values = sims.values();
        List<LabelledExample> examples = sims.examples();
        float[] exMax = new float[n];
        float[] ex2 = new float[n];
        float[] ex3 = new float[n];
        int[] exArg = new int[n];
        java.util.Arrays.fill(exArg, -1);
        float noneExMax = 0;
        int[] top = new int[K];
        float[] topSim = new float[K];
        java.util.Arrays.fill(top, -1);
        java.util.Arrays.fill(topSim, -2f);
        float excludedSim = exclude >= 0 ? values[exclude] : 2f;
        int[] labelOf = labels(examples).index;
        for (int e = 0; e < values.length; e++) {
            float v = values[e];
            if (e == exclude || (exclude >= 0 && v >= SAME_TEXT && v >= excludedSim - 1e-4f)) {
                continue;
            }
            int label = labelOf[e];
            if (label < 0) {
                noneExMax = Math.max(noneExMax, v);
            } else if (v > exMax[label]) {
                ex3[label] = ex2[label];
                ex2[label] = exMax[label];
                exMax[label] = v;
                exArg[label] = e;
            } else if (v > ex2[label]) {
                ex3[label] = ex2[label];
                ex2[label] = v;
            } else if (v > ex3[label]) {
                ex3[label] = v;
            }
            insert(top, topSim, e, v);
        }
        float[] exTop3 = new float[n];
        for (int s = 0; s < n; s++) {
            exTop3[s] = (exMax[s] + ex2[s] + ex3[s]) / 3;
        }
        Labels l = labels(examples);
        Grams grams = new Grams(l.services().gaps(text, exclude),
                CharGrams.posterior(l.types().gaps(text, exclude)));
        return vote(kw, latin, text, kwScores, proto, exMax, exTop3, exArg, noneExMax, examples, top, topSim, grams);
    }

    /** What the character models say: each class's gap to the best (services, then NONE), each type's share. */
    record Grams(double[] services, double[] types) {
    }

    private Evidence vote(KeywordEvidence kw, boolean latin, String text, float[] kwScores, float[] proto,
                          float[] exMax, float[] exTop3, int[] exArg, float noneExMax, List<LabelledExample> examples,
                          int[] top, float[] topSim, Grams grams) {
        float[] knn = new float[protos.length];
        float[] cat = new float[categories];
        float[] types = new float[Evidence.TYPES];
        float none = 0;
        double total = 0;
        double[] w = new double[K];
        for (int i = 0; i < K && top[i] >= 0; i++) {
            w[i] = Math.exp((topSim[i] - topSim[0]) / TEMPERATURE);
            total += w[i];
        }
        for (int i = 0; i < K && top[i] >= 0; i++) {
            float share = (float) (w[i] / total);
            LabelledExample e = examples.get(top[i]);
            int label = labelIndex(e);
            if (label < 0) {
                none += share;
            } else {
                knn[label] += share;
                cat[categoryOf[label]] += share;
            }
            types[Evidence.typeIndex(e.type())] += (float) (Math.exp((topSim[i] - topSim[0]) / TYPE_TEMPERATURE));
        }
        float typeTotal = types[0] + types[1] + types[2] + types[3];
        for (int t = 0; t < types.length && typeTotal > 0; t++) {
            types[t] /= typeTotal;
        }
        Optional<Evidence.Nearest> nearest = top[0] < 0 ? Optional.empty()
                : Optional.of(new Evidence.Nearest(examples.get(top[0]), topSim[0]));
        float[] categoryKnn = new float[protos.length];
        for (int s = 0; s < protos.length; s++) {
            categoryKnn[s] = cat[categoryOf[s]];
        }
        return new Evidence(kw, latin, text, kwScores, proto, exMax, knn, categoryKnn, noneExMax, none, types, nearest,
                examples, exArg, exTop3, grams);
    }

    /** Keeps the K most similar, best first. */
    private static void insert(int[] top, float[] topSim, int e, float v) {
        if (v <= topSim[K - 1]) {
            return;
        }
        int i = K - 1;
        while (i > 0 && topSim[i - 1] < v) {
            top[i] = top[i - 1];
            topSim[i] = topSim[i - 1];
            i--;
        }
        top[i] = e;
        topSim[i] = v;
    }
}
