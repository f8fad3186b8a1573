package org.hotline81890.gateway.channel.ami;

import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.event.AbstractAgentEvent;
import org.asteriskjava.manager.event.AgentCompleteEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.AgentRingNoAnswerEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.hotline81890.gateway.voice.AgentCalls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AgentConnect, AgentComplete and AgentRingNoAnswer to {@link AgentCalls}. Each runs on its own virtual thread: the
 * use case sends QueuePause and waits for Asterisk's answer, which must not hold up the event pump.
 */
public final class AgentCallListener implements ManagerEventListener {
    private static final Logger LOG = LoggerFactory.getLogger(AgentCallListener.class);
    private final AgentCalls calls;

    public AgentCallListener(AgentCalls calls) {
        this.calls = calls;
    }

    @Override
    public void onManagerEvent(ManagerEvent event) {
        switch (event) {
            case AgentConnectEvent a -> run(a, () -> calls.connected(iface(a.getInterface(), a), a.getUniqueId(),
                    a.getChannel(), a.getDestChannel()));
            case AgentCompleteEvent a -> run(a, () -> calls.completed(iface(a.getInterface(), a), a.getUniqueId()));
            case AgentRingNoAnswerEvent a -> run(a, () -> calls.rangUnanswered(iface(a.getInterface(), a)));
            default -> { }
        }
    }

    private static String iface(String iface, AbstractAgentEvent a) {
        return iface != null ? iface : a.getMemberName();
    }

    private static void run(ManagerEvent event, Runnable work) {
        Thread.ofVirtual().name("agent-call").start(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.error("{} not applied to the agent's seat", event.getClass().getSimpleName(), e);
            }
        });
    }
}
