package org.hotline81890.gateway.voice;

/** Driven port: a queue call rings an agent (AMI AgentCalled); the live desks are told. */
public interface AgentRings {
    /** {@code uniqueId} is the caller channel's, the one the FastAGI intake keyed its work order on. */
    void ringing(String iface, String uniqueId, String callerNumber);
}
