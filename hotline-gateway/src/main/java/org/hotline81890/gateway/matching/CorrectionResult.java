package org.hotline81890.gateway.matching;

/** What became of a correction. */
public sealed interface CorrectionResult {
    /** Stored; {@code confirmed} when this made it confirmed (second agent agreeing, or a supervisor). */
    record Recorded(Correction correction, boolean confirmed) implements CorrectionResult {
    }

    /** The agent chose what the matcher had put first: nothing to learn, nothing stored. */
    record SameAsMatcher() implements CorrectionResult {
    }

    /** Not acceptable: an unknown service code or request type, an empty text, an unknown correction id. */
    record Rejected(String field, String reason) implements CorrectionResult {
    }
}
