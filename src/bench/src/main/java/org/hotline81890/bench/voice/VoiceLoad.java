package org.hotline81890.bench.voice;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.hotline81890.gateway.HotlineApp;
import org.hotline81890.gateway.channel.agi.FastAgiServer;
import org.hotline81890.gateway.channel.agi.VoiceModule;
import org.hotline81890.gateway.config.HotlineConfig;
import org.hotline81890.simulators.agi.AgiCallResult;
import org.hotline81890.simulators.agi.AgiCallSimulator;
import org.hotline81890.simulators.agi.AgiCallSpec;
import org.hotline81890.simulators.agi.AgiExchange;
import org.hotline81890.simulators.agi.CallerScript;

/**
 * Load driver for the FastAGI intake: starts the gateway (HotlineApp, voice module, a fresh database on the given
 * MariaDB/MySQL server), fires N simulated Asterisk calls at once (each: ANSWER, the greeting playing for
 * --prompt-ms, the work order opened, channel variables set) and prints calls/s, the most calls held at once,
 * refused calls, p50/p99 of the server's round trip per AGI command, and the heap. Run it as documented in
 * hotline-gateway/docs/voice.md.
 */
public final class VoiceLoad {
    private VoiceLoad() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = parse(args);
        int calls = Integer.parseInt(a.getOrDefault("calls", "2000"));
        int promptMs = Integer.parseInt(a.getOrDefault("prompt-ms", "15000"));
        int rampMs = Integer.parseInt(a.getOrDefault("ramp-ms", "10000"));
        String server = a.getOrDefault("db-server", "jdbc:mysql://127.0.0.1:3306/");
        String user = a.getOrDefault("db-user", "hotline");
        String password = a.getOrDefault("db-password", "");
        String dbName = "hotline_voice_load_" + System.currentTimeMillis();
        sql(server, user, password, "CREATE DATABASE " + dbName + " CHARACTER SET utf8mb4");
        Path data = Files.createTempDirectory("voice-load");
        try {
            run(calls, promptMs, rampMs, server + dbName + "?sslMode=DISABLED", user, password, data, a);
        } finally {
            sql(server, user, password, "DROP DATABASE " + dbName);
        }
    }

    private static void run(int calls, int promptMs, int rampMs, String url, String user, String password, Path data,
                            Map<String, String> a) throws InterruptedException {
        Map<String, String> env = new HashMap<>(Map.of("HOTLINE_DB_URL", url, "HOTLINE_DB_USER", user,
                "HOTLINE_DB_PASSWORD", password, "HOTLINE_HTTP_PORT", "0", "HOTLINE_HTTP_HOST", "127.0.0.1",
                "HOTLINE_DATA_DIR", data.toString(), "HOTLINE_AGI_PORT", "0", "HOTLINE_AGI_ENABLED", "true",
                "HOTLINE_AMI_ENABLED", "false", "HOTLINE_DB_POOL_SIZE", a.getOrDefault("pool", "10")));
        env.put("HOTLINE_HTTP_ADMIN_TOKEN", "voice-load-token-0123");
        VoiceModule[] voice = new VoiceModule[1];
        try (HotlineApp app = HotlineApp.start(HotlineConfig.load(null, env), System.out, List.of(core -> {
            voice[0] = new VoiceModule(core);
            return voice[0];
        }))) {
            FastAgiServer agi = voice[0].agiServer().orElseThrow();
            warmUp(agi.port());
            report(calls, promptMs, rampMs, agi, fire(calls, promptMs, rampMs, agi));
        }
    }

    private static void warmUp(int port) {
        List<AgiCallSpec> specs = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            specs.add(spec("warm", i, 0));
        }
        new AgiCallSimulator().runAll("127.0.0.1", port, specs, CallerScript.silent());
    }

    private record Run(List<AgiCallResult> results, Duration wall, int maxHeld, long maxHeapBytes) {
    }

    private static Run fire(int calls, int promptMs, int rampMs, FastAgiServer agi) throws InterruptedException {
        List<AgiCallSpec> specs = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            specs.add(spec("load", i, promptMs));
        }
        AtomicInteger maxHeld = new AtomicInteger();
        AtomicLong maxHeap = new AtomicLong();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                maxHeld.accumulateAndGet(agi.activeCalls(), Math::max);
                maxHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long start = System.nanoTime();
        List<AgiCallResult> results = arriving(specs, rampMs, agi.port(), start);
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        sampler.interrupt();
        sampler.join();
        return new Run(results, wall, maxHeld.get(), maxHeap.get());
    }

    /** Call i arrives at {@code start + i * rampMs / n}, as calls reach a real Asterisk: spread, not all at once. */
    private static List<AgiCallResult> arriving(List<AgiCallSpec> specs, int rampMs, int port, long start) {
        AgiCallSimulator asterisk = new AgiCallSimulator(Duration.ofSeconds(60));
        List<Future<AgiCallResult>> futures = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < specs.size(); i++) {
                long at = start + (long) i * rampMs * 1_000_000L / specs.size();
                AgiCallSpec spec = specs.get(i);
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

    private static void report(int calls, int promptMs, int rampMs, FastAgiServer agi, Run run) {
        List<Long> micros = new ArrayList<>();
        Map<String, List<Long>> byCommand = new TreeMap<>();
        long failed = 0;
        long complete = 0;
        for (AgiCallResult r : run.results()) {
            if (r.failure().isPresent()) {
                failed++;
            }
            if (r.variable("HOTLINE_STATUS").filter("OK"::equals).isPresent()) {
                complete++;
            }
            for (AgiExchange e : r.exchanges()) {
                micros.add(e.serverLatency().toNanos() / 1000);
                byCommand.computeIfAbsent(verb(e.command()), k -> new ArrayList<>())
                        .add(e.serverLatency().toNanos() / 1000);
            }
        }
        micros.sort(Long::compare);
        Runtime rt = Runtime.getRuntime();
        System.gc();
        System.out.printf("voice load: %d calls arriving over %d ms, greeting %d ms, %d cores%n", calls, rampMs,
                promptMs, rt.availableProcessors());
        System.out.printf("  wall %.2f s, %.1f calls/s%n", run.wall().toMillis() / 1000.0,
                calls / (run.wall().toMillis() / 1000.0));
        System.out.printf("  most calls held at once: %d; completed with HOTLINE_STATUS=OK: %d; failed: %d; "
                + "refused: %d%n", run.maxHeld(), complete, failed, agi.refusedConnections());
        System.out.printf("  AGI command round trip (server side), %d commands: p50 %.3f ms, p99 %.3f ms, "
                + "max %.3f ms%n", micros.size(), pct(micros, 50) / 1000.0, pct(micros, 99) / 1000.0,
                micros.get(micros.size() - 1) / 1000.0);
        for (Map.Entry<String, List<Long>> c : byCommand.entrySet()) {
            List<Long> l = c.getValue();
            l.sort(Long::compare);
            System.out.printf("    %-13s %6d: p50 %.3f ms, p99 %.3f ms%n", c.getKey(), l.size(), pct(l, 50) / 1000.0,
                    pct(l, 99) / 1000.0);
        }
        System.out.printf("  heap (gateway + simulator, one JVM): peak used %d MB, after GC %d MB, max %d MB%n",
                run.maxHeapBytes() >> 20, (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
    }

    /** "SET VARIABLE HOTLINE_TICKET 1" → "SET VARIABLE": the AGI command without its arguments. */
    private static String verb(String command) {
        String[] w = command.trim().split(" ");
        return w.length > 1 && w[1].chars().allMatch(Character::isUpperCase) ? w[0] + " " + w[1] : w[0];
    }

    private static long pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static void sql(String server, String user, String password, String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(server + "?sslMode=DISABLED", user, password);
             Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            m.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return m;
    }
}
