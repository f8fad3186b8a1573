package org.hotline81890.directory.match;

import java.util.Objects;

/**
 * Why a service matched: the text as the resident wrote it ({@code found}), the data word it stands for, how it
 * matched, and what it added to the score. {@link #toString()} reads like "冰相≈冰箱 (pinyin, +0.7)".
 */
public record MatchReason(String found, String word, How how, double points) {
    public enum How { WORD, NAME, TYPO, ENGLISH, PINYIN, URGENT, CONTEXT, EXAMPLE, DESCRIPTION }

    public MatchReason {
        Objects.requireNonNull(found, "found");
        Objects.requireNonNull(word, "word");
        Objects.requireNonNull(how, "how");
    }

    /** The nearest labelled example of this service ({@code points} is its cosine similarity). */
    public static MatchReason example(String exampleText, String serviceCode, double similarity) {
        return new MatchReason(exampleText, serviceCode, How.EXAMPLE, similarity);
    }

    /** A service's own description, near the text in the sentence model ({@code points} is the similarity). */
    public static MatchReason description(String descriptionText, String serviceCode, double similarity) {
        return new MatchReason(descriptionText, serviceCode, How.DESCRIPTION, similarity);
    }

    @Override
    public String toString() {
        if (how == How.DESCRIPTION) {
            return "close to \"%s\" (description, similarity %.2f)".formatted(found, points);
        }
        if (how == How.EXAMPLE) {
            return "like \"%s\" (example, similarity %.2f)".formatted(found, points);
        }
        String shown = found.equals(word) ? word : found + "≈" + word;
        return "%s (%s, +%.1f)".formatted(shown, how.name().toLowerCase(java.util.Locale.ROOT), points);
    }
}
