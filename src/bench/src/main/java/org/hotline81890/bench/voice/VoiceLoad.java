package org.hotline81890.bench.voice;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.hotline81890.gateway.HotlineApp;
import org.hotline81890.gateway.channel.agi.FastAgiServer;
import org.hotline81890.gateway.config.HotlineConfig;
import org.hotline81890.gateway.wiring.VoiceModule;

/**
 * Load driver for the FastAGI intake. This JVM is the gateway (HotlineApp with the voice module on a fresh
 * database of the given MariaDB/MySQL server); the simulated Asterisk runs in a child JVM ({@link VoiceCallDriver},
 * options from --driver-jvm-opts) so that the heap, the GC pauses and the CPU the gateway gets are its own. The
 * child prints calls/s and p50/p99 per AGI command as Asterisk sees them; this JVM prints the most calls held at
 * once, refused connections, its heap and its GC. Run it as documented in hotline-gateway/docs/voice.md.
 */
public final class VoiceLoad {
    private VoiceLoad() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = VoiceCallDriver.options(args);
        String server = a.getOrDefault("db-server", "jdbc:mysql://127.0.0.1:3306/");
        String user = a.getOrDefault("db-user", "hotline");
        String password = a.getOrDefault("db-password", "");
        String dbName = "hotline_voice_load_" + System.currentTimeMillis();
        sql(server, user, password, "CREATE DATABASE " + dbName + " CHARACTER SET utf8mb4");
        Path data = Files.createTempDirectory("voice-load");
        int exit;
        try {
            exit = run(server + dbName + "?sslMode=DISABLED", user, password, data, a);
        } finally {
            sql(server, user, password, "DROP DATABASE " + dbName);
        }
        System.exit(exit);
    }

    private static int run(String url, String user, String password, Path data, Map<String, String> a)
            throws IOException, InterruptedException {
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
            return drive(agi, a);
        }
    }

    private static int drive(FastAgiServer agi, Map<String, String> a) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(Arrays.asList(a.getOrDefault("driver-jvm-opts", "-Xmx512m -XX:+UseZGC").trim().split("\\s+")));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), VoiceCallDriver.class.getName(),
                "--port", Integer.toString(agi.port())));
        for (String key : List.of("calls", "prompt-ms", "ramp-ms", "warm-up", "warm-ramp-ms", "warm-prompt-ms")) {
            if (a.containsKey(key)) {
                cmd.addAll(List.of("--" + key, a.get(key)));
            }
        }
        GcWatch gc = new GcWatch().start();
        AtomicInteger maxHeld = new AtomicInteger();
        AtomicLong maxHeap = new AtomicLong();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        Process driver = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        DriverConsole console = new DriverConsole(Long.parseLong(a.getOrDefault("jit-settled-ms", "150")),
                Integer.parseInt(a.getOrDefault("warm-rounds", "12")), gc::reset).attach(driver, System.out);
        while (!driver.waitFor(5, TimeUnit.MILLISECONDS)) {
            maxHeld.accumulateAndGet(agi.activeCalls(), Math::max);
            maxHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        }
        long compiledDuringLoad = console.compileMsDuringLoad();
        Runtime rt = Runtime.getRuntime();
        long committed = memory.getHeapMemoryUsage().getCommitted();
        System.gc();
        System.out.printf("gateway JVM (%s, %d cores): most calls held at once %d; served %d; refused %d%n",
                String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()),
                rt.availableProcessors(), maxHeld.get(), agi.servedCalls(), agi.refusedConnections());
        System.out.printf("  gateway JIT compilation during the load: %d ms%n", compiledDuringLoad);
        System.out.printf("  gateway heap (whole run): peak used %d MB, committed %d MB, live after GC %d MB, "
                        + "max %d MB%n",
                maxHeap.get() >> 20, committed >> 20, memory.getHeapMemoryUsage().getUsed() >> 20,
                rt.maxMemory() >> 20);
        System.out.println("  gateway GC during the load (the one Old collection is the final System.gc()):");
        gc.print(System.out);
        return driver.exitValue();
    }

    private static void sql(String server, String user, String password, String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(server + "?sslMode=DISABLED", user, password);
             Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
