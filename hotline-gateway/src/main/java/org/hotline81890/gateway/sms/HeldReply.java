package org.hotline81890.gateway.sms;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.hotline81890.gateway.workorder.TicketNumber;
import org.hotline81890.gateway.workorder.WorkOrderId;

/**
 * A resident's text that answers one of their recent orders in words ("师傅来了但是水管还在漏") rather than with a
 * survey digit, held for an agent in the SMS inbox instead of becoming a second order ({@link SurveyReplies}).
 * {@code ticket} is the order it answers; {@code note} what the agent decided (the survey answer, the new ticket, the
 * note of a dismissal).
 */
public record HeldReply(long id, String idempotencyKey, String callerNumber, String text, WorkOrderId workOrder,
                        TicketNumber ticket, Instant receivedAt, State state, Optional<String> decidedBy,
                        Optional<String> note) {
    /** The deadline table's subject type of a held text's own deadline (ADR 0053). */
    public static final String DEADLINE = "sms-held-reply";
    /** The kind of that deadline: an agent decides the text by then (smpp.reply-hold.decide-within). */
    public static final String DECIDE_BY = "DECIDE_BY";

    /** WAITING until an agent decides; then what they decided. */
    public enum State { WAITING, SURVEY, REOPENED, NEW_REQUEST, DISMISSED }

    public HeldReply {
        Objects.requireNonNull(workOrder, "workOrder");
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(decidedBy, "decidedBy");
        Objects.requireNonNull(note, "note");
        text = text == null ? "" : text;
    }
}
