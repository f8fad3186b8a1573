package org.hotline81890.directory.eval;

import java.util.List;
import java.util.Locale;

/**
 * Figures of one evaluation run, and the rows that missed (for finding kinds of mistakes). {@code askAgent} is the
 * share of rows the matcher would send to an agent (low confidence), {@code top1WhenSure} the top-1 of the others.
 */
public record EvaluationReport(int rows, double top1, double top3, double type, double nonePrecision,
                               double noneRecall, double askAgent, double top1WhenSure, List<String> misses) {
    public EvaluationReport {
        misses = List.copyOf(misses);
    }

    /** The human-readable lines; the last one is {@code top1=0.xxx top3=0.xxx type=0.xxx}. */
    public List<String> lines() {
        return List.of(
                "rows=" + rows,
                f("none-precision", nonePrecision) + " " + f("none-recall", noneRecall) + " " + f("none-f1", noneF1()),
                f("ask-agent", askAgent) + " " + f("top1-when-not-asked", top1WhenSure),
                f("top1", top1) + " " + f("top3", top3) + " " + f("type", type));
    }

    /** The harmonic mean of NONE precision and recall. */
    public double noneF1() {
        return nonePrecision + noneRecall == 0 ? 0 : 2 * nonePrecision * noneRecall / (nonePrecision + noneRecall);
    }

    private static String f(String name, double v) {
        return String.format(Locale.ROOT, "%s=%.3f", name, v);
    }
}
