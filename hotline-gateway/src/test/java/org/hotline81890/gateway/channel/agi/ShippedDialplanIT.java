package org.hotline81890.gateway.channel.agi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.hotline81890.gateway.callback.CallbackReason;
import org.hotline81890.gateway.callback.CallbackRequest;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.simulators.agi.AgiCallSimulator;
import org.hotline81890.simulators.agi.AgiCallSpec;
import org.hotline81890.simulators.agi.AgiExchange;
import org.hotline81890.simulators.agi.CallerScript;
import org.hotline81890.simulators.agi.Sounds;
import org.hotline81890.simulators.dialplan.Dialplan;
import org.hotline81890.simulators.dialplan.DialplanRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped config/asterisk/extensions.conf, run call by call (DialplanRunner) with AGI() going to the real gateway
 * through the wire-exact simulator: where does a caller end up when a prompt is missing, the database is down, the
 * gateway is gone, or nobody answers in the queue? The answers are what a real Asterisk 22 showed (issue 21).
 */
class ShippedDialplanIT {
    private static final Dialplan PLAN = Dialplan.read(VoiceTestApp.repoRoot()
            .resolve("config/asterisk/extensions.conf"));
    private static final Sounds SHIPPED = Sounds.directory(VoiceTestApp.repoRoot().resolve("config/asterisk/sounds"));
    @TempDir
    static Path dataDir;
    private static VoiceTestApp voice;
    private static int next = 5000;
    private final AgiCallSimulator asterisk = new AgiCallSimulator();

    @BeforeAll
    static void start() {
        voice = VoiceTestApp.start(dataDir, Map.of("HOTLINE_AMI_ENABLED", "false",
                "HOTLINE_DB_CONNECT_TIMEOUT", "300ms", "HOTLINE_AGI_LANE_WAIT", "3s"));
    }

    @AfterAll
    static void stop() {
        voice.close();
    }

    private static synchronized String uniqueId() {
        return "1795419400." + (++next);
    }

    /** One call to 81890 from {@code caller}, the gateway at {@code agiPort}, Asterisk with {@code sounds}. */
    private DialplanRunner.Outcome call(String caller, int agiPort, Sounds sounds, DialplanRunner.QueueOutcome q) {
        String uid = uniqueId();
        DialplanRunner runner = new DialplanRunner(PLAN, Map.of("GATEWAY", "127.0.0.1:" + agiPort),
                (authority, script, args, language, vars) -> {
                    AgiCallSpec.Builder spec = AgiCallSpec.builder().authority(authority).script(script).args(args)
                            .language(language).uniqueId(uid).callerIdNum(caller).sounds(sounds);
                    return asterisk.run("127.0.0.1", Integer.parseInt(authority.substring(authority.indexOf(':') + 1)),
                            spec.build(), CallerScript.silent());
                });
        return runner.run("hotline", "81890", Map.of("CALLERID(num)", caller, "UNIQUEID", uid), q);
    }

    private static WorkOrder orderOf(DialplanRunner.Outcome o) {
        return voice.app().core().store().findByIdempotencyKey("phone:" + o.agiCalls().getFirst().uniqueId())
                .orElseThrow();
    }

    @Test
    void aMissingPromptShouldStillQueueTheCallerWithTheTicket() {
        DialplanRunner.Outcome o = call("13800011111", voice.agiPort(), Sounds.none(),
                DialplanRunner.QueueOutcome.ANSWERED);

        assertThat(o.agiCalls().getFirst().agiStatus()).isEqualTo("FAILURE");
        DialplanRunner.Queued q = o.firstQueue().orElseThrow();
        assertThat(q.queue()).isEqualTo("hotline");
        assertThat(q.variable("CDR(userfield)")).isEqualTo(orderOf(o).ticket().value());
        assertThat(q.variable("CHANNEL(language)")).isEqualTo("zh");
    }

    @Test
    void aOneKeyTerminalWithAMissingPromptShouldKeepItsPriorityQueue() {
        DialplanRunner.Outcome o = call("02150001001", voice.agiPort(), Sounds.none(),
                DialplanRunner.QueueOutcome.ANSWERED);

        DialplanRunner.Queued q = o.firstQueue().orElseThrow();
        assertThat(q.queue()).isEqualTo("hotline-priority");
        assertThat(q.variable("QUEUE_PRIO")).isEqualTo("10");
        assertThat(q.variable("HOTLINE_TICKET")).isEqualTo(orderOf(o).ticket().value());
    }

