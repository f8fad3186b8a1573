package org.hotline81890.gateway.sms;

import java.util.Objects;

/** One part of an outbox row the SMSC accepted (submit_sm_resp OK), with the message id it gave. */
public record AcceptedPart(long outboxId, int partNo, int parts, String messageId, String destination) {
    public AcceptedPart {
        if (partNo < 1 || parts < partNo) {
            throw new IllegalArgumentException("part " + partNo + " of " + parts);
        }
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(destination, "destination");
    }
}
