package org.hotline81890.partners;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A directory service code such as {@code HK-01}: two capital letters (the category), a dash, two digits.
 * This module names services by code only, so it does not depend on the service-directory classes.
 */
public record ServiceCode(String value) implements Comparable<ServiceCode> {
    private static final Pattern FORMAT = Pattern.compile("[A-Z]{2}-[0-9]{2}");

    public ServiceCode {
        Objects.requireNonNull(value, "service code");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("service code must look like HK-01, got '" + value + "'");
        }
    }

    public static ServiceCode of(String value) {
        return new ServiceCode(value == null ? null : value.strip());
    }

    /** The category code, e.g. {@code HK} for {@code HK-01}. */
    public String category() {
        return value.substring(0, 2);
    }

    @Override
    public int compareTo(ServiceCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
