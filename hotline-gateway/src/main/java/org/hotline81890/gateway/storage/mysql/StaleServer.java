package org.hotline81890.gateway.storage.mysql;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded MariaDB left running by a hotline process that was killed (kill -9 skips shutdown hooks) holds the
 * data directory's locks, and the next start would hang on them. Before starting, stop such a leftover server: only
 * a mariadbd whose command line names this very data directory.
 */
final class StaleServer {
    private static final Logger LOG = LoggerFactory.getLogger(StaleServer.class);

    private StaleServer() {
    }

    static void stopIfRunning(Path dataDir) throws IOException {
        if (!Files.isDirectory(dataDir)) {
            return;
        }
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(dataDir, "*.pid")) {
            for (Path pidFile : pids) {
                pid(pidFile).flatMap(ProcessHandle::of).filter(p -> isOurs(p, dataDir)).ifPresent(StaleServer::stop);
            }
        }
    }

    /** Whether this data directory's server runs under a live Java process (a running hotline), not orphaned. */
    static boolean ownedByLiveProcess(Path dataDir) throws IOException {
        if (!Files.isDirectory(dataDir)) {
            return false;
        }
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(dataDir, "*.pid")) {
            for (Path pidFile : pids) {
                Optional<ProcessHandle> server = pid(pidFile).flatMap(ProcessHandle::of)
                        .filter(p -> isOurs(p, dataDir));
                if (server.flatMap(ProcessHandle::parent).flatMap(p -> p.info().command())
                        .filter(cmd -> cmd.endsWith("java")).isPresent()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Optional<Long> pid(Path pidFile) {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isOurs(ProcessHandle p, Path dataDir) {
        return p.info().commandLine().map(cmd -> cmd.contains("mariadbd") && cmd.contains(dataDir.toString()))
                .orElse(false);
    }

    private static void stop(ProcessHandle p) {
        LOG.warn("stopping embedded MariaDB (pid {}) left running by an earlier hotline process", p.pid());
        p.destroy();
        try {
            p.onExit().get(Duration.ofSeconds(30).toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            p.destroyForcibly();
        }
    }
}
