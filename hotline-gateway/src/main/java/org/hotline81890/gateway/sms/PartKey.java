package org.hotline81890.gateway.sms;

import java.util.Objects;

/** Identifies the parts of one long message: sender, recipient and the concatenation reference. */
public record PartKey(String source, String destination, int reference) {
    public PartKey {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        if (reference < 0 || reference > 0xFFFF) {
            throw new IllegalArgumentException("reference out of range: " + reference);
        }
    }
}
