package org.hotline81890.bench.sms;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.vertx.core.json.JsonObject;

/** The node SMSC (src/simulators/smsc/smsc.js) as a child process, JSON lines in and out. */
final class NodeSmsc implements AutoCloseable {
    private final Process process;
    private final Writer stdin;
    private final LinkedBlockingQueue<JsonObject> events = new LinkedBlockingQueue<>();
    private final int port;

    NodeSmsc(Path repoRoot, String... args) throws IOException {
        Path dir = repoRoot.resolve("src/simulators/smsc");
        if (!Files.isDirectory(dir.resolve("node_modules/smpp"))) {
            throw new IllegalStateException("run 'cd src/simulators/smsc && npm ci' first");
        }
        List<String> cmd = new ArrayList<>(List.of("node", "smsc.js", "--port", "0"));
        cmd.addAll(List.of(args));
        process = new ProcessBuilder(cmd).directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread.ofPlatform().daemon().name("smsc-events").start(this::read);
        port = await(e -> "listening".equals(e.getString("event")), Duration.ofSeconds(20)).getInteger("port");
    }

    int port() {
        return port;
    }

    void send(JsonObject cmd) {
        try {
            stdin.write(cmd.encode() + "\n");
            stdin.flush();
        } catch (IOException e) {
            throw new IllegalStateException("SMSC stdin closed", e);
        }
    }

    /** The next event (from now on) matching {@code match}; earlier non-matching events are dropped. */
    JsonObject await(Predicate<JsonObject> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                JsonObject e = left > 0 ? events.poll(left, TimeUnit.NANOSECONDS) : null;
                if (e == null) {
                    throw new IllegalStateException("SMSC event not seen within " + timeout);
                }
                if (match.test(e)) {
                    return e;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    JsonObject request(JsonObject cmd, String reply, Duration timeout) {
        send(cmd);
        return await(e -> reply.equals(e.getString("event")), timeout);
    }

    private void read() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("{") && !line.contains("\"event\":\"submit\"")) {
                    events.add(new JsonObject(line));
                }
            }
        } catch (IOException e) {
            // ended
        }
    }

    @Override
    public void close() {
        try {
            send(new JsonObject().put("cmd", "quit"));
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (RuntimeException | InterruptedException e) {
            process.destroyForcibly();
        }
    }
}
