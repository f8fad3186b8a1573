package org.hotline81890.gateway.matching;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An agent's answer for a text next to the matcher's first answer: {@code chosen} is a service code or
 * {@code NONE}, {@code matcherFirst} what the matcher put first ({@code NONE} too). Confirmed when a second agent
 * chose the same for the same text, or a supervisor approved it; only then does the matcher learn from it.
 */
public record Correction(long id, String text, String matcherFirst, String chosen, String requestType, String agent,
                         Optional<String> ticket, Instant at, Optional<Instant> confirmedAt,
                         Optional<String> confirmedBy) {
    public Correction {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(matcherFirst, "matcherFirst");
        Objects.requireNonNull(chosen, "chosen");
        Objects.requireNonNull(requestType, "requestType");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(confirmedAt, "confirmedAt");
        Objects.requireNonNull(confirmedBy, "confirmedBy");
    }

    public boolean confirmed() {
        return confirmedAt.isPresent();
    }

    /** The same request told again: case, spaces and punctuation do not count. */
    public static String textKey(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().filter(Character::isLetterOrDigit).map(Character::toLowerCase).forEach(out::appendCodePoint);
        return out.toString();
    }
}
