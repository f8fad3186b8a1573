package org.hotline81890.bench.desk;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway as its own process ({@code java -jar hotline.jar run}), so what the bench's clients hold in memory is
 * not counted as the gateway's. Its heap is read with jcmd after a full GC, its
 * resident size from /proc.
 */
final class GatewayProcess implements AutoCloseable {
    private final Process process;
    private final int httpPort;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private GatewayProcess(Process process, int httpPort) {
        this.process = process;
        this.httpPort = httpPort;
    }

    static GatewayProcess start(Path jar, Map<String, String> env, int httpPort, Path log) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(javaHome().resolve("bin/java").toString(), "-Xmx512m",
                "-XX:+UseG1GC", "-jar", jar.toString(), "run"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        GatewayProcess g = new GatewayProcess(pb.start(), httpPort);
        long until = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < until) {
            if (!g.process.isAlive()) {
                throw new IllegalStateException("the gateway stopped; see " + log + ":\n" + Files.readString(log));
            }
            try {
                if (g.get("/health/ready").statusCode() == 200) {
                    return g;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        g.close();
        throw new IllegalStateException("the gateway was not ready within 3 minutes; see " + log);
    }

    private static Path javaHome() {
        return Path.of(System.getProperty("java.home"));
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    String base() {
        return "http://127.0.0.1:" + httpPort;
    }

    /**
     * Heap in use after a full GC, in bytes, as the JVM itself reports it ({@code jcmd GC.heap_info}); the gateway's
     * {@code /metrics} binds no JVM memory meters, so reading them there gave 0.
     */
    long heapAfterGc() throws Exception {
        jcmd("GC.run");
        Matcher used = Pattern.compile("used (\\d+)K").matcher(jcmd("GC.heap_info"));
        return used.find() ? Long.parseLong(used.group(1)) * 1024 : -1;
    }

    private String jcmd(String command) throws Exception {
        Process p = new ProcessBuilder(javaHome().resolve("bin/jcmd").toString(), Long.toString(process.pid()),
                command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    /** Resident set size in bytes (Linux). */
    long rss() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        return -1;
    }

    long threads() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("Threads:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
