package org.hotline81890.gateway.sms;

import java.util.List;
import java.util.Map;

/**
 * Driven port: which parts of an outbox row the SMSC accepted, with their message ids. A part is recorded right
 * after its submit_sm_resp, so after a crash only the parts not recorded are sent again ("nothing twice").
 */
public interface SubmissionLog {
    /** Part number (1-based) to SMSC message id, for the parts of {@code outboxId} already accepted. */
    Map<Integer, String> accepted(long outboxId);

    void recordAccepted(long outboxId, int partNo, int parts, String messageId, String destination);

    /** Records several accepted parts (of any rows) at once; all or none. Override to write them in one go. */
    default void recordAllAccepted(List<AcceptedPart> parts) {
        for (AcceptedPart p : parts) {
            recordAccepted(p.outboxId(), p.partNo(), p.parts(), p.messageId(), p.destination());
        }
    }

    /** Applies a delivery receipt to the part submitted with {@code messageId}; returns how many rows changed. */
    int applyReceipt(DeliveryReceipt receipt);
}
