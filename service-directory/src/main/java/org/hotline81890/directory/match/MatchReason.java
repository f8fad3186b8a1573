package org.hotline81890.directory.match;

import java.util.Objects;

/**
 * Why a service matched: the text as the resident wrote it ({@code found}), the data word it stands for, how it
 * matched, and what it added to the score. {@link #toString()} reads like "冰相≈冰箱 (pinyin, +0.7)".
 */
public record MatchReason(String found, String word, How how, double points) {
    public enum How { WORD, NAME, TYPO, ENGLISH, PINYIN, URGENT, CONTEXT }

    public MatchReason {
        Objects.requireNonNull(found, "found");
        Objects.requireNonNull(word, "word");
        Objects.requireNonNull(how, "how");
    }

    @Override
    public String toString() {
        String shown = found.equals(word) ? word : found + "≈" + word;
        return "%s (%s, +%.1f)".formatted(shown, how.name().toLowerCase(java.util.Locale.ROOT), points);
    }
}
