package org.hotline81890.gateway.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class CallControlsTest {
    private final List<String> sent = new ArrayList<>();
    private final CallControl telephony = new CallControl() {
        @Override
        public void hangUp(String channel) {
            sent.add("Hangup " + channel);
        }

        @Override
        public void blindTransfer(String channel, String context, String exten) {
            sent.add("BlindTransfer " + channel + " " + exten + "@" + context);
        }

        @Override
        public void attendedTransfer(String channel, String context, String exten) {
            sent.add("Atxfer " + channel + " " + exten + "@" + context);
        }

        @Override
        public void threeWay(String callerChannel, String agentChannel, String conferenceContext, String room,
                             String dialContext, String exten) {
            sent.add("ThreeWay " + callerChannel + "+" + agentChannel + " " + room + "@" + conferenceContext + " "
                    + exten + "@" + dialContext);
        }

        @Override
        public void playDtmf(String channel, char digit) {
            sent.add("PlayDTMF " + channel + " " + digit);
        }
    };
    private final InMemoryAgentCallLog log = new InMemoryAgentCallLog();
    private final CallControls controls = new CallControls(log, telephony, "agents", "hotline-conference");

    private CallControls.Result act(String ext, String uid, CallControls.Action a, String arg) {
        return controls.act(new CallControls.Request(ext, uid, a, arg));
    }

    @Test
    void eachControlActsOnTheAgentsOwnLiveCall() {
        log.connected(new AgentCallLog.LiveCall("1733.5", "1001", "PJSIP/trunk-5", "PJSIP/1001-6", Instant.EPOCH));
        assertThat(act("1001", "1733.5", CallControls.Action.DTMF, "1#")).isInstanceOf(CallControls.Result.Done.class);
        act("1001", "1733.5", CallControls.Action.ATTENDED_TRANSFER, "1201");
        act("1001", "1733.5", CallControls.Action.THREE_WAY, "19905740001");
        act("1001", "1733.5", CallControls.Action.BLIND_TRANSFER, "1201");
        act("1001", "1733.5", CallControls.Action.HANG_UP, "");
        assertThat(sent).containsExactly("PlayDTMF PJSIP/trunk-5 1", "PlayDTMF PJSIP/trunk-5 #",
                "Atxfer PJSIP/1001-6 1201@agents",
                "ThreeWay PJSIP/trunk-5+PJSIP/1001-6 17335@hotline-conference 19905740001@agents",
                "BlindTransfer PJSIP/1001-6 1201@agents", "Hangup PJSIP/1001-6");
    }

    @Test
    void anotherAgentsCallOrOneThatEndedIsNotYoursAndNothingIsSent() {
        log.connected(new AgentCallLog.LiveCall("1733.5", "1001", "PJSIP/trunk-5", "PJSIP/1001-6", Instant.EPOCH));
        assertThat(act("1002", "1733.5", CallControls.Action.HANG_UP, ""))
                .isInstanceOf(CallControls.Result.NotYours.class);
        log.ended("1733.5", "1001", Instant.EPOCH.plusSeconds(60));
        assertThat(act("1001", "1733.5", CallControls.Action.BLIND_TRANSFER, "1201"))
                .isInstanceOf(CallControls.Result.NotYours.class);
        assertThat(sent).isEmpty();
    }

    @Test
    void aBadTargetOrDigitIsInvalidAndNothingIsSent() {
        log.connected(new AgentCallLog.LiveCall("1733.5", "1001", "PJSIP/trunk-5", "PJSIP/1001-6", Instant.EPOCH));
        assertThat(act("1001", "1733.5", CallControls.Action.BLIND_TRANSFER, "1201@evil"))
                .isInstanceOf(CallControls.Result.Invalid.class);
        assertThat(act("1001", "1733.5", CallControls.Action.DTMF, "x"))
                .isInstanceOf(CallControls.Result.Invalid.class);
        assertThat(act("1001", "1733.5", CallControls.Action.THREE_WAY, "")).isInstanceOf(
                CallControls.Result.Invalid.class);
        assertThat(sent).isEmpty();
    }
}
