package org.hotline81890.gateway.channel.smpp.session;

import java.util.Objects;

/**
 * One SMS to send (an outbox row). {@code reference} is the 8-bit concatenation reference used when the text
 * needs several parts (e.g. the outbox row id modulo 256); {@code requestReceipt} asks the SMSC for a delivery
 * receipt.
 */
public record OutboundSms(String destination, String text, int reference, boolean requestReceipt) {
    public OutboundSms {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(text, "text");
        if (destination.isBlank()) {
            throw new IllegalArgumentException("destination is blank");
        }
        if (text.isEmpty()) {
            throw new IllegalArgumentException("text is empty");
        }
    }
}
