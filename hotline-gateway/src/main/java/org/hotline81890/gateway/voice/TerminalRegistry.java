package org.hotline81890.gateway.voice;

import java.util.List;
import java.util.Optional;

/** Driven port: the registered one-key terminals, looked up by the caller's number on every call. */
public interface TerminalRegistry {
    Optional<OneKeyTerminal> find(String callerNumber);

    /** Adds or replaces terminals by number (the CSV loaded at start, the admin's edits). */
    void upsert(List<OneKeyTerminal> terminals);
}
