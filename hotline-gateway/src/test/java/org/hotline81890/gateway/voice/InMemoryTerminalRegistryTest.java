package org.hotline81890.gateway.voice;

/** The terminal-registry contract on the in-memory fake. */
class InMemoryTerminalRegistryTest implements TerminalRegistryContract {
    private final InMemoryTerminalRegistry terminals = new InMemoryTerminalRegistry();

    @Override
    public TerminalRegistry terminals() {
        return terminals;
    }
}
