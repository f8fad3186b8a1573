package org.hotline81890.gateway.channel.ami;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.event.AgentCalledEvent;
import org.asteriskjava.manager.event.AgentCompleteEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.QueueCallerAbandonEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.hotline81890.gateway.voice.CallRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows app_queue's events into {@link CallRecords}: QueueCallerJoin opens a record, AgentCalled / AgentConnect /
 * AgentComplete / QueueCallerAbandon fill it, Hangup ends it. QueueCallerLeave needs nothing (it precedes both an
 * AgentConnect and an abandon). Writes run in arrival order on one virtual thread, off Asterisk-Java's reader.
 */
public final class QueueEventRecorder implements ManagerEventListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QueueEventRecorder.class);
    private final CallRecords records;
    private final Clock clock;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(Thread.ofVirtual().factory());

    public QueueEventRecorder(CallRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    @Override
    public void onManagerEvent(ManagerEvent event) {
        if (event instanceof QueueCallerJoinEvent || event instanceof AgentCalledEvent
                || event instanceof AgentConnectEvent || event instanceof AgentCompleteEvent
                || event instanceof QueueCallerAbandonEvent || event instanceof HangupEvent) {
            writer.execute(() -> record(event));
        }
    }

    private void record(ManagerEvent event) {
        var now = clock.instant();
        try {
            switch (event) {
                case QueueCallerJoinEvent j -> records.joined(j.getUniqueId(), j.getCallerIdNum(), j.getQueue(), now);
                case AgentCalledEvent a -> records.agentCalled(a.getUniqueId(), now);
                case AgentConnectEvent a -> records.answered(a.getUniqueId(), a.getMemberName(),
                        orZero(a.getHoldTime()), now);
                case AgentCompleteEvent a -> records.completed(a.getUniqueId(), orZero(a.getTalkTime()), now);
                case QueueCallerAbandonEvent a -> records.abandoned(a.getUniqueId(),
                        a.getHoldTime() == null ? 0 : a.getHoldTime(), now);
                case HangupEvent h -> records.hungUp(h.getUniqueId(), now);
                default -> LOG.debug("ignored {}", event.getClass().getSimpleName());
            }
        } catch (RuntimeException e) {
            LOG.warn("call record not written for {}: {}", event.getClass().getSimpleName(), e.toString());
        }
    }

    private static long orZero(Long v) {
        return v == null ? 0 : v;
    }

    @Override
    public void close() {
        writer.shutdown();
    }
}
