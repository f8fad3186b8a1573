package org.hotline81890.directory;

import java.util.Objects;
import java.util.Optional;

/**
 * A resident's text with the service it belongs to ({@link Optional#empty()} for NONE: not a request) and its
 * request type. {@code source} says where it came from ({@code examples/HK.tsv:12}, {@code correction 42}).
 */
public record LabelledExample(String text, Optional<String> serviceCode, RequestType type, String source) {
    public static final String NONE = "NONE";

    public LabelledExample {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(serviceCode, "serviceCode");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
    }

    public boolean isNone() {
        return serviceCode.isEmpty();
    }

    /** The service code, or {@code NONE}. */
    public String label() {
        return serviceCode.orElse(NONE);
    }
}
