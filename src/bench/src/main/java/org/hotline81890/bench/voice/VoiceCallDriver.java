package org.hotline81890.bench.voice;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;

import org.hotline81890.simulators.agi.AgiCallResult;
import org.hotline81890.simulators.agi.AgiCallSimulator;
import org.hotline81890.simulators.agi.AgiCallSpec;
import org.hotline81890.simulators.agi.CallerScript;

/**
 * The Asterisk side of the voice load, in its own JVM so that the gateway's heap and pauses are the gateway's
 * alone: warms the gateway up with short calls, then N calls arrive over --ramp-ms, each running the intake script
 * with a --prompt-ms greeting. Latency is taken here, as a real Asterisk sees it: from our reply (or environment
 * block) written to the server's next command read. Prints the report and exits 0 (1 if a call failed).
 * Started by {@link VoiceLoad}; {@code --port} is the gateway's FastAGI port.
 */
public final class VoiceCallDriver {
    private VoiceCallDriver() {
    }

    public static void main(String[] args) {
        Map<String, String> a = options(args);
        int port = Integer.parseInt(a.get("port"));
        int calls = Integer.parseInt(a.getOrDefault("calls", "2000"));
        int promptMs = Integer.parseInt(a.getOrDefault("prompt-ms", "15000"));
        int rampMs = Integer.parseInt(a.getOrDefault("ramp-ms", "10000"));
        int warm = Integer.parseInt(a.getOrDefault("warm-up", "1000"));
        int warmRampMs = Integer.parseInt(a.getOrDefault("warm-ramp-ms", "5000"));
        int warmPromptMs = Integer.parseInt(a.getOrDefault("warm-prompt-ms", "1000"));
        warmUp(port, warm, warmRampMs, warmPromptMs);
        long start = System.nanoTime();
        List<AgiCallResult> results = arriving("load", calls, promptMs, rampMs, port, start);
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        LatencyReport report = LatencyReport.of(results);
        System.out.printf("voice load: %d calls arriving over %d ms, greeting %d ms; wall %.2f s, %.1f calls/s%n",
                calls, rampMs, promptMs, wall.toMillis() / 1000.0, calls / (wall.toMillis() / 1000.0));
        report.print(System.out);
        System.exit(report.failed() == 0 ? 0 : 1);
    }

    /**
     * Rounds of {@code warm} calls arriving over {@code rampMs}, until the gateway (our parent, reading our stdout)
     * answers "load" on stdin: it keeps asking for rounds while its JIT compiler is still busy.
     */
    private static void warmUp(int port, int warm, int rampMs, int promptMs) {
        BufferedReader gateway = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        int rounds = 0;
        String answer;
        do {
            rounds++;
            long failed = arriving("warm" + rounds, warm, promptMs, rampMs, port, System.nanoTime()).stream()
                    .filter(r -> r.failure().isPresent()).count();
            System.out.println("driver: warm-up round done (" + warm + " calls, " + failed + " failed)");
            System.out.flush();
            try {
                answer = gateway.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } while ("again".equals(answer));
        System.out.println("driver: warm-up done (" + rounds + " rounds of " + warm + " calls), load starts");
        System.out.flush();
    }

    /** Call i arrives at {@code start + i * rampMs / n}, as calls reach a real Asterisk: spread, not all at once. */
    private static List<AgiCallResult> arriving(String prefix, int calls, int promptMs, int rampMs, int port,
                                                long start) {
        AgiCallSimulator asterisk = new AgiCallSimulator(Duration.ofSeconds(60));
        List<Future<AgiCallResult>> futures = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < calls; i++) {
                long at = start + (long) i * rampMs * 1_000_000L / calls;
                AgiCallSpec spec = spec(prefix, i, promptMs);
                futures.add(threads.submit(() -> {
                    LockSupport.parkNanos(at - System.nanoTime());
                    return asterisk.run("127.0.0.1", port, spec, CallerScript.silent());
                }));
            }
            List<AgiCallResult> out = new ArrayList<>();
            for (Future<AgiCallResult> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("load run failed", e);
        }
    }

    private static AgiCallSpec spec(String prefix, int i, int promptMs) {
        return AgiCallSpec.builder().script("intake").uniqueId(prefix + "-" + System.nanoTime() + "." + i)
                .callerIdNum(String.format("139%08d", i)).promptTime(Duration.ofMillis(promptMs)).build();
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            m.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return m;
    }
}
