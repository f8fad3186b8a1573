package org.hotline81890.gateway.channel.ami;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.QueueStatusAction;
import org.asteriskjava.manager.event.QueueEntryEvent;
import org.asteriskjava.manager.event.QueueMemberEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import org.hotline81890.gateway.voice.AgentState;
import org.hotline81890.gateway.voice.QueueStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queue through AMI {@code QueueStatus}: {@code QueueEntry} per waiting caller (its {@code Wait}), and
 * {@code QueueMember} per agent: paused (since {@code LastPause}), ringing, on a call (device state in use or busy,
 * since {@code LastCall}), unavailable (signed out), otherwise ready.
 */
public final class AmiQueueStatus implements QueueStatus {
    private static final Logger LOG = LoggerFactory.getLogger(AmiQueueStatus.class);
    private static final long TIMEOUT_MS = 3000;
    private final AmiConnector ami;
    private final String queue;

    public AmiQueueStatus(AmiConnector ami, String queue) {
        this.ami = ami;
        this.queue = queue;
    }

    @Override
    public Optional<Snapshot> now() {
        if (!ami.isConnected()) {
            return Optional.empty();
        }
        try {
            QueueStatusAction action = new QueueStatusAction();
            action.setQueue(queue);
            ResponseEvents events = ami.connection().sendEventGeneratingAction(action, TIMEOUT_MS);
            int waiting = 0;
            long longest = 0;
            List<Agent> agents = new ArrayList<>();
            for (ResponseEvent e : events.getEvents()) {
                if (e instanceof QueueEntryEvent entry) {
                    waiting++;
                    longest = Math.max(longest, entry.getWait() == null ? 0 : entry.getWait());
                } else if (e instanceof QueueMemberEvent m) {
                    agents.add(agent(m));
                }
            }
            return Optional.of(new Snapshot(waiting, longest, agents));
        } catch (Exception e) {
            LOG.debug("QueueStatus failed: {}", e.toString());
            return Optional.empty();
        }
    }

    static Agent agent(QueueMemberEvent m) {
        int status = m.getStatus() == null ? 0 : m.getStatus();
        boolean paused = Boolean.TRUE.equals(m.getPaused());
        AgentState state = paused ? AgentState.PAUSED : switch (status) {
            case 2, 3, 7, 8 -> AgentState.ON_CALL;
            case 6 -> AgentState.RINGING;
            case 4, 5 -> AgentState.SIGNED_OUT;
            default -> AgentState.READY;
        };
        Long epoch = switch (state) {
            case PAUSED -> m.getLastPause();
            case ON_CALL, READY -> m.getLastCall();
            default -> null;
        };
        Optional<Instant> since = Optional.ofNullable(epoch).filter(s -> s > 0).map(Instant::ofEpochSecond);
        String name = m.getMemberName() != null ? m.getMemberName()
                : m.getName() != null ? m.getName() : m.getLocation();
        return new Agent(name, m.getLocation(), state, since, Optional.ofNullable(m.getPausedreason())
                .filter(r -> paused && !r.isBlank()));
    }
}
