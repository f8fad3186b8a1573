package org.hotline81890.gateway.channel.smpp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import io.vertx.core.json.JsonObject;

/** Runs src/simulators/smsc/smsc.js (npm smpp) as a child process and talks JSON lines to it. */
public final class SmscProcess implements AutoCloseable {
    private final Process process;
    private final Writer stdin;
    private final List<JsonObject> events = new CopyOnWriteArrayList<>();
    private final int port;

    private SmscProcess(Process process) throws IOException {
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread.ofPlatform().daemon().name("smsc-stdout").start(this::readEvents);
        this.port = await(e -> "listening".equals(e.getString("event")), Duration.ofSeconds(20)).getInteger("port");
    }

    public static SmscProcess start(String... args) throws IOException {
        Path dir = repoRoot().resolve("src/simulators/smsc");
        if (!Files.isDirectory(dir.resolve("node_modules/smpp"))) {
            throw new IllegalStateException("The SMSC simulator's dependencies are missing: run "
                    + "'cd src/simulators/smsc && npm ci' first (node_modules/smpp not found under " + dir + ")");
        }
        List<String> cmd = new java.util.ArrayList<>(List.of("node", "smsc.js", "--port", "0"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        return new SmscProcess(p);
    }

    static Path repoRoot() {
        String prop = System.getProperty("hotline.repo.root");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        return Path.of("").toAbsolutePath().getParent();
    }

    public int port() {
        return port;
    }

    public void send(JsonObject cmd) {
        try {
            stdin.write(cmd.encode() + "\n");
            stdin.flush();
        } catch (IOException e) {
            throw new IllegalStateException("SMSC simulator stdin closed", e);
        }
    }

    public List<JsonObject> events() {
        return events;
    }

    /** The first event (from the start) matching, waiting up to {@code timeout}. */
    public JsonObject await(Predicate<JsonObject> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        while (System.nanoTime() < deadline) {
            for (; seen < events.size(); seen++) {
                if (match.test(events.get(seen))) {
                    return events.get(seen);
                }
            }
            synchronized (events) {
                try {
                    events.wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        throw new AssertionError("SMSC event not seen within " + timeout + "; last events: "
                + events.subList(Math.max(0, events.size() - 10), events.size()));
    }

    /** Sends a command and waits for the reply event named {@code reply} that comes after it. */
    public JsonObject request(JsonObject cmd, String reply, Duration timeout) {
        int before = events.size();
        send(cmd);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (int i = before; i < events.size(); i++) {
                if (reply.equals(events.get(i).getString("event"))) {
                    return events.get(i);
                }
            }
            synchronized (events) {
                try {
                    events.wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        throw new AssertionError("no '" + reply + "' reply to " + cmd.encode());
    }

    private void readEvents() {
        try (BufferedReader r = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("{")) {
                    events.add(new JsonObject(line));
                    synchronized (events) {
                        events.notifyAll();
                    }
                }
            }
        } catch (IOException e) {
            // process ended
        }
    }

    @Override
    public void close() {
        try {
            send(new JsonObject().put("cmd", "quit"));
        } catch (IllegalStateException e) {
            // already gone
        }
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
