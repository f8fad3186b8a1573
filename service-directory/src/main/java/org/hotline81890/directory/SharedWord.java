package org.hotline81890.directory;

import java.util.List;
import java.util.Objects;

/** A word that points at several services at once, e.g. 漏水 → RP-01, RE-05, ER-08. */
public record SharedWord(String text, double weight, List<String> codes) {
    public SharedWord {
        Objects.requireNonNull(text, "text");
        codes = List.copyOf(codes);
        if (text.isBlank() || codes.isEmpty()) {
            throw new IllegalArgumentException("a shared word needs text and at least one service code");
        }
        if (!(weight > 0 && weight <= 10)) {
            throw new IllegalArgumentException("shared word weight must be in (0, 10]: " + weight);
        }
    }
}
