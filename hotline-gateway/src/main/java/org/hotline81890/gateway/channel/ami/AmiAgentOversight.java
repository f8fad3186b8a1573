package org.hotline81890.gateway.channel.ami;

import java.util.Optional;
import java.util.UUID;

import org.hotline81890.gateway.voice.AgentOversight;
import org.hotline81890.gateway.voice.SpyMode;

/** Oversight through AMI: an Originate of the supervisor's phone into ChanSpy (see {@link SpyMode}). */
public final class AmiAgentOversight implements AgentOversight {
    private final Originator originator;
    private final String channelPattern;

    /** {@code channelPattern}: ami.agent-channel, e.g. {@code PJSIP/{extension}} (supervisors' phones too). */
    public AmiAgentOversight(Originator originator, String channelPattern) {
        this.originator = originator;
        this.channelPattern = channelPattern;
    }

    @Override
    public Optional<String> join(String supervisorExtension, String agentInterface, SpyMode mode) {
        String channel = channelPattern.replace("{extension}", supervisorExtension);
        return switch (originator.spy(channel, agentInterface, mode, "spy-" + UUID.randomUUID())) {
            case Originator.Result.Answered a -> Optional.empty();
            case Originator.Result.NotConnected n -> Optional.of("AMI 未连接");
            case Originator.Result.Refused r -> Optional.of("Asterisk 拒绝: " + r.message());
            case Originator.Result.Failed f -> Optional.of("未接通: " + f.reason());
            case Originator.Result.TimedOut t -> Optional.of("您的话机未应答");
        };
    }
}
