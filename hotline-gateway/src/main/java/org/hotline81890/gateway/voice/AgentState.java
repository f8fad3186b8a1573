package org.hotline81890.gateway.voice;

/** The states of an agent's desk (the state bar). */
public enum AgentState {
    SIGNED_OUT("签出"), PAUSED("示忙"), READY("就绪"), RINGING("振铃"), ON_CALL("通话中"), WRAP_UP("话后整理");

    private final String label;

    AgentState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
