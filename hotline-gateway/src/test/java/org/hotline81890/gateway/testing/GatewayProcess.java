package org.hotline81890.gateway.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged gateway ({@code target/hotline.jar run}) in its own JVM, configured by HOTLINE_* variables, for the
 * crash drills: {@link #kill()} is a real SIGKILL of that process (no shutdown hook, no flush, no rollback but
 * MariaDB's own), and a new one is started on the same database afterwards. Output goes to files, not pipes, so a
 * chatty child never blocks on a full pipe.
 */
public final class GatewayProcess implements AutoCloseable {
    private static final Pattern UP = Pattern.compile("81890 hotline is up: http://[^:]+:(\\d+)/health");
    private final Process process;
    private final Path log;
    private final int httpPort;

    private GatewayProcess(Process process, Path log, int httpPort) {
        this.process = process;
        this.log = log;
        this.httpPort = httpPort;
    }

    /** Starts the gateway and waits until it said it is up (a JVM start and migrations take minutes when loaded). */
    public static GatewayProcess start(Map<String, String> env, Path dir, String name) throws IOException {
        Path jar = Path.of("target", "hotline.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no " + jar + ": the drills run the packaged gateway (mvn verify packages "
                    + "it before the ITs)");
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-jar", jar.toString(), "run"));
        Path log = dir.resolve(name + ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        long until = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < until) {
            Matcher m = UP.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (m.find()) {
                return new GatewayProcess(p, log, Integer.parseInt(m.group(1)));
            }
            if (!p.isAlive()) {
                throw new IllegalStateException("the gateway " + name + " ended with " + p.exitValue() + ": "
                        + tail(log));
            }
            sleep(100);
        }
        p.destroyForcibly();
        throw new IllegalStateException("the gateway " + name + " did not come up in 3 minutes: " + tail(log));
    }

    public int httpPort() {
        return httpPort;
    }

    public String base() {
        return "http://127.0.0.1:" + httpPort;
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL (Process.destroyForcibly on Linux), then waits for the process to be gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("gateway " + process.pid() + " still alive 60 s after SIGKILL");
        }
    }

    public String logTail() {
        return tail(log);
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A polite stop (SIGTERM), then SIGKILL if it does not end. */
    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }
}
