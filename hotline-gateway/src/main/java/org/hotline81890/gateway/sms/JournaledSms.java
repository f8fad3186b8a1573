package org.hotline81890.gateway.sms;

import java.time.Instant;
import java.util.Objects;

/**
 * One mobile-originated text as the SMSC sent it, in the {@link InboundJournal}: acknowledged, not yet (or already)
 * turned into a work order. {@code id} is the journal's own (0 before it was appended).
 *
 * @param key the idempotency key that recognises the SMSC's redeliveries ({@link IdempotencyKeys})
 * @param partsReceived parts that arrived (1 for a plain text); fewer than {@code partsExpected} when the reassembly
 *                      timeout gave up waiting
 */
public record JournaledSms(long id, String key, String source, String destination, String text, Instant receivedAt,
                           int partsReceived, int partsExpected) {
    public JournaledSms {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (partsReceived < 1 || partsExpected < partsReceived) {
            throw new IllegalArgumentException("parts " + partsReceived + "/" + partsExpected);
        }
    }

    public boolean complete() {
        return partsReceived == partsExpected;
    }
}
