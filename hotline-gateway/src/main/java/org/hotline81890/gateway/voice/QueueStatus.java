package org.hotline81890.gateway.voice;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Driven port: the queue as the telephone system sees it now (app_queue's QueueStatus): callers waiting and how
 * long, and each agent's state with when it began. Empty when the telephony link is off or down.
 */
public interface QueueStatus {
    Optional<Snapshot> now();

    /** The queue at one instant. */
    record Snapshot(int waiting, long longestWaitSeconds, List<Agent> agents) {
        public Snapshot {
            agents = List.copyOf(agents);
        }
    }

    /** One agent (queue member): name, interface, state and since when (empty when the system does not say). */
    record Agent(String name, String iface, AgentState state, Optional<Instant> since, Optional<String> reason) {
    }
}
