package org.hotline81890.gateway.sms;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.hotline81890.gateway.workorder.OutboxMessage;
import org.hotline81890.gateway.workorder.WorkOrderId;

/** {@link HeldReplies} over an in-memory one, counting the reads of a caller's recent orders (a window's cost). */
public final class CountingHeldReplies implements HeldReplies {
    private final InMemoryHeldReplies held;
    private final AtomicInteger reads;

    public CountingHeldReplies(InMemoryHeldReplies held, AtomicInteger reads) {
        this.held = held;
        this.reads = reads;
    }

    @Override
    public List<RecentOrder> recent(String callerNumber, Instant since) {
        reads.incrementAndGet();
        return held.recent(callerNumber, since);
    }

    @Override
    public Optional<HeldReply> hold(String key, String caller, String text, Instant receivedAt, WorkOrderId answers,
                                    List<OutboxMessage> ack) {
        return held.hold(key, caller, text, receivedAt, answers, ack);
    }

    @Override
    public Optional<Instant> waitingSince(WorkOrderId order, Instant by) {
        return held.waitingSince(order, by);
    }

    @Override
    public List<HeldReply> waiting(int limit) {
        return held.waiting(limit);
    }

    @Override
    public int count() {
        return held.count();
    }

    @Override
    public Optional<HeldReply> find(long id) {
        return held.find(id);
    }

    @Override
    public boolean decide(long id, HeldReply.State decision, String agent, Optional<String> note, Instant at) {
        return held.decide(id, decision, agent, note, at);
    }

    @Override
    public boolean markOverdue(long id, Instant at) {
        return held.markOverdue(id, at);
    }

    @Override
    public List<Overdue> overdue(int limit) {
        return held.overdue(limit);
    }
}
