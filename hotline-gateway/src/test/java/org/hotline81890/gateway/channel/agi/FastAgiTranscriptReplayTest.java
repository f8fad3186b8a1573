package org.hotline81890.gateway.channel.agi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.MappingStrategy;
import org.asteriskjava.fastagi.command.AbstractAgiCommand;
import org.hotline81890.simulators.transcript.Direction;
import org.hotline81890.simulators.transcript.Transcript;
import org.hotline81890.simulators.transcript.TranscriptLine;
import org.hotline81890.simulators.transcript.TranscriptReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The captured FastAGI sessions of a live Asterisk 22 replayed against the gateway's own FastAGI stack
 * ({@link FastAgiServer}, {@link LineSocket}, Asterisk-Java's request parser and reply reader): this test plays
 * Asterisk, sending the captured bytes (environment block, replies, 510/511/520, out-of-band HANGUP), and a script
 * on the gateway sends the captured commands; every byte the gateway sends must be the captured one, in order.
 * After the session Asterisk-Java adds only {@code SET VARIABLE AJ_AGISTATUS}, answered as a dead channel.
 */
class FastAgiTranscriptReplayTest {
    private static final byte[] DEAD = "511 Command Not Permitted on a dead channel or intercept routine\n"
            .getBytes(StandardCharsets.US_ASCII);

    /** What the gateway side saw: the request's script, the arguments as CallInfo reads them, each outcome. */
    record Seen(String script, List<String> args, List<String> outcomes) {
    }

    @ParameterizedTest(name = "{0} session {1}")
    @CsvSource({
        "fastagi-basic.txt, 0, 0",
        "fastagi-hangup-oob.txt, 0, 1",
        "fastagi-remote-hangup.txt, 0, 1",
        "fastagi-remote-hangup-during-command.txt, 0, 1",
        "fastagi-args.txt, 0, 0", "fastagi-args.txt, 1, 0", "fastagi-args.txt, 2, 0", "fastagi-args.txt, 3, 0",
        "fastagi-args.txt, 4, 0",
    })
    void theGatewaySendsTheCapturedBytesAndReadsEveryCapturedReply(String file, int session, int minHangups)
            throws Exception {
        Transcript t = TranscriptReader.readSessions(transcripts().resolve(file)).get(session);
        List<String> commands = t.wireLines().stream().filter(w -> w.direction() == Direction.TO_ASTERISK)
                .map(w -> new String(w.bytes(), StandardCharsets.UTF_8).replaceFirst("\n$", "")).toList();
        CompletableFuture<Seen> seen = new CompletableFuture<>();
        MappingStrategy replaying = (request, channel) -> (req, ch) -> {
            try {
                seen.complete(run(req, ch, commands));
            } catch (RuntimeException e) {
                seen.completeExceptionally(e);
            }
        };
        try (FastAgiServer server = new FastAgiServer("127.0.0.1", 0, AllowedHosts.resolve(List.of("127.0.0.1")),
                replaying).start(); Socket asterisk = new Socket("127.0.0.1", server.port())) {
            List<String> extra = playAsterisk(asterisk, t);
            assertThat(extra).allSatisfy(l -> assertThat(l).startsWith("SET VARIABLE \"AJ_AGISTATUS\""));
        }
        Seen s = seen.get(10, TimeUnit.SECONDS);
        assertThat(s.outcomes()).hasSize(commands.size());
        assertThat(s.outcomes().stream().filter("AgiHangupException"::equals).count())
                .as(s.outcomes().toString()).isGreaterThanOrEqualTo(minHangups);
        String env = new String(t.bytesFrom(Direction.FROM_ASTERISK), StandardCharsets.UTF_8);
        List<String> capturedArgs = env.lines().filter(l -> l.startsWith("agi_arg_"))
                .map(l -> l.substring(l.indexOf(": ") + 2)).toList();
        assertThat(s.args()).isEqualTo(capturedArgs);
        env.lines().filter(l -> l.startsWith("agi_network_script: ")).findFirst()
                .ifPresent(l -> assertThat(ScriptMapping.nameOf(s.script()))
                        .isEqualTo(ScriptMapping.nameOf(l.substring("agi_network_script: ".length()))));
    }

    /** The gateway side: sends the captured commands as they are, carrying on after a hang-up as the capture did. */
    private static Seen run(AgiRequest request, AgiChannel channel, List<String> commands) {
        List<String> outcomes = new ArrayList<>();
        for (String line : commands) {
            try {
                outcomes.add(Integer.toString(channel.sendCommand(raw(line)).getStatus()));
            } catch (AgiException e) {
                outcomes.add(e.getClass().getSimpleName());
            }
        }
        return new Seen(request.getScript(), CallInfo.of(request).args(), outcomes);
    }

    private static AbstractAgiCommand raw(String line) {
        return new AbstractAgiCommand() {
            @Override
            public String buildCommand() {
                return line;
            }
        };
    }

    /**
     * Asterisk's side: each captured {@code >} line is sent once every {@code <} line before it has arrived, and
     * each {@code <} line must arrive byte for byte. Returns the lines the gateway sent after the capture ended.
     */
    private static List<String> playAsterisk(Socket socket, Transcript t) throws IOException {
        socket.setSoTimeout(5000);
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        boolean open = true;
        for (TranscriptLine line : t.lines()) {
            if (line instanceof TranscriptLine.WireLine w) {
                if (w.direction() == Direction.TO_ASTERISK) {
                    byte[] got = in.readNBytes(w.bytes().length);
                    assertThat(TranscriptReader.escape(got)).isEqualTo(TranscriptReader.escape(w.bytes()));
                } else if (open) {
                    open = send(out, w.bytes());
                }
            }
        }
        List<String> extra = new ArrayList<>();
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b != '\n') {
                buf.write(b);
                continue;
            }
            extra.add(buf.toString(StandardCharsets.UTF_8));
            buf.reset();
            if (open) {
                open = send(out, DEAD);
            }
        }
        return extra;
    }

    /** False once the gateway has closed (a write after its close may fail, as it would for Asterisk). */
    private static boolean send(OutputStream out, byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Path transcripts() {
        Path dir = VoiceTestApp.repoRoot().resolve("../shared/asterisk-transcripts").normalize();
        if (!dir.toFile().isDirectory()) {
            throw new UncheckedIOException(new IOException("transcripts not found at " + dir));
        }
        return dir;
    }
}
