package org.hotline81890.gateway.desk;

import java.util.List;
import java.util.Optional;

import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.gateway.workorder.IllegalTransitionException;
import org.hotline81890.gateway.workorder.OutboxMessage;
import org.hotline81890.gateway.workorder.TicketNumber;
import org.hotline81890.gateway.workorder.Tracker;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderState;
import org.hotline81890.gateway.workorder.WorkOrderStore;
import org.hotline81890.gateway.workorder.Wording;

/**
 * Use case: the agents' SMS inbox (短信待处理). Texts the matcher could not place stay RECEIVED and wait here; an
 * agent either classifies one with the ticket form ({@link TicketDesk}: dispatched or answered) or answers it by SMS:
 * the order becomes ANSWERED with the reply in its history and the reply an outbox row of the same transaction.
 * Either way the order is no longer RECEIVED and leaves the inbox.
 */
public final class SmsReview {
    /** Most items one listing returns. */
    public static final int MAX_LIST = 100;
    /** Longest answer an agent may send (a few SMS parts). */
    public static final int MAX_REPLY = 300;
    /** How the ANSWERED event's details start; the reply as sent follows. */
    public static final String REPLY_DETAILS = "answered by SMS (短信答复): ";
    private final ReviewQueue queue;
    private final WorkOrderStore store;
    private final Tracker tracker;

    public SmsReview(ReviewQueue queue, WorkOrderStore store, Tracker tracker) {
        this.queue = queue;
        this.store = store;
        this.tracker = tracker;
    }

    public List<WorkOrder> waiting(int limit) {
        return queue.waiting(Math.max(1, Math.min(limit, MAX_LIST)));
    }

    public int count() {
        return queue.count();
    }

    /** The text with {@code ticket} when it came by SMS; it may have left the inbox already. */
    public Optional<WorkOrder> item(TicketNumber ticket) {
        return store.findByTicket(ticket).filter(w -> w.channel() == Channel.SMS);
    }

    /** Answers the text by SMS from {@code agent}; refused when blank or too long, NotOpen once it left the inbox. */
    public TicketResult reply(TicketNumber ticket, String text, String agent) {
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            return new TicketResult.Refused("reply", "请填写答复内容");
        }
        if (body.length() > MAX_REPLY) {
            return new TicketResult.Refused("reply", "答复不超过 " + MAX_REPLY + " 字");
        }
        Optional<WorkOrder> found = item(ticket);
        if (found.isEmpty()) {
            return new TicketResult.NotFound();
        }
        WorkOrder order = found.get();
        if (order.state() != WorkOrderState.RECEIVED) {
            return new TicketResult.NotOpen(order.state());
        }
        String sms = Wording.sms(body);
        try {
            WorkOrder after = tracker.move(order.id(), WorkOrderState.ANSWERED, agent, Channel.AGENT,
                    REPLY_DETAILS + sms, w -> List.of(new OutboxMessage(OutboxMessage.SMS, w.callerNumber(), sms,
                            "desk-reply:" + w.id().value() + ":" + w.version())));
            return new TicketResult.Done(after, Optional.empty());
        } catch (IllegalTransitionException e) {
            // Another agent handled it between the look and the move.
            return new TicketResult.NotOpen(store.findByTicket(ticket).map(WorkOrder::state).orElse(order.state()));
        }
    }
}
