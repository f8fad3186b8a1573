package org.hotline81890.gateway.channel.agi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.gateway.workorder.Priority;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.gateway.workorder.WorkOrderState;
import org.hotline81890.gateway.workorder.WorkOrderStore;
import org.hotline81890.gateway.testing.Eventually;
import org.hotline81890.simulators.agi.AgiCallResult;
import org.hotline81890.simulators.agi.AgiCallSpec;
import org.hotline81890.simulators.agi.CallerAction;
import org.hotline81890.simulators.agi.CallerScript;
import org.hotline81890.simulators.agi.Sounds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The FastAGI scripts of the real gateway on MariaDB, driven over TCP by the wire-exact Asterisk simulator. */
class FastAgiIT {
    @TempDir
    static Path dataDir;
    private static VoiceTestApp voice;
    private static int next = 1000;

    @BeforeAll
    static void start() {
        voice = VoiceTestApp.start(dataDir, Map.of("HOTLINE_AMI_ENABLED", "false"));
    }

    @AfterAll
    static void stop() {
        voice.close();
    }

    private static synchronized AgiCallSpec.Builder call(String script, String caller) {
        next++;
        return AgiCallSpec.builder().script(script).uniqueId("1795419300." + next).callerIdNum(caller);
    }

    private static WorkOrderStore store() {
        return voice.app().core().store();
    }

    @Test
    void intakeShouldSetTheVariablesAndOpenOneOrderPerUniqueId() {
        AgiCallSpec.Builder spec = call("intake", "13800001111");
        AgiCallResult first = voice.call(spec, CallerScript.silent());

        assertThat(first.failure()).isEmpty();
        assertThat(first.commands()).first().isEqualTo("ANSWER");
        assertThat(first.commands()).contains("STREAM FILE \"hotline/welcome\" \"\"");
        assertThat(first.variable("HOTLINE_STATUS")).contains("OK");
        assertThat(first.variable("HOTLINE_QUEUE")).contains("hotline");
        assertThat(first.variable("HOTLINE_PRIORITY")).contains("normal");
        assertThat(first.variable("QUEUE_PRIO")).contains("0");
        WorkOrder order = store().findByIdempotencyKey("phone:" + first.uniqueId()).orElseThrow();
        assertThat(first.variable("HOTLINE_TICKET")).contains(order.ticket().value());
        assertThat(first.variable("HOTLINE_WORKORDER")).contains(Long.toString(order.id().value()));
        assertThat(order.channel()).isEqualTo(Channel.PHONE);

        AgiCallResult again = voice.call(spec, CallerScript.silent());
        assertThat(again.variable("HOTLINE_TICKET")).isEqualTo(first.variable("HOTLINE_TICKET"));
        assertThat(store().listByCaller("13800001111", 10)).hasSize(1);

        AgiCallResult later = voice.call(call("intake", "13800001111"), CallerScript.silent());
        assertThat(later.variable("HOTLINE_TICKET")).isNotEqualTo(first.variable("HOTLINE_TICKET"));
        assertThat(later.variable("HOTLINE_OPEN_ORDERS")).contains("1");
        assertThat(later.variable("HOTLINE_LAST_TICKET")).isEqualTo(first.variable("HOTLINE_TICKET"));
    }

    @Test
    void callerHangingUpDuringTheGreetingShouldKeepTheOrder() {
        AgiCallResult r = voice.call(call("intake", "13800002222"), CallerScript.of(CallerAction.hangUp()));

        assertThat(r.hangup()).isEqualTo(AgiCallResult.HangupSource.CALLER);
        WorkOrder order = store().findByIdempotencyKey("phone:" + r.uniqueId()).orElseThrow();
        assertThat(r.variable("HOTLINE_TICKET")).contains(order.ticket().value());
    }

    @Test
    void callerHangingUpRightAfterAnswerShouldEndTheScriptAndStillKeepTheOrder() {
        AgiCallResult r = voice.call(call("intake", "13800003333"), CallerScript.silent().hangingUpAfterCommand(1));

        assertThat(r.exchanges().get(1).reply()).startsWith("511");
        assertThat(r.variable("HOTLINE_STATUS")).isEmpty();
        assertThat(r.serverClosed()).isTrue();
        Eventually.waitFor("the order of the hung-up call", Duration.ofSeconds(5),
                () -> store().findByIdempotencyKey("phone:" + r.uniqueId()).isPresent());
    }

    @Test
    void oneKeyTerminalShouldGetEmergencyPriorityAndJumpTheQueue() {
        AgiCallResult r = voice.call(call("intake", "02150001001"), CallerScript.silent());

        assertThat(r.variable("HOTLINE_PRIORITY")).contains("emergency");
        assertThat(r.variable("HOTLINE_QUEUE")).contains("hotline-priority");
        assertThat(r.variable("QUEUE_PRIO")).contains("10");
        assertThat(r.variable("HOTLINE_TERMINAL")).contains("1");
        WorkOrder order = store().findByIdempotencyKey("phone:" + r.uniqueId()).orElseThrow();
        assertThat(order.priority()).isEqualTo(Priority.EMERGENCY);
        assertThat(order.text()).contains("王秀英").contains("女儿 13900002222");
    }

    @Test
    void statusShouldReadTheStateBackForAKeyedTicket() {
        AgiCallResult opened = voice.call(call("intake", "13800004444"), CallerScript.silent());
        String ticket = opened.variable("HOTLINE_TICKET").orElseThrow();
        WorkOrder order = store().findByTicket(
                org.hotline81890.gateway.workorder.TicketNumber.of(ticket)).orElseThrow();

        AgiCallResult r = voice.call(call("status", "13800004444"), CallerScript.pressing("123456789#", ticket + "#"));

        assertThat(r.commands()).contains("STREAM FILE \"hotline/ticket-unknown\" \"\"",
                "SAY DIGITS \"" + ticket + "\" \"\"",
                "STREAM FILE \"hotline/state-" + order.state().name().toLowerCase() + "\" \"\"");
        assertThat(r.variable("HOTLINE_STATE")).contains(order.state().name());
    }

