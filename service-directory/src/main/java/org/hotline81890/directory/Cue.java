package org.hotline81890.directory;

import java.util.Objects;

/** A word with a weight in one of the shared tables (request-type cues, emergency cues, not-a-request cues). */
public record Cue(String text, double weight) {
    public Cue {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("cue must not be blank");
        }
        if (!(weight > 0 && weight <= 10)) {
            throw new IllegalArgumentException("cue weight must be in (0, 10]: " + weight);
        }
    }
}
