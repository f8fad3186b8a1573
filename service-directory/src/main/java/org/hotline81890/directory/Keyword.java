package org.hotline81890.directory;

import java.util.Objects;

/**
 * A word that points a resident's text at a service. {@code weight} says how telling it is (1.0 is an ordinary
 * two-character word). {@link Kind#URGENT} words also raise the emergency flag. {@link Kind#CONTEXT} words are a
 * setting (上班, 婚礼, 要带什么) that supports a service but cannot carry it alone: they count half when the service
 * has no other word in the text.
 */
public record Keyword(String text, double weight, Kind kind) {
    public enum Kind { NAME, WORD, TYPO, ENGLISH, URGENT, CONTEXT }

    public Keyword {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
        if (text.isBlank()) {
            throw new IllegalArgumentException("keyword must not be blank");
        }
        if (!(weight > 0 && weight <= 10)) {
            throw new IllegalArgumentException("keyword weight must be in (0, 10]: " + weight);
        }
    }
}
