package org.hotline81890.gateway.voice;

/**
 * How a supervisor joins an agent's call through Asterisk's ChanSpy, with its options: {@code b} only a bridged call
 * (never a phone still ringing), {@code q} no beep or channel name announced, {@code E} end when the agent's channel
 * hangs up; whisper adds {@code w} (the agent hears the supervisor, the caller does not), barge {@code B} (both
 * hear the supervisor).
 */
public enum SpyMode {
    LISTEN("监听", "bqE"), WHISPER("密语", "bqwE"), BARGE("强插", "bqBE");

    private final String label;
    private final String options;

    SpyMode(String label, String options) {
        this.label = label;
        this.options = options;
    }

    public String label() {
        return label;
    }

    /**
     * ChanSpy's arguments for the agent's interface: the channel prefix ends with the dash Asterisk puts before a
     * channel's sequence number, so {@code PJSIP/1001} never also spies on {@code PJSIP/10010}.
     */
    public String chanSpyData(String agentInterface) {
        return agentInterface + "-," + options;
    }
}
