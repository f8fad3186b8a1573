package org.hotline81890.directory;

import java.util.Locale;

/** Who delivers a service: a government department, a partner company, or volunteers. */
public enum ProviderKind {
    DEPARTMENT,
    PARTNER,
    VOLUNTEER;

    /** Parses {@code department} (or its alias {@code government}), {@code partner}, {@code volunteer}. */
    public static ProviderKind of(String word) {
        String w = word.strip().toLowerCase(Locale.ROOT);
        return switch (w) {
            case "department", "government" -> DEPARTMENT;
            case "partner" -> PARTNER;
            case "volunteer" -> VOLUNTEER;
            default -> throw new IllegalArgumentException("unknown provider kind '" + word + "'");
        };
    }
}
