package org.hotline81890.gateway.workorder;

import java.time.Duration;

/** The fallback promise when the directory gives none: respond within, complete within, wait for a survey. */
public record ServiceLevels(Duration respondWithin, Duration completeWithin, Duration surveyWait) {
    public ServiceLevels {
        requirePositive(respondWithin, "respondWithin");
        requirePositive(completeWithin, "completeWithin");
        requirePositive(surveyWait, "surveyWait");
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
