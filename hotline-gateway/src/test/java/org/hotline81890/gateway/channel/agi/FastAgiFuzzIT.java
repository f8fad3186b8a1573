package org.hotline81890.gateway.channel.agi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.sun.management.HotSpotDiagnosticMXBean;
import org.hotline81890.gateway.testing.Eventually;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.simulators.agi.AgiCallResult;
import org.hotline81890.simulators.agi.AgiCallSpec;
import org.hotline81890.simulators.agi.CallerScript;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The FastAGI fuzzer (issue 16): seeded inputs ({@link AgiInputs}) from a fake Asterisk on raw sockets against the
 * whole gateway on MariaDB, {@value #PARALLEL} at a time. It fails when the gateway leaves a connection open longer
 * than {@code agi.idle-timeout} plus a margin (a hung call), when its FastAGI listener stops serving, when a call
 * answered properly to its end (its ticket set, i.e. read to the caller) does not keep exactly its one order, or
 * when calls stay counted as active after the run. {@code -Dhotline.fuzz.inputs} (default 120),
 * {@code -Dhotline.fuzz.seed} (default 16).
 */
class FastAgiFuzzIT {
    private static final int PARALLEL = 24;
    private static final Duration IDLE = Duration.ofSeconds(2);
    private static final Duration HUNG = IDLE.plusSeconds(20);
    @TempDir
    static Path dataDir;
    private static VoiceTestApp voice;

    @BeforeAll
    static void start() {
        voice = VoiceTestApp.start(dataDir, Map.of("HOTLINE_AMI_ENABLED", "false",
                "HOTLINE_AGI_IDLE_TIMEOUT", IDLE.toMillis() + "ms"));
    }

    @AfterAll
    static void stop() {
        voice.close();
    }

    /** What one input did: the ticket the gateway set for a properly answered call, and whether it hung. */
    private record Outcome(AgiInputs.Input input, String ticket, boolean hung, int commands) {
    }

    @Test
    void everyInputShouldEndItsConnectionAndNoAcknowledgedCallLoseOrChangeItsOrder() throws Exception {
        int inputs = Integer.getInteger("hotline.fuzz.inputs", 120);
        long seed = Long.getLong("hotline.fuzz.seed", 16L);
        int parallel = Integer.getInteger("hotline.fuzz.parallel", PARALLEL);
        AgiInputs gen = new AgiInputs(new Random(seed), Long.toString(seed % 1000));
        Map<String, Integer> kinds = new ConcurrentHashMap<>();
        List<Outcome> hung = new ArrayList<>();
        List<Outcome> acknowledged = new ArrayList<>();
        long started = System.nanoTime();
        // a bounded window of inputs in flight, each outcome kept only if it matters (a hang, a ticket): the long run
        // (100,000 inputs, some with 1 MB lines) must not hold every input in memory
        try (ExecutorService pool = Executors.newFixedThreadPool(parallel, Thread.ofVirtual().factory())) {
            ArrayDeque<InFlight> running = new ArrayDeque<>();
            for (int i = 0; i < inputs; i++) {
                AgiInputs.Input in = gen.next();
                kinds.merge(in.kind(), 1, Integer::sum);
                // the answers' randomness is drawn here, in order, so a seed gives the same run
                List<String> replies = new ArrayList<>();
                for (int k = 0; k < 40; k++) {
                    replies.add(k < in.from() ? null : gen.reply(in.answer(), ""));
                }
                running.add(new InFlight(in, pool.submit(() -> play(in, replies))));
                if ((i + 1) % 10_000 == 0) {
                    System.out.printf("FastAGI fuzz: %d inputs sent in %.0f s, %d hung, %d acknowledged so far%n",
                            i + 1, (System.nanoTime() - started) / 1e9, hung.size(), acknowledged.size());
                }
                while (running.size() >= parallel * 2 || i == inputs - 1 && !running.isEmpty()) {
                    Outcome o = running.poll().outcome();
                    if (o.hung()) {
                        hung.add(o);
                    } else if (o.ticket() != null) {
                        acknowledged.add(o);
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(hung).as("connections the gateway left open").isEmpty();
        for (Outcome o : acknowledged) {
            WorkOrder w = voice.app().core().store().findByIdempotencyKey("phone:" + o.input().uniqueId())
                    .orElseThrow(() -> new AssertionError("no order for acknowledged call " + o.input().uniqueId()));
            assertThat(w.ticket().value()).isEqualTo(o.ticket());
        }
        Eventually.waitFor("no FastAGI call left active", HUNG,
                () -> voice.voice().agiServer().orElseThrow().activeCalls() == 0);
        AgiCallResult last = voice.call(AgiCallSpec.builder().script("intake").uniqueId("1795419399.1")
                .callerIdNum("13800009999"), CallerScript.silent());
        assertThat(last.variable("HOTLINE_STATUS")).contains("OK");
        System.out.printf("FastAGI fuzz: seed %d, %d inputs (%d at a time) in %.1f s, %d calls acknowledged (ticket "
                + "set) and kept, 0 hung, 0 lost, gateway serving at the end; inputs %s%n", seed, inputs, parallel,
                seconds, acknowledged.size(), kinds);
    }

    /** An input being played and its outcome to come. */
    private record InFlight(AgiInputs.Input input, Future<Outcome> future) {
        /**
         * The outcome, or a failure naming the input and printing every thread (virtual ones too, the gateway's calls
         * run on them) when it has not ended well past the hang timeout: the one flake of this IT (a TimeoutException
         * here, the gateway's database connections stalled for a minute) left nothing to read but the log.
         */
        Outcome outcome() throws InterruptedException, ExecutionException {
            try {
                return future.get(HUNG.toSeconds() * 4, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                throw new AssertionError("input " + input.kind() + " (call " + input.uniqueId() + ") not ended after "
                        + HUNG.toSeconds() * 4 + " s; threads:\n" + threadDump(), e);
            }
        }
    }

    private static String threadDump() {
        try {
            Path file = Files.createTempDirectory("fastagi-fuzz").resolve("threads.txt");
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .dumpThreads(file.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.TEXT_PLAIN);
            return Files.readString(file);
        } catch (IOException | RuntimeException e) {
            return "(no thread dump: " + e + ")";
        }
    }

    /** Plays one input as Asterisk would (or would not); the gateway must end the connection. */
    private static Outcome play(AgiInputs.Input in, List<String> replies) {
        String ticket = null;
        int commands = 0;
        try (Socket s = new Socket("127.0.0.1", voice.agiPort())) {
            s.setSoTimeout((int) HUNG.toMillis());
            OutputStream out = s.getOutputStream();
            InputStream from = s.getInputStream();
            out.write(in.environment());
            out.flush();
            if (in.environment().length == 0 && in.answer() == AgiInputs.Answer.CLOSE) {
                return new Outcome(in, null, false, 0);
            }
            String ticketSet = null;
            String line;
            while ((line = readLine(from)) != null) {
                commands++;
                if (line.startsWith("SET VARIABLE \"HOTLINE_TICKET\"")) {
                    ticketSet = line.replaceAll(".*\" \"([0-9]+)\"$", "$1");
                }
                boolean proper = commands - 1 < in.from() || in.answer() == AgiInputs.Answer.PROPER;
                String reply = proper ? AgiInputs.proper(line) : replies.get(Math.min(commands - 1, 39));
                if (reply == null) {
                    if (in.answer() == AgiInputs.Answer.CLOSE) {
                        return new Outcome(in, null, false, commands);
                    }
                    continue;
                }
                out.write(reply.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            }
            boolean wholeCall = in.validEnvironment() && in.answer() == AgiInputs.Answer.PROPER;
            ticket = wholeCall ? ticketSet : null;
            return new Outcome(in, ticket, false, commands);
        } catch (SocketTimeoutException e) {
            return new Outcome(in, null, true, commands);
        } catch (IOException e) {
            // the gateway closed or reset the connection: ended, as it should be
            return new Outcome(in, null, false, commands);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            b.write(c);
        }
        return c < 0 && b.size() == 0 ? null : b.toString(StandardCharsets.UTF_8);
    }
}
