package org.hotline81890.gateway.sms;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.hotline81890.gateway.workorder.HeldAnswers;
import org.hotline81890.gateway.workorder.OutboxMessage;
import org.hotline81890.gateway.workorder.WorkOrderId;

/**
 * Driven port: the caller's orders a text may answer, and the texts held for an agent ({@link SurveyReplies}); a
 * text held and not decided counts as the order's reply for the survey wait ({@link HeldAnswers}).
 */
public interface HeldReplies extends HeldAnswers {
    /**
     * The caller's orders still awaiting their survey, and those changed at or after {@code since}, newest first
     * (at most 20): the one read the reply window costs per ordinary SMS.
     */
    List<RecentOrder> recent(String callerNumber, Instant since);

    /**
     * Which of {@code callers} have any order {@link #recent} would list for {@code since}: the callers whose texts
     * need that read at all (one query for a whole pass of the journal, ADR 0047).
     */
    default Set<String> withRecent(Collection<String> callers, Instant since) {
        return callers.stream().filter(c -> !recent(c, since).isEmpty()).collect(Collectors.toSet());
    }

    /**
     * Holds the text under the SMS's {@code idempotencyKey} with the order it answers, its history noting it and
     * {@code acknowledgement} written as outbox rows in the same transaction. {@code receivedAt} is when the text
     * arrived (ADR 0036: the survey wait judges it then, however late it was processed). A key already held returns
     * the held text unchanged (an SMSC redelivery); a key that is already a work order holds nothing (empty).
     * A text held here has its own deadline in the same transaction ({@link HeldReply#DEADLINE}, due
     * smpp.reply-hold.decide-within after {@code receivedAt}, ADR 0053).
     */
    Optional<HeldReply> hold(String idempotencyKey, String callerNumber, String text, Instant receivedAt,
                             WorkOrderId answers, List<OutboxMessage> acknowledgement);

    /** The texts waiting for an agent, oldest first. */
    List<HeldReply> waiting(int limit);

    int count();

    Optional<HeldReply> find(long id);

    /**
     * Records an agent's decision on a WAITING text; false (nothing changed) when it is no longer waiting, so that
     * of two agents deciding at once one wins. The text's own deadline is cancelled in the same transaction.
     */
    boolean decide(long id, HeldReply.State decision, String agent, Optional<String> note, Instant at);

    /**
     * The text's own deadline found it still WAITING: it is put on the 督办 list at {@code at} and its order's history
     * says so, in one transaction. False (nothing changed) when it is no longer waiting or already overdue.
     */
    boolean markOverdue(long id, Instant at);

    /** The texts still waiting past their own deadline (the 督办 list's), longest overdue first. */
    List<Overdue> overdue(int limit);

    /** A text on the 督办 list and since when. */
    record Overdue(HeldReply reply, Instant since) {
    }
}
