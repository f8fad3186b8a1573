package org.hotline81890.gateway.channel.smpp.pdu;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.hotline81890.gateway.sms.DeliveryReceipt;

/** What one deliver_sm turned out to be, once translated. */
public sealed interface IncomingPdu {

    /**
     * One mobile-originated PDU: a whole SMS, or one part of a long one. {@code fingerprint} lists the
     * SMSC-provided header fields (see {@link DeliverSmReader#fingerprint}) used in the idempotency key.
     */
    record MoPart(String source, String destination, String text, Optional<Concat> concat,
            Optional<String> smscMessageId, String fingerprint, Instant receivedAt) implements IncomingPdu {
        public MoPart {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(destination, "destination");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(concat, "concat");
            Objects.requireNonNull(smscMessageId, "smscMessageId");
            Objects.requireNonNull(fingerprint, "fingerprint");
            Objects.requireNonNull(receivedAt, "receivedAt");
        }

        public boolean isMultipart() {
            return concat.map(Concat::isMultipart).orElse(false);
        }
    }

    record Receipt(DeliveryReceipt receipt) implements IncomingPdu {
        public Receipt {
            Objects.requireNonNull(receipt, "receipt");
        }
    }

    /** Flagged as a delivery receipt but carrying no message id we could match: acknowledged and logged. */
    record UnreadableReceipt(String reason) implements IncomingPdu {
        public UnreadableReceipt {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * A deliver_sm whose content cannot be taken as a resident's text (see {@code DoubtfulContent}): answered with
     * {@code status}, never stored.
     */
    record Refused(int status, String reason) implements IncomingPdu {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
