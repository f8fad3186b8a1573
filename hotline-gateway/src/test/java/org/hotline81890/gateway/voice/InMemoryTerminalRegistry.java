package org.hotline81890.gateway.voice;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.hotline81890.gateway.workorder.PhoneNumbers;

/** Test double of {@link TerminalRegistry}. */
public final class InMemoryTerminalRegistry implements TerminalRegistry {
    private final Map<String, OneKeyTerminal> byNumber = new ConcurrentHashMap<>();

    @Override
    public Optional<OneKeyTerminal> find(String callerNumber) {
        return Optional.ofNullable(byNumber.get(PhoneNumbers.normalise(callerNumber)));
    }

    @Override
    public void upsert(List<OneKeyTerminal> terminals) {
        terminals.forEach(t -> byNumber.put(t.number(), t));
    }
}