    @Test
    void statusShouldSayGoodbyeAfterThreeSilentTries() {
        AgiCallResult r = voice.call(call("status", "13800004445"), CallerScript.silent());

        assertThat(r.commands().stream().filter(c -> c.startsWith("GET DATA"))).hasSize(3);
        assertThat(r.variable("HOTLINE_STATUS")).contains("NOT_FOUND");
    }

    @Test
    void surveyAnswersShouldCloseOrReopenTheOrder() {
        WorkOrder satisfied = answeredOrder("13800005555");
        WorkOrder unhappy = answeredOrder("13800006666");

        AgiCallResult one = voice.call(call("survey", "81890").args(java.util.List.of(satisfied.ticket().value(),
                "13800005555")), CallerScript.pressing("1"));
        AgiCallResult three = voice.call(call("survey", "81890").args(java.util.List.of(unhappy.ticket().value(),
                "13800006666")), CallerScript.pressing("3"));

        assertThat(one.variable("HOTLINE_SURVEY")).contains("RECORDED");
        assertThat(store().find(satisfied.id()).orElseThrow().state()).isEqualTo(WorkOrderState.CLOSED);
        assertThat(three.variable("HOTLINE_SURVEY")).contains("RECORDED");
        assertThat(store().find(unhappy.id()).orElseThrow().state()).isEqualTo(WorkOrderState.REOPENED);
    }

    @Test
    void surveyWithoutAnAnswerOrWithAHangUpShouldRecordNothing() {
        WorkOrder order = answeredOrder("13800007777");
        java.util.List<String> args = java.util.List.of(order.ticket().value(), "13800007777");

        AgiCallResult silent = voice.call(call("survey", "81890").args(args), CallerScript.pressing("7"));
        AgiCallResult gone = voice.call(call("survey", "81890").args(args), CallerScript.of(CallerAction.hangUp()));

        assertThat(silent.variable("HOTLINE_SURVEY")).contains("NO_ANSWER");
        assertThat(gone.hangup()).isEqualTo(AgiCallResult.HangupSource.CALLER);
        assertThat(gone.variable("HOTLINE_SURVEY")).isEmpty();
        assertThat(store().find(order.id()).orElseThrow().state()).isEqualTo(WorkOrderState.ANSWERED);
    }

    @Test
    void statusWithMissingPromptsShouldStillReadTheKeyedTicketBack() {
        AgiCallResult opened = voice.call(call("intake", "13800004446"), CallerScript.silent());
        String ticket = opened.variable("HOTLINE_TICKET").orElseThrow();

        AgiCallResult r = voice.call(call("status", "13800004446").sounds(Sounds.none()),
                CallerScript.pressing(ticket + "#"));

        assertThat(r.commands()).contains("GET DATA \"hotline/enter-ticket\" 10000 9", "CHANNEL STATUS",
                "GET DATA \"\" 10000 9");
        assertThat(r.hungUp()).isFalse();
        assertThat(r.variable("HOTLINE_STATE")).contains("RECEIVED");
        assertThat(r.variable("HOTLINE_STATUS")).contains("OK");
    }

    @Test
    void surveyWithAMissingQuestionPromptShouldStillRecordTheKeyedAnswer() {
        WorkOrder order = answeredOrder("13800005556");

        AgiCallResult r = voice.call(call("survey", "81890").sounds(Sounds.none())
                .args(java.util.List.of(order.ticket().value(), "13800005556")), CallerScript.pressing("1"));

        assertThat(r.variable("HOTLINE_SURVEY")).contains("RECORDED");
        assertThat(store().find(order.id()).orElseThrow().state()).isEqualTo(WorkOrderState.CLOSED);
    }

    @Test
    void aHangUpDuringGetDataShouldStillEndTheStatusLookupQuietly() {
        AgiCallResult r = voice.call(call("status", "13800004447"), CallerScript.of(CallerAction.hangUp()));

        assertThat(r.commands()).containsSubsequence("GET DATA \"hotline/enter-ticket\" 10000 9", "CHANNEL STATUS");
        assertThat(r.commands().stream().filter(c -> c.startsWith("GET DATA"))).hasSize(1);
        assertThat(r.variable("HOTLINE_STATUS")).isEmpty();
    }

    @Test
    void unknownScriptShouldReturnToTheDialplanUntouched() {
        AgiCallResult r = voice.call(call("nonsense", "13800008888"), CallerScript.silent());

        assertThat(r.failure()).isEmpty();
        assertThat(r.commands()).containsExactly("SET VARIABLE \"AJ_AGISTATUS\" \"SUCCESS\"");
    }

    /** An order opened by phone and resolved at first contact: waiting for its survey answer. */
    static WorkOrder answeredOrder(String caller) {
        AgiCallResult opened = voice.call(call("intake", caller), CallerScript.silent());
        WorkOrder w = store().findByIdempotencyKey("phone:" + opened.uniqueId()).orElseThrow();
        return voice.app().core().tracker().move(w.id(), WorkOrderState.ANSWERED, "agent-7", Channel.AGENT,
                "answered on the phone", x -> java.util.List.of());
    }

    static Optional<WorkOrder> byKey(String key) {
        return store().findByIdempotencyKey(key);
    }
}
