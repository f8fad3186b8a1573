package org.hotline81890.gateway.sms;

import java.util.Objects;
import java.util.Optional;

/**
 * An SMSC delivery receipt for a message we submitted. {@code messageId} is the id the SMSC returned in
 * submit_sm_resp (from the receipted_message_id TLV when present, else from the "id:" field of the text).
 * {@code source}/{@code destination} are as on the receipt PDU: the source is the handset that received our SMS.
 */
public record DeliveryReceipt(String messageId, Status status, Optional<String> errorCode, Optional<String> submitDate,
        Optional<String> doneDate, String source, String destination) {

    /** The SMPP message states (spec 5.2.28) and the stat: words of the receipt text. */
    public enum Status {
        ENROUTE, DELIVERED, EXPIRED, DELETED, UNDELIVERABLE, ACCEPTED, UNKNOWN, REJECTED;

        /** Delivered, or failed for good: the outbox row can be closed. */
        public boolean isFinal() {
            return this != ENROUTE && this != ACCEPTED && this != UNKNOWN;
        }

        public static Status fromStat(String stat) {
            return switch (stat.trim().toUpperCase(java.util.Locale.ROOT)) {
                case "ENROUTE" -> ENROUTE;
                case "DELIVRD", "DELIVERED" -> DELIVERED;
                case "EXPIRED" -> EXPIRED;
                case "DELETED" -> DELETED;
                case "UNDELIV", "UNDELIVERABLE" -> UNDELIVERABLE;
                case "ACCEPTD", "ACCEPTED" -> ACCEPTED;
                case "REJECTD", "REJECTED" -> REJECTED;
                default -> UNKNOWN;
            };
        }

        /** message_state TLV value (1..8) as in SMPP 3.4 section 5.2.28. */
        public static Status fromMessageState(int state) {
            return switch (state) {
                case 1 -> ENROUTE;
                case 2 -> DELIVERED;
                case 3 -> EXPIRED;
                case 4 -> DELETED;
                case 5 -> UNDELIVERABLE;
                case 6 -> ACCEPTED;
                case 8 -> REJECTED;
                default -> UNKNOWN;
            };
        }
    }

    public DeliveryReceipt {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(submitDate, "submitDate");
        Objects.requireNonNull(doneDate, "doneDate");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        if (messageId.isBlank()) {
            throw new IllegalArgumentException("messageId is blank");
        }
    }

    public boolean delivered() {
        return status == Status.DELIVERED;
    }
}
