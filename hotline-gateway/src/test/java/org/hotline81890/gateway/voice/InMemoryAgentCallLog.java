package org.hotline81890.gateway.voice;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** {@link AgentCallLog} in memory, for the use-case tests. */
public final class InMemoryAgentCallLog implements AgentCallLog {
    private final List<LiveCall> live = new ArrayList<>();

    @Override
    public synchronized void connected(LiveCall call) {
        if (live(call.extension(), call.uniqueId()).isEmpty()) {
            live.add(call);
        }
    }

    @Override
    public synchronized void ended(String uniqueId, String extension, Instant at) {
        live.removeIf(c -> c.uniqueId().equals(uniqueId) && c.extension().equals(extension));
    }

    @Override
    public synchronized Optional<LiveCall> live(String extension, String uniqueId) {
        return live.stream().filter(c -> c.extension().equals(extension) && c.uniqueId().equals(uniqueId))
                .findFirst();
    }

    @Override
    public synchronized Optional<LiveCall> current(String extension) {
        return live.stream().filter(c -> c.extension().equals(extension))
                .max(Comparator.comparing(LiveCall::at));
    }
}
