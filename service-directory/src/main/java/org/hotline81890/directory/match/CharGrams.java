package org.hotline81890.directory.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A naive Bayes model over the characters and character pairs of the labelled examples (each counted once per
 * example): which words of a text the examples of each class use, and the sentence model does not weigh, such as
 * 住家 against 上门, 信号 against 屏幕, 户口 against 学校 (ADR 0055). Built from the examples at start-up and again
 * when a correction is remembered; nothing is stored. Scores a text against every class at once; a training text can
 * be left out of its own class ({@code exclude}), so the combiner learns how far the model is to be trusted on text
 * it has not seen.
 */
final class CharGrams {
    /** Add-half smoothing: a pair never seen in a class costs about as much as in any other class. */
    private static final double ALPHA = 0.5;

    private final int classes;
    /** For each gram, its classes and counts, packed as class, count, class, count … */
    private final Map<Integer, int[]> counts;
    private final int[] totals;
    private final int[][] exampleGrams;
    private final int[] exampleClass;
    private final int vocabulary;

    private CharGrams(int classes, Map<Integer, int[]> counts, int[] totals, int[][] exampleGrams,
                      int[] exampleClass) {
        this.classes = classes;
        this.counts = counts;
        this.totals = totals;
        this.exampleGrams = exampleGrams;
        this.exampleClass = exampleClass;
        this.vocabulary = Math.max(1, counts.size());
    }

    /** {@code labels[i]} is the class of {@code texts[i]} in 0..classes-1, or -1 to leave the text out. */
    static CharGrams of(List<String> texts, int[] labels, int classes) {
        Map<Integer, Map<Integer, Integer>> byGram = new HashMap<>();
        int[] totals = new int[classes];
        int[][] grams = new int[texts.size()][];
        for (int i = 0; i < grams.length; i++) {
            grams[i] = grams(texts.get(i));
            if (labels[i] < 0) {
                continue;
            }
            for (int g : grams[i]) {
                byGram.computeIfAbsent(g, k -> new HashMap<>()).merge(labels[i], 1, Integer::sum);
            }
            totals[labels[i]] += grams[i].length;
        }
        Map<Integer, int[]> packed = new HashMap<>(byGram.size() * 2);
        byGram.forEach((g, perClass) -> {
            int[] p = new int[perClass.size() * 2];
            int j = 0;
            for (Map.Entry<Integer, Integer> e : perClass.entrySet()) {
                p[j++] = e.getKey();
                p[j++] = e.getValue();
            }
            packed.put(g, p);
        });
        return new CharGrams(classes, packed, totals, grams, labels.clone());
    }

    /**
     * The log-likelihood of the text under each class, less the best one's (so the best is 0), over the grams any
     * example has; {@code exclude} (an example's index, or -1) is taken out of its class first.
     */
    double[] gaps(String text, int exclude) {
        int[] grams = grams(text);
        int left = exclude >= 0 ? exampleClass[exclude] : -1;
        int[] own = left >= 0 ? exampleGrams[exclude] : new int[0];
        double[] score = new double[classes];
        int known = 0;
        for (int g : grams) {
            int[] p = counts.get(g);
            if (p == null) {
                continue;
            }
            int ownCount = left >= 0 && Arrays.binarySearch(own, g) >= 0 ? 1 : 0;
            if (ownCount == 1 && p.length == 2 && p[1] == 1) {
                continue;
            }
            known++;
            for (int j = 0; j < p.length; j += 2) {
                int n = p[j + 1] - (p[j] == left ? ownCount : 0);
                score[p[j]] += Math.log1p(n / ALPHA);
            }
        }
        double best = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            int total = totals[c] - (c == left ? own.length : 0);
            score[c] -= known * Math.log(total + ALPHA * vocabulary);
            best = Math.max(best, score[c]);
        }
        for (int c = 0; c < classes; c++) {
            score[c] -= best;
        }
        return score;
    }

    /** The posterior of each class (equal priors) from {@link #gaps}. */
    static double[] posterior(double[] gaps) {
        double[] p = new double[gaps.length];
        double sum = 0;
        for (int c = 0; c < p.length; c++) {
            p[c] = Math.exp(gaps[c]);
            sum += p[c];
        }
        for (int c = 0; c < p.length; c++) {
            p[c] /= sum;
        }
        return p;
    }

    /** Distinct characters and adjacent pairs of letters (punctuation and spaces dropped), sorted. */
    static int[] grams(String text) {
        List<Integer> chars = new ArrayList<>();
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                chars.add((int) c);
            }
        }
        int[] out = new int[chars.size() * 2];
        int n = 0;
        for (int i = 0; i < chars.size(); i++) {
            out[n++] = chars.get(i);
            if (i + 1 < chars.size()) {
                out[n++] = (chars.get(i) << 16) | chars.get(i + 1);
            }
        }
        return Arrays.stream(out, 0, n).distinct().sorted().toArray();
    }
}
