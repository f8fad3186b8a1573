package org.hotline81890.simulators.agi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.hotline81890.simulators.support.ReplayingPeer;
import org.hotline81890.simulators.support.Transcripts;
import org.hotline81890.simulators.transcript.Direction;
import org.hotline81890.simulators.transcript.Transcript;
import org.hotline81890.simulators.transcript.TranscriptLine;
import org.junit.jupiter.api.Test;

/**
 * Each FastAGI transcript replayed against {@link AgiCallSimulator}: the test is the FastAGI server, sends the
 * captured commands, and requires every byte Asterisk sent, in order. The call's parameters (channel, uniqueid,
 * thread id, caller id, args) are taken from the captured env block so that nothing needs normalising.
 */
class AgiTranscriptReplayTest {

    @Test
    void basicSessionShouldBeReproducedByteForByte() throws Exception {
        Transcript t = Transcripts.sessions("fastagi-basic.txt").getFirst();
        AgiCallSpec spec = specFrom(t).variable("HOTLINE_SRC", "ami")
                .missingSounds(Set.of("nonexistent-file")).build();

        AgiCallResult r = replay(t, spec, CallerScript.silent());

        assertThat(r.variablesSet()).containsExactly(
                new AgiCallResult.VariableSet("HOTLINE_TICKET", "2611230001"),
                new AgiCallResult.VariableSet("HOTLINE_X", "a b,c"));
        assertThat(r.hangup()).isEqualTo(AgiCallResult.HangupSource.SCRIPT);
        assertThat(r.outOfBandHangups()).isEqualTo(2);
        assertThat(r.serverClosed()).isTrue();
        assertThat(r.exchanges()).hasSize(26);
        assertThat(r.exchanges().get(23).verb()).isEqualTo("STREAM FILE");
    }

    @Test
    void hangupCommandSessionShouldBeReproducedByteForByte() throws Exception {
        Transcript t = Transcripts.sessions("fastagi-hangup-oob.txt").getFirst();

        AgiCallResult r = replay(t, specFrom(t).build(), CallerScript.silent());

        assertThat(r.commands()).containsExactly("ANSWER", "HANGUP", "WAIT FOR DIGIT 100", "NOOP",
                "GET VARIABLE AGISTATUS");
        assertThat(r.exchanges().get(2).reply()).startsWith("511 ");
    }

    @Test
    void callerHangingUpWhileServerIdleShouldBeReproducedByteForByte() throws Exception {
        Transcript t = Transcripts.sessions("fastagi-remote-hangup.txt").getFirst();

        AgiCallResult r = replay(t, specFrom(t).build(), CallerScript.silent().hangingUpAfterCommand(1));

        assertThat(r.hangup()).isEqualTo(AgiCallResult.HangupSource.CALLER);
    }

    @Test
    void callerHangingUpDuringWaitForDigitShouldBeReproducedByteForByte() throws Exception {
        Transcript t = Transcripts.sessions("fastagi-remote-hangup-during-command.txt").getFirst();

        AgiCallResult r = replay(t, specFrom(t).build(), CallerScript.of(CallerAction.hangUp()));

        assertThat(r.exchanges().get(1).reply()).isEqualTo("200 result=-1");
        assertThat(r.hangup()).isEqualTo(AgiCallResult.HangupSource.CALLER);
    }

    @Test
    void everyUrlFormInTheArgsTranscriptShouldBeReproducedByteForByte() throws Exception {
        List<Transcript> sessions = Transcripts.sessions("fastagi-args.txt");
        assertThat(sessions).hasSize(5);
        for (Transcript t : sessions) {
            AgiCallResult r = replay(t, specFrom(t).build(), CallerScript.silent());
            assertThat(r.hungUp()).isFalse();
            assertThat(r.outOfBandHangups()).isEqualTo(1);
        }
    }

    private static AgiCallResult replay(Transcript t, AgiCallSpec spec, CallerScript caller) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            AgiCallSimulator sim = new AgiCallSimulator();
            CompletableFuture<AgiCallResult> call = CompletableFuture.supplyAsync(
                    () -> sim.run("127.0.0.1", server.getLocalPort(), spec, caller),
                    r -> Thread.ofVirtual().start(r));
            try (Socket s = server.accept()) {
                ReplayingPeer.replay(s, t);
            }
            AgiCallResult result = call.get(5, TimeUnit.SECONDS);
            assertThat(result.failure()).isEmpty();
            return result;
        }
    }

    /** The call parameters as the captured env block states them; rendering them again must give the same bytes. */
    static AgiCallSpec.Builder specFrom(Transcript t) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        List<String> args = new ArrayList<>();
        for (TranscriptLine.WireLine w : t.wireLines()) {
            if (w.direction() != Direction.FROM_ASTERISK) {
                continue;
            }
            String line = new String(w.bytes(), StandardCharsets.UTF_8);
            if (line.equals("\n")) {
                break;
            }
            String key = line.substring(0, line.indexOf(':'));
            String value = line.substring(key.length() + 2, line.length() - 1);
            if (key.startsWith("agi_arg_")) {
                args.add(value);
            }
            env.put(key, value);
        }
        String url = env.get("agi_request").substring("agi://".length());
        int slash = url.indexOf('/');
        return AgiCallSpec.builder()
                .authority(slash < 0 ? url : url.substring(0, slash))
                .script(slash < 0 ? "" : url.substring(slash + 1))
                .channel(env.get("agi_channel")).uniqueId(env.get("agi_uniqueid"))
                .callerIdNum(env.get("agi_callerid")).callerIdName(env.get("agi_calleridname"))
                .context(env.get("agi_context")).extension(env.get("agi_extension"))
                .priority(env.get("agi_priority")).threadId(env.get("agi_threadid")).args(args);
    }
}
