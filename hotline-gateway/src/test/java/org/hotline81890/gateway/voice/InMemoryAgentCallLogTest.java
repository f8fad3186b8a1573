package org.hotline81890.gateway.voice;

class InMemoryAgentCallLogTest implements AgentCallLogContract {
    private final InMemoryAgentCallLog log = new InMemoryAgentCallLog();

    @Override
    public AgentCallLog log() {
        return log;
    }
}
