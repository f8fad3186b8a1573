package org.hotline81890.bench.sms;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Kannel's bearerbox (Debian package kannel, an ESME) bound to its own node SMSC, for a side-by-side figure: it
 * acknowledges deliver_sm without committing each message to a database first. No smsbox: MO messages stay in
 * bearerbox's memory queue.
 */
final class KannelBearerbox implements AutoCloseable {
    private final Process process;

    KannelBearerbox(NodeSmsc smsc) throws IOException {
        Path dir = Files.createTempDirectory("kannel-bench");
        String conf = String.join("\n",
                "group = core", "admin-port = " + freePort(), "admin-password = bench", "smsbox-port = " + freePort(),
                "box-allow-ip = 127.0.0.1", "log-level = 4", "log-file = \"" + dir.resolve("bearerbox.log") + "\"",
                "", "group = smsc", "smsc = smpp", "smsc-id = node", "host = 127.0.0.1", "port = " + smsc.port(),
                "transceiver-mode = true", "smsc-username = hotline", "smsc-password = secret",
                "system-type = \"\"", "enquire-link-interval = 30", "",
                "group = smsbox", "bearerbox-host = 127.0.0.1", "");
        Path file = dir.resolve("kannel.conf");
        Files.writeString(file, conf);
        process = new ProcessBuilder("bearerbox", file.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("stdout.log").toFile()).start();
        smsc.await(e -> "bind".equals(e.getString("event")) && Boolean.TRUE.equals(e.getBoolean("ok")),
                Duration.ofSeconds(30));
    }

    long pid() {
        return process.pid();
    }

    static boolean available() {
        return Files.isExecutable(Path.of("/usr/sbin/bearerbox")) || Files.isExecutable(Path.of("/usr/bin/bearerbox"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        // bearerbox may ignore its first SIGTERM (PLATFORM-NOTES): SIGKILL, it keeps nothing we need.
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
