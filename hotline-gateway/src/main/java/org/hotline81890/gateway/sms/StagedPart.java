package org.hotline81890.gateway.sms;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One part of a long message, durably staged until its siblings arrive (see {@link PartStore}). */
public record StagedPart(PartKey key, int sequence, int total, String text, String fingerprint,
        Optional<String> smscMessageId, Instant receivedAt) {
    public StagedPart {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(smscMessageId, "smscMessageId");
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (total < 2 || total > 255 || sequence < 1 || sequence > total) {
            throw new IllegalArgumentException("part " + sequence + "/" + total);
        }
    }
}