    @Test
    void withTheShippedPromptsNothingShouldBeMissingAndAgistatusShouldBeSuccess() {
        DialplanRunner.Outcome o = call("13800011112", voice.agiPort(), SHIPPED, DialplanRunner.QueueOutcome.ANSWERED);

        assertThat(o.agiCalls().getFirst().agiStatus()).isEqualTo("SUCCESS");
        assertThat(o.agiCalls().getFirst().exchanges()).extracting(AgiExchange::reply)
                .noneMatch(r -> r.startsWith("200 result=-1"));
        assertThat(o.firstQueue().orElseThrow().variable("HOTLINE_STATUS")).isEqualTo("OK");
    }

    @Test
    void withTheDatabaseDownTheCallerShouldBeQueuedNotHungUp() {
        voice.dbProxy().cut();
        DialplanRunner.Outcome o;
        try {
            // every prompt there (AGISTATUS SUCCESS): only HOTLINE_STATUS=FAILED says what happened
            o = call("13800011113", voice.agiPort(), Sounds.all(), DialplanRunner.QueueOutcome.ANSWERED);
        } finally {
            voice.dbProxy().restore();
        }

        assertThat(o.variables()).containsEntry("HOTLINE_STATUS", "FAILED").containsEntry("AGISTATUS", "SUCCESS");
        assertThat(o.firstQueue()).map(DialplanRunner.Queued::queue).contains("hotline");
        assertThat(o.agiCalls().getFirst().commands()).noneMatch(c -> c.contains(Prompts.CALL_AGAIN));
    }

    @Test
    void aGatewayThatRefusesOrDiesMidCallShouldStillGetTheCallerQueued() throws IOException {
        int refused;
        try (ServerSocket s = new ServerSocket(0)) {
            refused = s.getLocalPort();
        }
        DialplanRunner.Outcome down = call("13800011114", refused, SHIPPED, DialplanRunner.QueueOutcome.ANSWERED);
        DialplanRunner.Outcome died;
        try (ServerSocket dying = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> answerThenDie(dying));
            died = call("13800011115", dying.getLocalPort(), SHIPPED, DialplanRunner.QueueOutcome.ANSWERED);
        }

        assertThat(down.agiCalls().getFirst().agiStatus()).isEqualTo("FAILURE");
        assertThat(down.firstQueue()).map(DialplanRunner.Queued::queue).contains("hotline");
        assertThat(died.agiCalls().getFirst().agiStatus()).isEqualTo("SUCCESS");
        assertThat(died.variables()).containsEntry("HOTLINE_STATUS", "");
        assertThat(died.firstQueue()).map(DialplanRunner.Queued::queue).contains("hotline");
    }

    @Test
    void aCallerNobodyAnsweredShouldBecomeACallbackItemNotAWorkOrderForTheMatcher() {
        DialplanRunner.Outcome o = call("13800011116", voice.agiPort(), SHIPPED, DialplanRunner.QueueOutcome.TIMEOUT);

        assertThat(o.agiCalls()).hasSize(2);
        assertThat(o.variables()).containsEntry("HOTLINE_STATUS", "CALLBACK");
        long id = Long.parseLong(o.variables().get("HOTLINE_CALLBACK"));
        CallbackRequest r = voice.voice().callbacks().open(500).stream().filter(c -> c.id() == id).findFirst()
                .orElseThrow();
        assertThat(r.reason()).isEqualTo(CallbackReason.QUEUE_TIMEOUT);
        assertThat(r.number()).isEqualTo("13800011116");
        assertThat(o.agiCalls().get(1).commands()).contains("STREAM FILE \"" + Prompts.QUEUE_TIMEOUT + "\" \"\"");
    }

    /** A gateway that answers the call and then goes away without setting anything (a crash mid-call). */
    private static void answerThenDie(ServerSocket server) {
        try (Socket s = server.accept()) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            int last = -1;
            int b;
            while ((b = in.read()) >= 0 && !(b == '\n' && last == '\n')) {
                last = b;
            }
            out.write("ANSWER\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            while ((b = in.read()) >= 0 && b != '\n') {
                // the reply to ANSWER
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
