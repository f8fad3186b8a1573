package org.hotline81890.partners;

import java.util.Objects;
import java.util.regex.Pattern;

/** A provider's stable id, e.g. {@code DEP-WATER}, {@code P-0001}, {@code V-0042}. */
public record ProviderId(String value) implements Comparable<ProviderId> {
    private static final Pattern FORMAT = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+)*");

    public ProviderId {
        Objects.requireNonNull(value, "provider id");
        if (value.length() > 40 || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "provider id must be capital letters, digits and dashes (max 40), got '" + value + "'");
        }
    }

    public static ProviderId of(String value) {
        return new ProviderId(value == null ? null : value.strip());
    }

    @Override
    public int compareTo(ProviderId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
