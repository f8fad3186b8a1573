package org.hotline81890.gateway.workorder;

import java.time.Instant;
import java.util.Optional;

/** The three service-level deadlines of a work order. Stored as columns; the scheduler fires them. */
public record Deadlines(Optional<Instant> respondBy, Optional<Instant> completeBy, Optional<Instant> surveyAt) {
    public static final Deadlines NONE = new Deadlines(Optional.empty(), Optional.empty(), Optional.empty());

    public Deadlines withSurveyAt(Instant at) {
        return new Deadlines(respondBy, completeBy, Optional.of(at));
    }

    public Optional<Instant> get(DeadlineKind kind) {
        return switch (kind) {
            case RESPOND_BY -> respondBy;
            case COMPLETE_BY -> completeBy;
            case SURVEY_AT -> surveyAt;
        };
    }
}
