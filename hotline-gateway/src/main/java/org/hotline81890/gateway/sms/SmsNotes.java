package org.hotline81890.gateway.sms;

import org.hotline81890.gateway.workorder.WorkOrderId;

/**
 * Driven port: a text kept as a note (an event) on an existing work order instead of a new order, for messages over
 * the per-number rate limit. Idempotent on the message's key: a redelivery adds nothing.
 */
public interface SmsNotes {
    /** @return true when the note was added now, false when this key was attached before */
    boolean attach(String idempotencyKey, WorkOrderId workOrder, String callerNumber, String text);

    /** How many notes an order carries (for people and tests). */
    int count(WorkOrderId workOrder);
}
