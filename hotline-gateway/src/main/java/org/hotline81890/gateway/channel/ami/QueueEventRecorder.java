package org.hotline81890.gateway.channel.ami;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
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
 * AgentConnect and an abandon). Writes run in arrival order on one virtual thread, off Asterisk-Java's reader; the
 * events that queued while a write ran are written together, in one transaction ({@link CallRecords#together}, ADR
 * 0052): a call's five events were five commits, and at the peak each waited for a pooled connection of its own.
 * While the database is down the events are kept ({@link PendingCallEvents}) and replayed, in order, once it is
 * back: the queue keeps answering people whether or not we can write it down.
 */
public final class QueueEventRecorder implements ManagerEventListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QueueEventRecorder.class);
    /** Events written in one transaction at most. */
    static final int MAX_TOGETHER = 200;
    /** Accepted and not yet taken by the writer, in arrival order. */
    private final Queue<Event> queued = new ConcurrentLinkedQueue<>();
    private final CallRecords records;
    private final Clock clock;
    private final PendingCallEvents pending;
    private final Duration drain;
    /** Set at shutdown once {@code drain} has run out: what is left goes to the spool, not to the closing pool. */
    private volatile boolean spoolOnly;
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().factory());

    public QueueEventRecorder(CallRecords records, Clock clock, PendingCallEvents pending, Duration retry) {
        this(records, clock, pending, retry, Duration.ofSeconds(5));
    }

    /**
     * {@code drain}: how long {@link #close()} lets the database take the events already accepted; what is left then
     * is kept in the spool for the next start (the pool closes right after).
     */
    public QueueEventRecorder(CallRecords records, Clock clock, PendingCallEvents pending, Duration retry,
                              Duration drain) {
        this.drain = drain;
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
            accept(e);
        }
    }

    private void accept(Event e) {
        queued.add(e);
        try {
            writer.execute(this::writeQueued);
        } catch (RejectedExecutionException closed) {
            // an event Asterisk-Java had read before the logoff, arriving after close(): the next start writes it
            LOG.info("call-record event {} {} after shutdown: kept for the next start", e.kind(), e.uniqueId());
            for (Event q = queued.poll(); q != null; q = queued.poll()) {
                pending.add(q);
            }
        }
    }

    /**
     * Writes every event queued now (up to {@link #MAX_TOGETHER}) in one transaction; each accepted event queues a
     * run of this, so a run that finds nothing left (an earlier run took its event) does nothing. If the batch fails
     * for anything but an unavailable database, its events are written one by one, so only a bad one is dropped.
     */
    private void writeQueued() {
        List<Event> batch = new ArrayList<>();
        for (Event q = queued.poll(); q != null; q = batch.size() < MAX_TOGETHER ? queued.poll() : null) {
            batch.add(q);
        }
        if (batch.size() < 2 || spoolOnly || !pending.isEmpty()) {
            batch.forEach(this::record);
            return;
        }
        try {
            records.together(() -> batch.forEach(this::apply));
        } catch (StorageUnavailableException x) {
            LOG.warn("{} call records not written (kept, replayed when the database is back): {}", batch.size(),
                    x.getMessage());
            batch.forEach(pending::add);
        } catch (RuntimeException x) {
            LOG.debug("{} call records written together failed ({}); writing each on its own", batch.size(),
                    x.toString());
            batch.forEach(this::record);
        }
    }

    private void record(Event e) {
        if (spoolOnly || !pending.isEmpty()) {
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

    /**
     * Call after the AMI connection is closed (no new events) and before the database pool: writes what was accepted
     * for up to {@code drain}, then spools the rest, and returns only when the writer has stopped, so that no write
     * reaches a closed pool (an acknowledged queue event would be lost).
     */
    @Override
    public void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(drain.toMillis(), TimeUnit.MILLISECONDS)) {
                spoolOnly = true;
                // the write under way finishes on the open pool; the queued ones only append to the spool file
                while (!writer.awaitTermination(5, TimeUnit.SECONDS)) {
                    LOG.info("call-record writer still finishing its last database write at shutdown");
                }
                LOG.warn("database slow at shutdown: {} call-record events kept for the next start", pending.size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
