package org.hotline81890.gateway.channel.ami;

import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.event.AgentCalledEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.hotline81890.gateway.voice.AgentRings;

/** AgentCalled (queues.conf {@code eventwhencalled}) to {@link AgentRings}: the screen pop starts on ring. */
public final class AgentRingListener implements ManagerEventListener {
    private final AgentRings rings;

    public AgentRingListener(AgentRings rings) {
        this.rings = rings;
    }

    @Override
    public void onManagerEvent(ManagerEvent event) {
        if (event instanceof AgentCalledEvent a) {
            String iface = a.getInterface() != null ? a.getInterface() : a.getAgentCalled();
            rings.ringing(iface, a.getUniqueId(), a.getCallerIdNum());
        }
    }
}
