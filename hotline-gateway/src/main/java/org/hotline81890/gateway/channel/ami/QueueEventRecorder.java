package org.hotline81890.gateway.channel.ami;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.event.AgentCalledEvent;
import org.asteriskjava.manager.event.AgentCompleteEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.QueueCallerAbandonEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.hotline81890.gateway.channel.ami.PendingCallEvents.Event;
import org.hotline81890.gateway.channel.ami.PendingCallEvents.Kind;
import org.hotline81890.gateway.voice.CallRecords;
import org.hotline81890.gateway.workorder.StorageUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows app_queue's events into {@link CallRecords}: QueueCallerJoin opens a record, AgentCalled / AgentConnect /
 * AgentComplete / QueueCallerAbandon fill it, Hangup ends it. QueueCallerLeave needs nothing (it precedes both an
 * AgentConnect and an abandon). Writes run in arrival order on one virtual thread, off Asterisk-Java's reader.
 * While the database is down the events are kept ({@link PendingCallEvents}) and replayed, in order, once it is
 * back: the queue keeps answering people whether or not we can write it down.
 */
public final class QueueEventRecorder implements ManagerEventListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QueueEventRecorder.class);
    private final CallRecords records;
    private final Clock clock;
    private final PendingCallEvents pending;
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().factory());

    public QueueEventRecorder(CallRecords records, Clock clock, PendingCallEvents pending, Duration retry) {
        this.records = records;
        this.clock = clock;
        this.pending = pending;
        writer.scheduleWithFixedDelay(this::replay, retry.toMillis(), retry.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void onManagerEvent(ManagerEvent event) {
        var now = clock.instant();
        Event e = switch (event) {
            case QueueCallerJoinEvent j -> new Event(Kind.JOINED, j.getUniqueId(), j.getCallerIdNum(), j.getQueue(),
                    0, now);
            case AgentCalledEvent a -> new Event(Kind.AGENT_CALLED, a.getUniqueId(), "", "", 0, now);
            case AgentConnectEvent a -> new Event(Kind.ANSWERED, a.getUniqueId(), a.getMemberName(), "",
                    orZero(a.getHoldTime()), now);
            case AgentCompleteEvent a -> new Event(Kind.COMPLETED, a.getUniqueId(), "", "", orZero(a.getTalkTime()),
                    now);
            case QueueCallerAbandonEvent a -> new Event(Kind.ABANDONED, a.getUniqueId(), "", "",
                    a.getHoldTime() == null ? 0 : a.getHoldTime(), now);
            case HangupEvent h -> new Event(Kind.HUNG_UP, h.getUniqueId(), "", "", 0, now);
            default -> null;
        };
        if (e != null) {
            writer.execute(() -> record(e));
        }
    }

    private void record(Event e) {
        if (!pending.isEmpty()) {
            pending.add(e); // after the kept ones, in order; the retry writes them all
            return;
        }
        try {
            apply(e);
        } catch (StorageUnavailableException x) {
            LOG.warn("call record not written for {} {} (kept, replayed when the database is back): {}", e.kind(),
                    e.uniqueId(), x.getMessage());
            pending.add(e);
        } catch (RuntimeException x) {
            LOG.warn("call record not written for {} {}: {}", e.kind(), e.uniqueId(), x.toString());
        }
    }

    /** Writes the kept events in order; stops at the first that fails (the database is still down). */
    private void replay() {
        if (pending.isEmpty()) {
            return;
        }
        List<Event> kept = pending.read();
        int done = 0;
        try {
            for (Event e : kept) {
                applyOrDrop(e);
                done++;
            }
        } catch (StorageUnavailableException x) {
            LOG.debug("call records still not written ({} kept): {}", kept.size() - done, x.getMessage());
        }
        if (done > 0) {
            pending.written(done);
            LOG.info("{} kept call-record events written after the database came back ({} still kept)", done,
                    pending.size());
        }
    }

    private void applyOrDrop(Event e) {
        try {
            apply(e);
        } catch (StorageUnavailableException x) {
            throw x;
        } catch (RuntimeException x) {
            LOG.warn("kept call record dropped for {} {}: {}", e.kind(), e.uniqueId(), x.toString());
        }
    }

    private void apply(Event e) {
        switch (e.kind()) {
            case JOINED -> records.joined(e.uniqueId(), e.a(), e.b(), e.at());
            case AGENT_CALLED -> records.agentCalled(e.uniqueId(), e.at());
            case ANSWERED -> records.answered(e.uniqueId(), e.a(), e.n(), e.at());
            case COMPLETED -> records.completed(e.uniqueId(), e.n(), e.at());
            case ABANDONED -> records.abandoned(e.uniqueId(), e.n(), e.at());
            case HUNG_UP -> records.hungUp(e.uniqueId(), e.at());
        }
    }

    private static long orZero(Long v) {
        return v == null ? 0 : v;
    }

    @Override
    public void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("call-record writer still busy at shutdown; {} events kept for the next start",
                        pending.size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
