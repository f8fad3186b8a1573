package org.hotline81890.gateway.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import io.vertx.core.json.JsonObject;

/**
 * The independent SMSC simulator ({@code src/simulators/smsc/smsc.js}, npm {@code smpp}) as a child process of the
 * demo: the gateway binds to it as an ESME like to an operator's SMSC; the demo sends residents' and providers' texts
 * with {@code deliver} commands and reads every text the hotline sends from its {@code submit} events (JSON lines).
 */
final class NodeSmsc implements AutoCloseable {
    private final Process process;
    private final Writer stdin;
    private final CompletableFuture<Integer> listening = new CompletableFuture<>();
    private final Consumer<JsonObject> events;

    private NodeSmsc(Process process, Consumer<JsonObject> events) {
        this.process = process;
        this.events = events;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread.ofPlatform().daemon().name("demo-smsc").start(this::read);
    }

    /** Why the SMSC cannot run from {@code dir}, if it cannot (no node, or {@code npm ci} not run). */
    static java.util.Optional<String> unavailable(Path dir) {
        if (!Files.isRegularFile(dir.resolve("smsc.js"))) {
            return java.util.Optional.of("no SMSC simulator at " + dir + " (run the demo from the repository root, or "
                    + "pass --smsc-dir)");
        }
        if (!Files.isDirectory(dir.resolve("node_modules/smpp"))) {
            return java.util.Optional.of("the SMSC simulator's packages are missing: cd " + dir + " && npm ci");
        }
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0 ? java.util.Optional.empty() : java.util.Optional.of("node does not run");
        } catch (IOException e) {
            return java.util.Optional.of("node is not installed (apt-get install nodejs npm)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.of("interrupted");
        }
    }

    static NodeSmsc start(Path dir, String systemId, String password, Consumer<JsonObject> events)
            throws IOException {
        Process p = new ProcessBuilder(List.of("node", "smsc.js", "--port", "0", "--system-id", systemId,
                "--password", password, "--window", "200")).directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        NodeSmsc smsc = new NodeSmsc(p, events);
        try {
            smsc.listening.get(20, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            smsc.close();
            throw new IOException("the SMSC simulator did not start", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return smsc;
    }

    int port() {
        return listening.join();
    }

    /** A mobile-originated text from {@code from} to 81890 (UCS-2, split by the SMSC when long). */
    synchronized void deliver(String from, String text) {
        try {
            int length = text.codePointCount(0, text.length());
            JsonObject cmd = new JsonObject().put("cmd", "deliver").put("text", text).put("coding", "ucs2")
                    .put("source", from).put("dest", "81890");
            if (length > 70) {
                cmd.put("split", "udh8").put("parts", (length + 66) / 67);
            }
            stdin.write(cmd.encode() + "\n");
            stdin.flush();
        } catch (IOException e) {
            throw new IllegalStateException("the SMSC simulator has gone", e);
        }
    }

    private void read() {
        try (BufferedReader r = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.startsWith("{")) {
                    continue;
                }
                JsonObject e = new JsonObject(line);
                if ("listening".equals(e.getString("event"))) {
                    listening.complete(e.getInteger("port"));
                } else if ("submit".equals(e.getString("event"))) {
                    events.accept(e);
                }
            }
        } catch (IOException | RuntimeException e) {
            listening.completeExceptionally(e);
        }
    }

    @Override
    public void close() {
        try {
            synchronized (this) {
                stdin.write("{\"cmd\":\"quit\"}\n");
                stdin.flush();
            }
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
