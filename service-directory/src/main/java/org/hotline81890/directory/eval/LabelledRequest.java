package org.hotline81890.directory.eval;

import java.util.List;
import java.util.Objects;

import org.hotline81890.directory.RequestType;

/** One row of a dev-set file: the text, the acceptable codes ({@code NONE} alone for non-requests), the type. */
public record LabelledRequest(int line, String text, List<String> acceptable, RequestType type) {
    public static final String NONE = "NONE";

    public LabelledRequest {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(type, "type");
        acceptable = List.copyOf(acceptable);
        if (acceptable.isEmpty()) {
            throw new IllegalArgumentException("line " + line + ": no acceptable codes");
        }
    }

    public boolean isNone() {
        return acceptable.contains(NONE);
    }
}
