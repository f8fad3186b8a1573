package org.hotline81890.gateway.channel.smpp.pdu;

import java.time.Instant;
import java.util.Objects;
import org.hotline81890.gateway.sms.IdempotencyKeys;

/**
 * A mobile-originated SMS, reassembled when it came in parts, handed to the intake's {@code InboundSmsHandler}.
 *
 * @param idempotencyKey stable across SMSC redeliveries, see {@link IdempotencyKeys}
 * @param partsReceived how many parts arrived (1 for a plain SMS)
 * @param partsExpected how many parts the message announced (1 for a plain SMS)
 * @param complete false when the reassembly timeout gave up waiting: the text is what arrived, in order
 */
public record InboundSms(String idempotencyKey, String source, String destination, String text, Instant receivedAt,
        int partsReceived, int partsExpected, boolean complete) {
    public InboundSms {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (idempotencyKey.isBlank()) {
            throw new IllegalArgumentException("idempotencyKey is blank");
        }
        if (partsReceived < 1 || partsExpected < partsReceived) {
            throw new IllegalArgumentException("parts " + partsReceived + "/" + partsExpected);
        }
        if (complete != (partsReceived == partsExpected)) {
            throw new IllegalArgumentException("complete=" + complete + " but parts " + partsReceived + "/"
                    + partsExpected);
        }
    }
}
