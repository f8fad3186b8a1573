package org.hotline81890.partners;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The areas a provider serves; written as patterns separated by {@code ;}. */
public record Coverage(List<AreaPattern> patterns) {
    public Coverage {
        Objects.requireNonNull(patterns, "coverage patterns");
        patterns = List.copyOf(patterns);
        if (patterns.isEmpty()) {
            throw new IllegalArgumentException("coverage needs at least one area pattern");
        }
    }

    public static Coverage of(String text) {
        Objects.requireNonNull(text, "coverage text");
        List<AreaPattern> parsed = Arrays.stream(text.split(";"))
                .map(String::strip)
                .filter(part -> !part.isEmpty())
                .map(AreaPattern::of)
                .toList();
        return new Coverage(parsed);
    }

    /** The most specific pattern covering the area, if any. */
    public Optional<AreaPattern> bestMatch(Area area) {
        AreaPattern best = null;
        for (AreaPattern pattern : patterns) {
            if (pattern.covers(area) && (best == null || pattern.specificity() > best.specificity())) {
                best = pattern;
            }
        }
        return Optional.ofNullable(best);
    }

    public boolean covers(Area area) {
        return bestMatch(area).isPresent();
    }

    @Override
    public String toString() {
        return String.join(";", patterns.stream().map(AreaPattern::toString).toList());
    }
}
