package org.hotline81890.gateway.voice;

/**
 * Driven port: call control on the telephony system (Asterisk's AMI). Channels are the ones app_queue reported; each
 * call returns once the telephony system accepted the action, and throws {@link QueueMembership.Refused} otherwise.
 */
public interface CallControl {
    void hangUp(String channel);

    /** Everyone bridged to {@code channel} (the caller) goes to {@code exten}; the agent's leg ends. */
    void blindTransfer(String channel, String context, String exten);

    /** The agent on {@code channel} consults {@code exten} first; hanging up completes the transfer. */
    void attendedTransfer(String channel, String context, String exten);

    /** Caller and agent move into conference {@code room}; {@code exten} is called into it (三方通话). */
    void threeWay(String callerChannel, String agentChannel, String conferenceContext, String room,
                  String dialContext, String exten);

    /** Sends a DTMF digit on {@code channel} (the caller's leg: the party the agent talks to hears it). */
    void playDtmf(String channel, char digit);
}
