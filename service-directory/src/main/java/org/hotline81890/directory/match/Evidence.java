package org.hotline81890.directory.match;

import java.util.List;
import java.util.Optional;

import org.hotline81890.directory.LabelledExample;
import org.hotline81890.directory.RequestType;

/**
 * Both stages' evidence about one text, per service index (the directory's order): keyword scores, similarity to
 * the service's own description, best similarity to its examples, a vote of the nearest examples (weights sum to
 * 1), the same per category, what the nearest examples say about NONE and the request type, and what the
 * examples' characters say about each service, NONE and the type ({@link CharGrams}, ADR 0055).
 */
record Evidence(KeywordEvidence keywords, boolean latin, String text, float[] kw, float[] proto, float[] exMax,
                float[] knn,
                float[] categoryKnn, float noneExMax, float noneKnn, float[] typeKnn,
                Optional<Nearest> nearest, List<LabelledExample> examples, int[] exArg,
                float[] exTop3, SemanticStage.Grams grams) {

    /** The most similar example labelled with service {@code s}, if it has any. */
    Optional<Nearest> nearestOf(int s) {
        return exArg[s] < 0 ? Optional.empty() : Optional.of(new Nearest(examples.get(exArg[s]), exMax[s]));
    }

    static final int TYPES = 4;

    /** Request types as the type model sees them: a report counts as a complaint. */
    static int typeIndex(RequestType t) {
        return switch (t) {
            case CONSULTATION -> 0;
            case HELP -> 1;
            case COMPLAINT, REPORT -> 2;
            case SUGGESTION -> 3;
        };
    }

    static RequestType typeOf(int index) {
        return switch (index) {
            case 0 -> RequestType.CONSULTATION;
            case 1 -> RequestType.HELP;
            case 2 -> RequestType.COMPLAINT;
            default -> RequestType.SUGGESTION;
        };
    }

    int length() {
        return text.length();
    }

    float bestServiceExMax() {
        float best = 0;
        for (float v : exMax) {
            best = Math.max(best, v);
        }
        return best;
    }

    /** The labelled example closest to the text, and how close (cosine similarity). */
    public record Nearest(LabelledExample example, double similarity) {
    }
}
