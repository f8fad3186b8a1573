package org.hotline81890.partners.offer;

import java.util.Objects;
import java.util.UUID;

/** An offer's id; it is also the idempotency key of every webhook about that offer's state change. */
public record OfferId(String value) {
    public OfferId {
        Objects.requireNonNull(value, "offer id");
        if (!value.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("offer id must be 1..64 of A-Z a-z 0-9 _ -, got '" + value + "'");
        }
    }

    public static OfferId random() {
        return new OfferId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
