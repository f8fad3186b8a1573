package org.hotline81890.gateway.voice;

import java.time.Instant;
import java.util.List;

/** Driven port: who joined which agent's call through ChanSpy, and how (append only; supervisors read it). */
public interface OversightAudit {
    void append(Entry entry);

    /** The newest first. */
    List<Entry> newest(int limit);

    /** One 监听 / 密语 / 强插: the supervisor (person and login, the extension that rang), the agent, the mode. */
    record Entry(Instant at, long personId, String login, String extension, String agentIface, SpyMode mode) {
    }
}
