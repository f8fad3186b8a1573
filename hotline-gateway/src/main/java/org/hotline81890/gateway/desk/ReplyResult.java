package org.hotline81890.gateway.desk;

import org.hotline81890.gateway.sms.HeldReply;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderState;

/** What became of an agent's decision on a held SMS reply ({@link ReplyReview}). */
public sealed interface ReplyResult {
    /** Done: {@code order} is the order it answered (surveyed, reopened) or the request it opened. */
    record Done(HeldReply.State decision, WorkOrder order) implements ReplyResult {
    }

    /** The form is not acceptable; nothing changed. */
    record Refused(String field, String reason) implements ReplyResult {
    }

    /** No such held text. */
    record NotFound() implements ReplyResult {
    }

    /** Another agent decided it already; nothing changed. */
    record Decided(HeldReply.State decision) implements ReplyResult {
    }

    /** The order it answers cannot take this any more (survey already answered, order closed); nothing changed. */
    record NotOpen(WorkOrderState state) implements ReplyResult {
    }
}
